"""The programme as one `Schedule`, from which both conference-app feeds (`agenda.feeds.frab`) are rendered.

- Cancelled sessions are left out. Neither schema has a field for an event's state, and the apps
  treat an event id that disappears from a new release as cancelled (EventFahrplan lists it among
  the changes). The iCalendar feed keeps them, with STATUS:CANCELLED.
- Days are the edition's calendar days in its own time zone, as the agenda's day filter groups
  sessions. A day runs from 06:00 local time (earlier if a session starts earlier) to the next day's
  start, or 06:00 the day after, or the end of its last session if that is later.
- Rooms: the edition's rooms in grid order (all of them, on every day, so columns stay put), then one
  room per venue that has whole-venue sessions (breaks, ceremonies), then “To be announced” for
  sessions without a place. Each has a stable guid (uuid5 of the edition and the room's or venue's
  slug), so renaming a room keeps its guid.
"""

import datetime as dt
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _

from agenda.feeds.common import (
    JSON_SLUG_PATTERN,
    acronym,
    clean_text,
    event_slugs,
    room_guid,
    session_path,
    session_people,
    session_text,
)
from agenda.models import Room, Topic
from agenda.releases.selectors import latest_release_number
from agenda.selectors import public_sessions
from agenda.selectors.rows import LoadedSession, LoadedSessions, load_sessions
from agenda.templatetags.wording import aside

DAY_CHANGE = dt.time(6, 0)
HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


@dataclass
class FeedRoom:
    name: str
    guid: str
    slug: str = ""
    capacity: int | None = None
    venue_name: str = ""


@dataclass
class FeedEvent:
    """A session in the feeds. What only its own fragment shows is read when the fragment is rendered
    (agenda.feeds.frab), from the session's related objects, which are attached to it then."""

    loaded: LoadedSession = field(repr=False)
    slug: str
    room: FeedRoom
    start: dt.datetime
    end: dt.datetime
    title: str
    edition: object = field(repr=False)
    absolute_uri: object = field(repr=False)

    @property
    def session(self):
        return self.loaded.session

    @property
    def id(self):
        return self.session.pk

    @property
    def guid(self):
        return str(self.session.guid)

    @property
    def type(self):
        return str(self.session.get_kind_display())

    @property
    def track(self):
        return clean_text(self.session.topic.name) if self.session.topic_id else ""

    @property
    def language(self):
        return self.session.language

    @property
    def abstract(self):
        return clean_text(self.session.description.strip())

    @property
    def description(self):
        return session_text(self.session, zone=self.edition.zone)

    @property
    def url(self):
        return self.absolute_uri(session_path(self.edition, self.session))

    @property
    def persons(self):
        return [(person.pk, clean_text(person.name)) for person in session_people(self.session)]

    @property
    def fragment_key(self):
        """Everything the event's fragment is made of, besides the language."""
        edition = self.edition
        return (
            f"{edition.pk}|{edition.slug}|{edition.time_zone}|{self.absolute_uri('/')}|{self.slug}|{self.room.name}|"
            f"{self.loaded.digest}"
        )

    @property
    def date(self):
        return iso_moment(self.start)

    @property
    def start_time(self):
        return f"{self.start:%H:%M}"

    @property
    def duration(self):
        return duration_text(self.end - self.start)


@dataclass
class FeedDay:
    index: int
    date: dt.date
    start: dt.datetime
    end: dt.datetime
    events: list = field(default_factory=list)


@dataclass
class FeedTrack:
    name: str
    slug: str
    color: str


@dataclass
class Schedule:
    version: str
    xml_url: str
    json_url: str
    base_url: str
    title: str
    description: str
    acronym: str
    start: dt.date
    end: dt.date
    time_zone_name: str
    conference_url: str
    rooms: list
    tracks: list
    days: list
    sessions: LoadedSessions = field(repr=False)  # to attach related objects to the events rendered afresh


def iso_moment(moment):
    return moment.isoformat(timespec="seconds")


def duration_text(delta):
    """HH:MM (EventFahrplan reads a third part as days:hours:minutes)."""
    minutes = max(0, round(delta.total_seconds() / 60))
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _unique_names(rooms):
    """Room names are keys in the JSON days: a shared name gets its venue, then a number."""
    counts = Counter(room.name for room in rooms)
    for room in rooms:
        if counts[room.name] > 1 and room.venue_name and room.venue_name != room.name:
            room.name = f"{room.name}{aside(room.venue_name)}"
    seen = Counter()
    for room in rooms:
        seen[room.name] += 1
        if seen[room.name] > 1:
            room.name = f"{room.name} {seen[room.name]}"
    return rooms


def _json_slug(value):
    return value if JSON_SLUG_PATTERN.match(value or "") else ""


