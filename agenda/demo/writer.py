"""Writes the demo data (as read by agenda/demo/reader.py) to the database, one edition at a time.

Every row is found by its natural key (slugs within an edition; (session, person, role) for speakers,
(session, organisation, role) for organisers, (session, position) for run-of-show items, slugs within an
expo or award programme for halls, exhibits and award categories, (programme, position) for honourees, slugs
within a competition for its tracks and entries),
validated with `full_clean()` and saved only when something differs, so writing the same data again changes
nothing. Speakers, organisers and run-of-show items of a demo session, and the honourees of a demo award
programme, are kept exactly as in the data: rows the data no longer lists are removed. Other rows (sessions,
people, exhibits, ... that are not in the data) are left alone.

Exhibits get sample pictures drawn by agenda/demo/pictures.py and stored like uploads (normalised, with
renditions), only at the picture positions an exhibit does not have yet: a second run stores no file, and a
picture an organiser put in place of a sample one is kept.

Texts given in Chinese too (`title_zh_hans` beside `title`, see agenda/demo/reader.py) are written to the model's
Chinese column when it has one (django-modeltranslation's `<field>_zh_hans`), and compared like any other value; a
model without such a column takes the English only. A text the data gives no Chinese for gets an empty one.
"""

import datetime as dt
from collections import Counter

from agenda.demo import reader
from agenda.demo.reader import DemoData
from agenda.demo.showcase import ShowcaseWriter
from agenda.demo.values import chinese_values as _chinese
from agenda.demo.values import has_field as _has_field
from agenda.demo.values import pick as _pick
from agenda.demo.values import same_value as _same
from agenda.enums import SessionKind, SessionStatus
from agenda.models import (
    Edition,
    EditionSource,
    Organisation,
    OrganisationIdentity,
    Outcome,
    Person,
    PersonIdentity,
    Room,
    Session,
    SessionItem,
    SessionOrganiser,
    SessionSpeaker,
    Summit,
    Topic,
    Venue,
)


