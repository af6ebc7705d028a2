"""iCalendar (RFC 5545) feeds: the whole programme, or one session, for calendar apps."""

import datetime as dt
import functools

import icalendar
from django.utils.translation import gettext as _

from agenda.feeds.common import clean_text, place_parts, session_path, session_text
from agenda.fragments import fragments
from agenda.selectors.rows import LoadedSessions
from agenda.templatetags.wording import DETAIL_SEPARATOR

PRODID = "-//WIC Planner//Programme//EN"
UID_DOMAIN = "wicplanner"
REFRESH_INTERVAL = dt.timedelta(hours=1)


def session_uid(session):
    """Stable across releases and renames of the title: built from the session's guid."""
    return f"{session.guid}@{UID_DOMAIN}"


def _utc(moment):
    return moment.astimezone(dt.UTC)


def _timezone(edition, sessions):
    """The edition's VTIMEZONE, covering the edition's years and every session's."""
    dates = [edition.start_date, edition.end_date]
    for session in sessions:
        dates += [session.start.astimezone(edition.zone).date(), session.end.astimezone(edition.zone).date()]
    return _vtimezone(edition.time_zone, min(dates).year, max(dates).year + 1)


@functools.lru_cache(maxsize=64)
def _vtimezone(time_zone, first_year, last_year):
    # Working out a zone's transitions takes tens of milliseconds; the component is only ever read.
    return icalendar.Timezone.from_tzid(
        time_zone, first_date=dt.date(first_year, 1, 1), last_date=dt.date(last_year, 1, 1)
    )


def session_event(session, *, edition, absolute_uri):
    zone = edition.zone
    event = icalendar.Event()
    event.add("uid", session_uid(session))
    event.add("dtstamp", _utc(session.updated_at))
    event.add("created", _utc(session.created_at))
    event.add("last-modified", _utc(session.updated_at))
    event.add("dtstart", session.start.astimezone(zone))
    event.add("dtend", session.end.astimezone(zone))
    title = clean_text(session.title)
    if session.is_cancelled:
        title = _("Cancelled: %(title)s") % {"title": title}
    event.add("summary", title)
    url = absolute_uri(session_path(edition, session))
    description = session_text(session, zone=zone)
    event.add("description", f"{description}\n\n{url}" if description else url)
    event.add("location", DETAIL_SEPARATOR.join(place_parts(edition, session)))
    event.add("url", url)
    categories = [str(session.get_kind_display())]
    if session.topic_id:
        categories.append(clean_text(session.topic.name))
    event.add("categories", categories)
    event.add("status", "CANCELLED" if session.is_cancelled else "CONFIRMED")
    event.add("transp", "TRANSPARENT" if session.is_cancelled else "OPAQUE")
    return event


def programme_calendar(*, edition, sessions, absolute_uri, name=None, refresh=True):
    """A VCALENDAR with the edition's VTIMEZONE and one VEVENT per session, serialised to bytes.

    `sessions` come from agenda.selectors.public_sessions (rooms, topics, speakers and run-of-show
    loaded in advance), so building the calendar runs no queries; or from agenda.selectors.rows.load_sessions
    (with speakers, organisers and items), and then each session's VEVENT is kept in the cache by its digest.
    """
    loaded = sessions if isinstance(sessions, LoadedSessions) else None
    sessions = loaded.sessions if loaded is not None else list(sessions)
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", clean_text(name or edition.name))
    calendar.add("x-wr-timezone", edition.time_zone)
    if edition.theme:
        calendar.add("x-wr-caldesc", clean_text(edition.theme))
    if refresh:
        calendar.add("refresh-interval", REFRESH_INTERVAL, parameters={"VALUE": "DURATION"})
        calendar.add("x-published-ttl", icalendar.vDuration(REFRESH_INTERVAL))
    calendar.add_component(_timezone(edition, sessions))
    if loaded is None:
        for session in sessions:
            calendar.add_component(session_event(session, edition=edition, absolute_uri=absolute_uri))
        return calendar.to_ical()
    # The events go last, before the calendar's end, as to_ical() writes its components.
    head, end = calendar.to_ical(), b"END:VCALENDAR\r\n"
    return head.removesuffix(end) + b"".join(_cached_events(loaded, edition=edition, absolute_uri=absolute_uri)) + end


def _cached_events(loaded, *, edition, absolute_uri):
    """Each session's VEVENT, serialised, from the cache by its rows' digest where it is kept."""
    page = f"{edition.pk}|{edition.slug}|{edition.time_zone}|{edition.city}|{absolute_uri('/')}"

    def render(missing):
        loaded.attach(missing)
        return [session_event(s.session, edition=edition, absolute_uri=absolute_uri).to_ical() for s in missing]

    return fragments("ical-event", loaded, key=lambda s: f"{page}|{s.digest}", render=render)