def _feed_rooms(edition, rooms, sessions):
    """(list of FeedRoom, function session -> FeedRoom)."""
    feed_rooms, by_room, by_venue, guids = [], {}, {}, set()
    for room in rooms:
        guid = room_guid(edition, f"room:{room.slug}")
        if guid in guids:  # Two venues with a room of the same slug.
            guid = room_guid(edition, f"room:{room.venue.slug}:{room.slug}")
        guids.add(guid)
        by_room[room.pk] = FeedRoom(
            name=clean_text(room.name),
            guid=str(guid),
            slug=_json_slug(room.slug),
            capacity=room.capacity,
            venue_name=clean_text(room.venue.name),
        )
        feed_rooms.append(by_room[room.pk])
    for session in sorted((s for s in sessions if not s.room_id and s.venue_id), key=lambda s: s.venue.name):
        if session.venue_id not in by_venue:
            by_venue[session.venue_id] = FeedRoom(
                name=clean_text(session.venue.name),
                guid=str(room_guid(edition, f"venue:{session.venue.slug}")),
                slug=_json_slug(session.venue.slug),
            )
            feed_rooms.append(by_venue[session.venue_id])
    # Events around the summit held elsewhere (a press conference in Beijing): a room named after the place.
    by_location = {}
    for session in sessions:
        if not session.room_id and not session.venue_id and session.location and session.location not in by_location:
            by_location[session.location] = FeedRoom(
                name=clean_text(session.location),
                guid=str(room_guid(edition, f"place:{session.location}")),
                slug=_json_slug(slugify(session.location) or "place"),
            )
            feed_rooms.append(by_location[session.location])
    unplaced = None
    if any(not s.room_id and not s.venue_id and not s.location for s in sessions):
        unplaced = FeedRoom(name=_("To be announced"), guid=str(room_guid(edition, "to-be-announced")))
        feed_rooms.append(unplaced)
    _unique_names(feed_rooms)

    def place(session):
        if session.room_id:
            if session.room_id not in by_room:  # A room of another edition: shown by name only.
                by_room[session.room_id] = FeedRoom(
                    name=clean_text(session.room.name),
                    guid=str(room_guid(edition, f"room:{session.room.venue.slug}:{session.room.slug}")),
                )
                feed_rooms.append(by_room[session.room_id])
                _unique_names(feed_rooms)
            return by_room[session.room_id]
        if session.venue_id:
            return by_venue[session.venue_id]
        if session.location:
            return by_location[session.location]
        return unplaced

    return feed_rooms, place


def _days(edition, events):
    zone = edition.zone
    by_date = defaultdict(list)
    for event in events:
        by_date[event.start.date()].append(event)
    dates = sorted(set(edition.days) | set(by_date))
    starts = [
        min([dt.datetime.combine(day, DAY_CHANGE, tzinfo=zone)] + [event.start for event in by_date[day]])
        for day in dates
    ]
    days = []
    for index, day in enumerate(dates):
        end = dt.datetime.combine(day + dt.timedelta(days=1), DAY_CHANGE, tzinfo=zone)
        if index + 1 < len(dates):
            end = min(end, starts[index + 1])
        end = max([end] + [event.end for event in by_date[day]])
        events_of_day = sorted(by_date[day], key=lambda event: (event.start, event.title, event.id))
        days.append(
            FeedDay(
                index=index + 1,
                date=day,
                start=starts[index].astimezone(zone),
                end=end.astimezone(zone),
                events=events_of_day,
            )
        )
    return days


def build_schedule(*, edition, sessions, rooms, topics, absolute_uri, version=None):
    """The programme as a `Schedule`, from sessions loaded by load_sessions() with speakers, organisers and
    items (no queries here).

    `version`: the number of the edition's last release. The feed says “<release>.<programme version>”
    (“0.<programme version>” before the first release): apps comparing versions see it only ever go up, and
    an edit published between two releases changes it too.
    """
    zone = edition.zone
    loaded = [each for each in sessions if not each.session.is_cancelled]
    active = [each.session for each in loaded]
    feed_rooms, place = _feed_rooms(edition, list(rooms), active)
    slugs = event_slugs(edition, active)
    events = [
        FeedEvent(
            loaded=each,
            slug=slugs[each.session.pk],
            room=place(each.session),
            start=each.session.start.astimezone(zone),
            end=each.session.end.astimezone(zone),
            title=clean_text(each.session.title),
            edition=edition,
            absolute_uri=absolute_uri,
        )
        for each in loaded
    ]
    tracks = [
        FeedTrack(
            name=clean_text(topic.name),
            slug=_json_slug(topic.slug),
            color=topic.colour if HEX_COLOUR.fullmatch(topic.colour or "") else "",
        )
        for topic in topics
    ]
    days = _days(edition, events)
    return Schedule(
        version=f"{version or 0}.{edition.programme_version}",
        xml_url=absolute_uri(reverse("agenda:schedule_xml", args=[edition.slug])),
        json_url=absolute_uri(reverse("agenda:schedule_json", args=[edition.slug])),
        base_url=absolute_uri("/"),
        title=clean_text(edition.name),
        description=clean_text(edition.theme),
        acronym=acronym(edition),
        # The first and last of the days (events around the summit may add days before or after its own), so
        # that apps that count days from the start find each one.
        start=min(day.date for day in days) if days else edition.start_date,
        end=max(day.date for day in days) if days else edition.end_date,
        time_zone_name=edition.time_zone,
        conference_url=absolute_uri(reverse("agenda:edition_home", args=[edition.slug])),
        rooms=feed_rooms,
        tracks=tracks,
        days=days,
        sessions=sessions,
    )


def edition_schedule(*, edition, absolute_uri):
    """Load the edition's public programme (a fixed number of queries) and build its `Schedule`."""
    sessions = load_sessions(
        public_sessions(edition=edition, preview=False).active(), speakers=True, organisers=True, items=True
    )
    rooms = Room.objects.filter(venue__edition=edition).select_related("venue").order_by("position", "name", "pk")
    topics = Topic.objects.filter(edition=edition).order_by("name", "pk")
    return build_schedule(
        edition=edition,
        sessions=sessions,
        rooms=rooms,
        topics=topics,
        absolute_uri=absolute_uri,
        version=latest_release_number(edition),
    )