class DemoWriter(ShowcaseWriter):
    """Writes the demo data; counts what it created, updated and removed."""

    def __init__(self, data: DemoData, *, pictures=True):
        self.data = data
        self.stats = Counter()
        self.notes = []
        self.pictures = pictures

    def upsert(self, model, lookup, values):
        """Like `update_or_create`, but validated with full_clean() and saved only when a value differs."""
        obj = model.objects.filter(**lookup).first()
        if obj is None:
            obj = model(**lookup, **values)
            obj.full_clean()
            obj.save()
            self.stats["created"] += 1
            return obj
        changed = [name for name, value in values.items() if not _same(obj, name, value)]
        if changed:
            for name in changed:
                setattr(obj, name, values[name])
            obj.full_clean()
            obj.save()
            self.stats["updated"] += 1
        return obj

    def prune(self, queryset):
        deleted, _ = queryset.delete()
        self.stats["removed"] += deleted

    # -- editions --------------------------------------------------------------------------------------

    def write_summit(self):
        data = self.data.summit
        return self.upsert(
            Summit,
            {"slug": data["slug"]},
            {
                "name": data["name"],
                "short_name": data["short_name"],
                "compact_name": data.get("compact_name", ""),
                **_chinese(Summit, data, reader.SUMMIT),
            },
        )

    def write_edition(self, summit, data):
        if data["is_current"]:
            # Only one edition can be current: the demo's current edition takes over.
            others = Edition.objects.filter(is_current=True).exclude(slug=data["slug"])
            for slug in others.values_list("slug", flat=True):
                self.notes.append(f"edition {slug} is no longer the current edition")
            others.update(is_current=False)
        edition = self.upsert(
            Edition,
            {"slug": data["slug"]},
            {
                "summit": summit,
                "name": data["name"],
                "year": data["year"],
                "ordinal": data["ordinal"],
                "theme": data["theme"],
                "start_date": dt.date.fromisoformat(data["start_date"]),
                "end_date": dt.date.fromisoformat(data["end_date"]),
                "city": "Wuzhen",
                **({"city_zh_hans": "乌镇"} if _has_field(Edition, "city_zh_hans") else {}),
                "time_zone": "Asia/Shanghai",
                "description": data["description"],
                "is_published": True,
                "is_current": data["is_current"],
                "registration_opens_at": (
                    dt.datetime.fromisoformat(data["registration_opens"]) if data.get("registration_opens") else None
                ),
                **_chinese(Edition, data, reader.EDITION),
            },
        )
        rooms = self.write_venues(edition, data)
        topics = self.write_topics(edition, data)
        organisations = self.write_organisations(edition, data)
        people = self.write_people(edition, data, organisations)
        sessions = {}
        for session_data in data["sessions"]:
            sessions[session_data["slug"]] = self.write_session(
                edition, session_data, rooms=rooms, topics=topics, organisations=organisations, people=people
            )
        for position, expo_data in enumerate(data.get("expos", []), start=1):
            self.write_expo(edition, expo_data, position=position, venues=rooms["venues"], organisations=organisations)
        for position, award_data in enumerate(data.get("awards", []), start=1):
            self.write_award(
                edition,
                award_data,
                position=position,
                sessions=sessions,
                organisations=organisations,
                people=people,
            )
        for position, competition_data in enumerate(data.get("competitions", []), start=1):
            self.write_competition(
                edition, competition_data, position=position, sessions=sessions, organisations=organisations
            )
        self.write_sources(edition, data.get("sources", []))
        outcomes = data.get("outcomes", [])
        for position, outcome_data in enumerate(outcomes, start=1):
            self.write_outcome(edition, outcome_data, position=position, sessions=sessions, organisations=organisations)
        self.prune(Outcome.objects.filter(edition=edition).exclude(slug__in=[o["slug"] for o in outcomes]))
        return edition

    def write_sources(self, edition, sources):
        for position, source in enumerate(sources, start=1):
            published_on = source.get("published_on")
            self.upsert(
                EditionSource,
                {"edition": edition, "position": position},
                {
                    "title": source["title"],
                    "publisher": source.get("publisher", ""),
                    "author": source.get("author", ""),
                    "published_on": dt.date.fromisoformat(published_on) if published_on else None,
                    "url": source.get("url", ""),
                    "covers": source.get("covers", ""),
                    **_chinese(EditionSource, source, reader.SOURCE),
                },
            )
        self.prune(edition.sources.exclude(position__in=range(1, len(sources) + 1)))

    def write_venues(self, edition, data):
        catalogue = {venue["slug"]: venue for venue in self.data.venues}
        rooms = {"venues": {}, "rooms": {}}
        for slug in data["venues"]:
            venue_data = _pick(catalogue, slug, "venue", edition)
            venue = self.upsert(
                Venue,
                {"edition": edition, "slug": slug},
                {
                    "name": venue_data["name"],
                    "address": venue_data.get("address", ""),
                    **_chinese(Venue, venue_data, reader.VENUE),
                },
            )
            rooms["venues"][slug] = venue
            for room_data in venue_data["rooms"]:
                rooms["rooms"][room_data["slug"]] = self.upsert(
                    Room,
                    {"venue": venue, "slug": room_data["slug"]},
                    {
                        "name": room_data["name"],
                        "building": venue_data["name"],
                        **(
                            {"building_zh_hans": venue_data.get("name_zh_hans", "")}
                            if _has_field(Room, "building_zh_hans")
                            else {}
                        ),
                        "floor": room_data.get("floor", ""),
                        "capacity": room_data.get("capacity"),
                        "position": room_data.get("position", 0),
                        **_chinese(Room, room_data, reader.ROOM),
                    },
                )
        return rooms

    def write_topics(self, edition, data):
        catalogue = {topic["slug"]: topic for topic in self.data.topics}
        topics = {}
        for slug in data["topics"]:
            topic_data = _pick(catalogue, slug, "topic", edition)
            topics[slug] = self.upsert(
                Topic,
                {"edition": edition, "slug": slug},
                {
                    "name": topic_data["name"],
                    "colour": topic_data["colour"],
                    **_chinese(Topic, topic_data, reader.TOPIC),
                },
            )
        return topics

    def write_identity(self, model, edition, slug, data, record):
        """The demo describes each person and organisation once: their rows in every edition are one identity."""
        return self.upsert(
            model,
            {"summit": edition.summit, "slug": slug},
            {"name": data["name"], **_chinese(model, data, record)},
        )

    def write_organisations(self, edition, data):
        catalogue = {org["slug"]: org for org in self.data.organisations}
        organisations = {}
        wanted = [(slug, False) for slug in data["organisations"]]
        wanted += [(slug, True) for slug in data["sample_organisations"]]
        for slug, is_sample in wanted:
            org_data = _pick(catalogue, slug, "organisation", edition)
            organisations[slug] = self.upsert(
                Organisation,
                {"edition": edition, "slug": slug},
                {
                    "name": org_data["name"],
                    "kind": org_data["kind"],
                    "country": org_data.get("country", ""),
                    "website": org_data.get("website", ""),
                    "is_sample": is_sample,
                    "identity": self.write_identity(OrganisationIdentity, edition, slug, org_data, reader.ORGANISATION),
                    **_chinese(Organisation, org_data, reader.ORGANISATION),
                },
            )
        return organisations

    def write_people(self, edition, data, organisations):
        catalogue = {person["slug"]: person for person in self.data.people}
        people = {}
        wanted = [(slug, False) for slug in data["people"]] + [(slug, True) for slug in data["sample_people"]]
        for slug, is_sample in wanted:
            person_data = _pick(catalogue, slug, "person", edition)
            org_slug = person_data.get("organisation")
            people[slug] = self.upsert(
                Person,
                {"edition": edition, "slug": slug},
                {
                    "name": person_data["name"],
                    "title": person_data.get("title", ""),
                    "organisation": _pick(organisations, org_slug, "organisation", edition) if org_slug else None,
                    "country": person_data.get("country", ""),
                    "bio": person_data.get("bio", ""),
                    "is_sample": is_sample,
                    "identity": self.write_identity(PersonIdentity, edition, slug, person_data, reader.PERSON),
                    **_chinese(Person, person_data, reader.PERSON),
                },
            )
        return people

    # -- sessions --------------------------------------------------------------------------------------

    def write_session(self, edition, data, *, rooms, topics, organisations, people):
        day = dt.date.fromisoformat(data["day"])

        def at(hhmm):
            return dt.datetime.combine(day, dt.time.fromisoformat(hhmm), tzinfo=edition.zone)

        kind = data["kind"]
        is_sub_forum = kind == SessionKind.SUB_FORUM
        session = self.upsert(
            Session,
            {"edition": edition, "slug": data["slug"]},
            {
                "kind": kind,
                "title": data["title"],
                "description": data.get("description", ""),
                "topic": _pick(topics, data["topic"], "topic", edition) if data.get("topic") else None,
                "room": _pick(rooms["rooms"], data["room"], "room", edition) if data.get("room") else None,
                "venue": _pick(rooms["venues"], data["venue"], "venue", edition) if data.get("venue") else None,
                "start": at(data["start"]),
                "end": at(data["end"]),
                "language": data.get("language", "en-zh"),
                "status": SessionStatus.PUBLISHED,
                "capacity": data.get("capacity"),
                "registration_required": data.get("registration_required", is_sub_forum),
                "is_sample": data.get("is_sample", True),
                "is_around_summit": data.get("around_summit", False),
                "location": data.get("location", ""),
                **_chinese(Session, data, reader.SESSION),
            },
        )

        keep = []
        for position, link in enumerate(data.get("speakers", []), start=1):
            person = _pick(people, link["person"], "person", edition)
            keep.append(
                self.upsert(
                    SessionSpeaker, {"session": session, "person": person, "role": link["role"]}, {"position": position}
                ).pk
            )
        self.prune(session.speaker_links.exclude(pk__in=keep))

        keep = []
        for position, link in enumerate(data.get("organisers", []), start=1):
            organisation = _pick(organisations, link["organisation"], "organisation", edition)
            keep.append(
                self.upsert(
                    SessionOrganiser,
                    {"session": session, "organisation": organisation, "role": link["role"]},
                    {"position": position},
                ).pk
            )
        self.prune(session.organiser_links.exclude(pk__in=keep))

        items = data.get("items", [])
        for position, item_data in enumerate(items, start=1):
            created_before = self.stats["created"]
            item = self.upsert(
                SessionItem,
                {"session": session, "position": position},
                {
                    "title": item_data["title"],
                    "start": at(item_data["start"]) if item_data.get("start") else None,
                    "duration_minutes": item_data.get("minutes"),
                    "description": item_data.get("description", ""),
                    **_chinese(SessionItem, item_data, reader.ITEM),
                },
            )
            speakers = [_pick(people, slug, "person", edition) for slug in item_data.get("speakers", [])]
            if {p.pk for p in item.speakers.all()} != {p.pk for p in speakers}:
                item.speakers.set(speakers)
                if self.stats["created"] == created_before:  # a new item's speakers are part of its creation
                    self.stats["updated"] += 1
        self.prune(session.items.exclude(position__in=range(1, len(items) + 1)))
        return session

    # -- expo ------------------------------------------------------------------------------------------
