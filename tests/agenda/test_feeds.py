import datetime as dt
import functools
import json
import os
import re
import uuid
import xml.etree.ElementTree as ET
from pathlib import Path
from types import SimpleNamespace

import icalendar
import jsonschema
import pytest
import xmlschema
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from agenda.enums import SessionKind, SessionStatus, SpeakerRole
from agenda.feeds import PRODID, session_uid
from agenda.models import Edition, Session
from tests.factories import (
    EditionFactory,
    OrganisationFactory,
    PersonFactory,
    RoomFactory,
    SessionFactory,
    SessionItemFactory,
    SessionOrganiserFactory,
    SessionSpeakerFactory,
    TopicFactory,
    VenueFactory,
)

pytestmark = pytest.mark.django_db

TITLE_WITH_MARKUP = "<b>Opening</b> & “ceremony” 开幕式 <script>alert(1)</script>"
DURATION = re.compile(r"^\d\d:\d\d$")
DATE_TIME_WITH_OFFSET = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$")
EVENT_SLUG_XSD = re.compile(r"^[a-z0-9_]{4,}-[a-z0-9\-_]{4,}$")
EVENT_SLUG_JSON = re.compile(r"^[a-z0-9_-]+[a-z0-9]$")
ACRONYM_JSON = re.compile(r"^[a-z0-9_-][a-z0-9_]{3,}(-2[0-9]{3}-[a-z]+)?$")
FEEDS = ["schedule_ics", "schedule_xml", "schedule_json"]


VENDORED_SCHEMAS = Path(__file__).resolve().parent / "schemas"


def schema_path(name):
    """A schema from the shared folder beside the repository (WIC_SHARED_DIR overrides it), else the copy
    kept in tests/agenda/schemas/ (same files, unedited; see SOURCES.md and LICENCE.txt there)."""
    shared = Path(os.environ.get("WIC_SHARED_DIR") or Path(__file__).resolve().parents[3] / "shared")
    path = shared / "schemas" / name
    return path if path.exists() else VENDORED_SCHEMAS / name


@functools.cache
def xml_schema():
    path = schema_path("schedule.xml.xsd")
    return xmlschema.XMLSchema(str(path))


@functools.cache
def json_validator():
    path = schema_path("schema.json")
    schema = json.loads(path.read_text(encoding="utf-8"))
    return jsonschema.Draft6Validator(schema, format_checker=jsonschema.FormatChecker())


def assert_valid_xml(content):
    errors = [str(error) for error in xml_schema().iter_errors(content.decode("utf-8"))]
    assert errors == []


def assert_valid_json(data):
    errors = [f"{list(error.absolute_path)}: {error.message}" for error in json_validator().iter_errors(data)]
    assert errors == []


def at(edition, hour, minute=0, day=0):
    return dt.datetime.combine(edition.start_date + dt.timedelta(days=day), dt.time(hour, minute), tzinfo=edition.zone)


@pytest.fixture(autouse=True)
def clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def programme():
    """A small edition with everything the feeds must cope with."""
    edition = EditionFactory(year=2030, name="2030 Wuzhen Summit", theme="Intelligence for good")
    venue = VenueFactory(edition=edition, name="Wuzhen Internet International Convention Center", slug="wiicc")
    hall = RoomFactory(venue=venue, name="Hall A", slug="hall-a", position=1)
    hall_b = RoomFactory(venue=venue, name="Hall B", slug="hall-b", position=2)
    topic = TopicFactory(edition=edition, name="Artificial intelligence", slug="ai", colour="#1f6feb")
    opening = SessionFactory(
        edition=edition,
        kind=SessionKind.OPENING_CEREMONY,
        title=TITLE_WITH_MARKUP,
        slug="opening-ceremony",
        description="Welcome to Wuzhen.\nA <i>new</i> era & more.",
        topic=topic,
        room=hall,
        start=at(edition, 9),
        end=at(edition, 10, 30),
        language="en-zh",
    )
    host = PersonFactory(edition=edition, name="Ren Xianliang", title="Secretary-general")
    keynote = PersonFactory(
        edition=edition,
        name="Wang Haifeng",
        title="CTO",
        organisation=OrganisationFactory(edition=edition, name="Baidu"),
    )
    SessionSpeakerFactory(session=opening, person=host, role=SpeakerRole.HOST, position=0)
    SessionSpeakerFactory(session=opening, person=keynote, role=SpeakerRole.KEYNOTE, position=1)
    SessionOrganiserFactory(session=opening, organisation__name="WIC")
    item = SessionItemFactory(session=opening, title="Opening remarks", duration_minutes=20)
    item.speakers.add(host)
    forum = SessionFactory(
        edition=edition, title="AI governance forum", slug="ai-forum", room=hall_b, start=at(edition, 10, 30)
    )
    coffee = SessionFactory(
        edition=edition,
        kind=SessionKind.BREAK,
        title="Coffee break",
        slug="coffee-break",
        room=None,
        venue=venue,
        start=at(edition, 10, 30),
        end=at(edition, 11),
    )
    unplaced = SessionFactory(
        edition=edition, title="Youth meetup", slug="youth-meetup", room=None, venue=None, start=at(edition, 14, day=1)
    )
    short = SessionFactory(edition=edition, title="Q&A", slug="QA", room=hall_b, start=at(edition, 15, day=1))
    cancelled = SessionFactory(
        edition=edition,
        title="Cancelled forum",
        slug="cancelled-forum",
        room=hall,
        status=SessionStatus.CANCELLED,
        start=at(edition, 9, day=1),
    )
    draft = SessionFactory(
        edition=edition, title="Secret draft", slug="secret-draft", room=hall, status=SessionStatus.DRAFT
    )
    return SimpleNamespace(
        edition=edition,
        venue=venue,
        hall=hall,
        topic=topic,
        opening=opening,
        forum=forum,
        coffee=coffee,
        unplaced=unplaced,
        short=short,
        cancelled=cancelled,
        draft=draft,
    )


def feed_url(name, edition, session=None):
    if session is not None:
        return reverse(f"agenda:{name}", args=[edition.slug, session.slug])
    return reverse(f"agenda:{name}", args=[edition.slug])


def get_calendar(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response, icalendar.Calendar.from_ical(response.content)


def events_by_uid(calendar):
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def json_events(data):
    return [
        event for day in data["schedule"]["conference"]["days"] for events in day["rooms"].values() for event in events
    ]


def xml_events(root):
    return root.findall("./day/room/event")


# iCalendar


def test_schedule_ics_has_the_calendar_properties_and_a_timezone(client, programme):
    response, calendar = get_calendar(client, feed_url("schedule_ics", programme.edition))

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'inline; filename="wic2030.ics"'
    assert str(calendar["PRODID"]) == PRODID
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["CALSCALE"]) == "GREGORIAN"
    assert str(calendar["METHOD"]) == "PUBLISH"
    assert str(calendar["X-WR-CALNAME"]) == "2030 Wuzhen Summit"
    assert str(calendar["X-WR-TIMEZONE"]) == "Asia/Shanghai"
    assert str(calendar["X-PUBLISHED-TTL"]) == "PT1H"
    assert [str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")] == ["Asia/Shanghai"]


def test_schedule_ics_events_have_everything_calendar_apps_need(client, programme):
    _, calendar = get_calendar(client, feed_url("schedule_ics", programme.edition))

    events = calendar.walk("VEVENT")
    zones = {str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")}
    uids = [str(event["UID"]) for event in events]
    assert len(uids) == len(set(uids)) == 6
    for event in events:
        for name in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "LOCATION", "URL", "DESCRIPTION", "STATUS"):
            assert str(event.get(name, "")).strip(), f"{name} missing in {event.get('SUMMARY')}"
        assert event["DTSTART"].params["TZID"] in zones
        assert event["DTEND"].params["TZID"] in zones
        assert event["DTSTAMP"].dt.utcoffset() == dt.timedelta(0)
        assert event["DTEND"].dt > event["DTSTART"].dt


def test_schedule_ics_event_describes_the_session(client, programme):
    _, calendar = get_calendar(client, feed_url("schedule_ics", programme.edition))

    event = events_by_uid(calendar)[session_uid(programme.opening)]
    description = str(event["DESCRIPTION"])
    assert str(event["SUMMARY"]) == TITLE_WITH_MARKUP
    assert str(event["LOCATION"]) == "Hall A, Wuzhen Internet International Convention Center, Wuzhen"
    assert str(event["URL"]) == "http://testserver/2030/sessions/opening-ceremony/"
    assert str(event["STATUS"]) == "CONFIRMED"
    assert event.categories == ["Opening ceremony", "Artificial intelligence"]
    assert description.startswith("Welcome to Wuzhen.\nA <i>new</i> era & more.")
    assert "Keynote: Wang Haifeng (CTO, Baidu)" in description
    assert "Host: Ren Xianliang (Secretary-general)" in description
    assert "09:00 Opening remarks (Ren Xianliang)" in description
    assert description.endswith("http://testserver/2030/sessions/opening-ceremony/")


def test_schedule_ics_keeps_local_times_in_the_edition_zone(client, programme):
    response, calendar = get_calendar(client, feed_url("schedule_ics", programme.edition))

    event = events_by_uid(calendar)[session_uid(programme.opening)]
    assert b"DTSTART;TZID=Asia/Shanghai:20301119T090000" in response.content
    assert event["DTSTART"].dt.astimezone(dt.UTC) == dt.datetime(2030, 11, 19, 1, 0, tzinfo=dt.UTC)
    assert event["DTEND"].dt.astimezone(dt.UTC) == dt.datetime(2030, 11, 19, 2, 30, tzinfo=dt.UTC)


def test_schedule_ics_marks_cancelled_sessions_cancelled(client, programme):
    _, calendar = get_calendar(client, feed_url("schedule_ics", programme.edition))

    event = events_by_uid(calendar)[session_uid(programme.cancelled)]
    assert str(event["STATUS"]) == "CANCELLED"
    assert str(event["SUMMARY"]) == "Cancelled: Cancelled forum"
    assert str(events_by_uid(calendar)[session_uid(programme.forum)]["STATUS"]) == "CONFIRMED"


def test_schedule_ics_places_whole_venue_and_unplaced_sessions(client, programme):
    _, calendar = get_calendar(client, feed_url("schedule_ics", programme.edition))

    events = events_by_uid(calendar)
    assert str(events[session_uid(programme.coffee)]["LOCATION"]) == (
        "Wuzhen Internet International Convention Center, Wuzhen"
    )
    assert str(events[session_uid(programme.unplaced)]["LOCATION"]) == "To be announced, Wuzhen"


def test_schedule_ics_never_shows_drafts(client, programme):
    response, calendar = get_calendar(client, feed_url("schedule_ics", programme.edition))

    assert session_uid(programme.draft) not in events_by_uid(calendar)
    assert b"Secret draft" not in response.content


def test_schedule_ics_for_staff_still_leaves_drafts_out(organiser_client, programme):
    _, calendar = get_calendar(organiser_client, feed_url("schedule_ics", programme.edition))

    assert session_uid(programme.draft) not in events_by_uid(calendar)


def test_schedule_ics_honours_the_agenda_filters(client, programme):
    url = feed_url("schedule_ics", programme.edition) + "?day=2030-11-19&kind=sub_forum"

    _, calendar = get_calendar(client, url)

    assert set(events_by_uid(calendar)) == {session_uid(programme.forum)}


def test_schedule_ics_filtered_by_topic_has_only_that_topic(client, programme):
    _, calendar = get_calendar(client, feed_url("schedule_ics", programme.edition) + "?topic=ai")

    assert set(events_by_uid(calendar)) == {session_uid(programme.opening)}


def test_schedule_ics_with_all_days_has_the_whole_programme(client, programme):
    _, calendar = get_calendar(client, feed_url("schedule_ics", programme.edition) + "?day=all")

    assert len(events_by_uid(calendar)) == 6


def test_schedule_ics_with_an_unknown_filter_value_is_a_bad_request(client, programme):
    response = client.get(feed_url("schedule_ics", programme.edition) + "?topic=no-such-topic")

    assert response.status_code == 400


def test_schedule_ics_uid_is_stable_across_requests_and_edits(client, programme):
    url = feed_url("schedule_ics", programme.edition)
    _, first = get_calendar(client, url)
    _, second = get_calendar(client, url)
    version = Edition.objects.get(pk=programme.edition.pk).programme_version

    programme.forum.title = "AI governance forum (renamed)"
    programme.forum.save()
    _, edited = get_calendar(client, url)

    assert Edition.objects.get(pk=programme.edition.pk).programme_version > version
    assert set(events_by_uid(first)) == set(events_by_uid(second)) == set(events_by_uid(edited))
    assert str(events_by_uid(edited)[session_uid(programme.forum)]["SUMMARY"]) == "AI governance forum (renamed)"


def test_session_ics_has_the_one_session(client, programme):
    response, calendar = get_calendar(client, feed_url("session_ics", programme.edition, programme.forum))

    assert response["Content-Disposition"] == 'inline; filename="wic2030-ai-forum.ics"'
    assert list(events_by_uid(calendar)) == [session_uid(programme.forum)]
    assert [str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")] == ["Asia/Shanghai"]
    assert str(calendar["PRODID"]) == PRODID


def test_session_ics_for_a_cancelled_session_is_cancelled(client, programme):
    _, calendar = get_calendar(client, feed_url("session_ics", programme.edition, programme.cancelled))

    assert str(events_by_uid(calendar)[session_uid(programme.cancelled)]["STATUS"]) == "CANCELLED"


def test_session_ics_for_a_draft_is_not_found(client, organiser_client, programme):
    url = feed_url("session_ics", programme.edition, programme.draft)

    assert client.get(url).status_code == 404
    assert organiser_client.get(url).status_code == 404


def test_session_ics_for_an_unknown_session_is_not_found(client, programme):
    url = reverse("agenda:session_ics", args=[programme.edition.slug, "no-such-session"])

    assert client.get(url).status_code == 404


def test_feeds_of_an_unpublished_edition_are_not_found(client):
    edition = EditionFactory(is_published=False)

    for name in FEEDS:
        assert client.get(feed_url(name, edition)).status_code == 404


# schedule.xml and schedule.json


def get_xml(client, edition):
    response = client.get(feed_url("schedule_xml", edition))
    assert response.status_code == 200
    return response, ET.fromstring(response.content)  # noqa: S314 (our own feed)


def get_json(client, edition):
    response = client.get(feed_url("schedule_json", edition))
    assert response.status_code == 200
    return response, json.loads(response.content)


def test_schedule_xml_validates_against_the_schema(client, programme):
    response, _ = get_xml(client, programme.edition)

    assert response["Content-Type"] == "application/xml; charset=utf-8"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert_valid_xml(response.content)


def test_schedule_json_validates_against_the_schema(client, programme):
    response, data = get_json(client, programme.edition)

    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert_valid_json(data)


def test_schedule_feeds_of_a_generated_summit_validate(client):
    call_command("generate_summit", slug="bench", sessions=120, rooms=6, speakers=200, days=3, start="2030-11-19")
    edition = Edition.objects.get(slug="bench")

    xml_response, root = get_xml(client, edition)
    _, data = get_json(client, edition)

    assert_valid_xml(xml_response.content)
    assert_valid_json(data)
    public = Session.objects.filter(edition=edition, status=SessionStatus.PUBLISHED)
    assert {int(event.get("id")) for event in xml_events(root)} == set(public.values_list("pk", flat=True))
    assert {event["id"] for event in json_events(data)} == set(public.values_list("pk", flat=True))


def test_schedule_xml_follows_what_the_apps_rely_on(client, programme):
    _, root = get_xml(client, programme.edition)

    conference = root.find("conference")
    assert conference.findtext("acronym") == "wic2030"
    assert conference.findtext("time_zone_name") == "Asia/Shanghai"
    assert conference.findtext("url") == "http://testserver/2030/"
    assert root.findtext("version") == f"0.{Edition.objects.get(pk=programme.edition.pk).programme_version}"
    days = root.findall("day")
    assert [(day.get("index"), day.get("date")) for day in days] == [
        ("1", "2030-11-19"),
        ("2", "2030-11-20"),
        ("3", "2030-11-21"),
        ("4", "2030-11-22"),
    ]
    assert (days[0].get("start"), days[0].get("end")) == ("2030-11-19T06:00:00+08:00", "2030-11-20T06:00:00+08:00")
    for day in days:
        assert DATE_TIME_WITH_OFFSET.match(day.get("start"))
        assert DATE_TIME_WITH_OFFSET.match(day.get("end"))
    events = xml_events(root)
    ids = [int(event.get("id")) for event in events]
    assert len(ids) == len(set(ids)) == 5
    assert all(pk > 0 for pk in ids)
    for event in events:
        assert str(uuid.UUID(event.get("guid"))) == event.get("guid")
        assert DURATION.match(event.findtext("duration"))
        assert DATE_TIME_WITH_OFFSET.match(event.findtext("date"))
        assert event.find("track") is not None
        assert event.find("abstract") is not None
        assert EVENT_SLUG_XSD.match(event.findtext("slug"))
        assert EVENT_SLUG_JSON.match(event.findtext("slug"))


def test_schedule_json_follows_what_the_apps_rely_on(client, programme):
    _, data = get_json(client, programme.edition)

    schedule = data["schedule"]
    conference = schedule["conference"]
    assert schedule["version"] == f"0.{Edition.objects.get(pk=programme.edition.pk).programme_version}"
    assert conference["acronym"] == "wic2030"
    assert ACRONYM_JSON.match(conference["acronym"])
    assert conference["time_zone_name"] == "Asia/Shanghai"
    assert conference["url"] == "http://testserver/2030/"
    assert conference["daysCount"] == len(conference["days"]) == 4
    for day in conference["days"]:
        assert DATE_TIME_WITH_OFFSET.match(day["day_start"])
        assert DATE_TIME_WITH_OFFSET.match(day["day_end"])
        assert day["day_start"].startswith(day["date"])
    events = json_events(data)
    ids = [event["id"] for event in events]
    assert len(ids) == len(set(ids)) == 5
    assert all(isinstance(pk, int) and pk > 0 for pk in ids)
    for event in events:
        assert DURATION.match(event["duration"])
        assert DATE_TIME_WITH_OFFSET.match(event["date"])
        assert DATE_TIME_WITH_OFFSET.match(event["end"])
        assert "track" in event
        assert "abstract" in event
        assert EVENT_SLUG_XSD.match(event["slug"])
        assert EVENT_SLUG_JSON.match(event["slug"])
        for person in event["persons"]:
            assert set(person) == {"id", "public_name"}
    guids = [room["guid"] for room in conference["rooms"]]
    assert len(guids) == len(set(guids))


def test_schedule_json_event_carries_the_session(client, programme):
    _, data = get_json(client, programme.edition)

    event = next(event for event in json_events(data) if event["id"] == programme.opening.pk)
    assert event["guid"] == str(programme.opening.guid)
    assert event["title"] == TITLE_WITH_MARKUP
    assert event["date"] == "2030-11-19T09:00:00+08:00"
    assert event["start"] == "09:00"
    assert event["duration"] == "01:30"
    assert event["end"] == "2030-11-19T10:30:00+08:00"
    assert event["room"] == "Hall A"
    assert event["slug"] == "wic2030-opening-ceremony"
    assert event["track"] == "Artificial intelligence"
    assert event["type"] == "Opening ceremony"
    assert event["language"] == "en-zh"
    assert event["abstract"] == "Welcome to Wuzhen.\nA <i>new</i> era & more."
    assert event["url"] == "http://testserver/2030/sessions/opening-ceremony/"
    assert event["persons"] == [
        {"id": programme.opening.speaker_links.get(role=SpeakerRole.HOST).person_id, "public_name": "Ren Xianliang"},
        {"id": programme.opening.speaker_links.get(role=SpeakerRole.KEYNOTE).person_id, "public_name": "Wang Haifeng"},
    ]


def test_schedule_xml_keeps_markup_in_titles_as_text(client, programme):
    response, root = get_xml(client, programme.edition)

    titles = {event.findtext("title") for event in xml_events(root)}
    assert TITLE_WITH_MARKUP in titles
    assert b"<script>" not in response.content
    assert "开幕式".encode() in response.content


def test_schedule_feeds_leave_out_cancelled_sessions_and_drafts(client, programme):
    xml_response, root = get_xml(client, programme.edition)
    json_response, data = get_json(client, programme.edition)

    left_out = {programme.cancelled.pk, programme.draft.pk}
    assert {int(event.get("id")) for event in xml_events(root)} & left_out == set()
    assert {event["id"] for event in json_events(data)} & left_out == set()
    for content in (xml_response.content, json_response.content):
        assert b"Secret draft" not in content
        assert b"Cancelled forum" not in content


def test_schedule_feeds_put_whole_venue_and_unplaced_sessions_in_rooms_of_their_own(client, programme):
    _, root = get_xml(client, programme.edition)
    _, data = get_json(client, programme.edition)

    rooms = {room["name"]: room["guid"] for room in data["schedule"]["conference"]["rooms"]}
    assert list(rooms) == ["Hall A", "Hall B", "Wuzhen Internet International Convention Center", "To be announced"]
    events = {event["id"]: event for event in json_events(data)}
    assert events[programme.coffee.pk]["room"] == "Wuzhen Internet International Convention Center"
    assert events[programme.unplaced.pk]["room"] == "To be announced"
    first_day = root.find("day")
    assert [room.get("name") for room in first_day.findall("room")] == list(rooms)
    assert [room.get("guid") for room in first_day.findall("room")] == list(rooms.values())
    coffee = first_day.find("room[@name='Wuzhen Internet International Convention Center']/event")
    assert int(coffee.get("id")) == programme.coffee.pk


def test_schedule_day_starts_early_and_ends_late_for_sessions_outside_its_usual_hours(client, programme):
    SessionFactory(
        edition=programme.edition,
        slug="night-hackathon",
        start=at(programme.edition, 22),
        end=at(programme.edition, 7, day=1),
    )
    SessionFactory(edition=programme.edition, slug="sunrise-run", start=at(programme.edition, 5, day=2))

    _, data = get_json(client, programme.edition)

    days = [(day["day_start"], day["day_end"]) for day in data["schedule"]["conference"]["days"]]
    assert days == [
        ("2030-11-19T06:00:00+08:00", "2030-11-20T07:00:00+08:00"),
        ("2030-11-20T06:00:00+08:00", "2030-11-21T05:00:00+08:00"),
        ("2030-11-21T05:00:00+08:00", "2030-11-22T06:00:00+08:00"),
        ("2030-11-22T06:00:00+08:00", "2030-11-23T06:00:00+08:00"),
    ]
    assert_valid_json(data)


def test_schedule_feeds_give_odd_session_slugs_a_valid_slug(client, programme):
    _, data = get_json(client, programme.edition)

    events = {event["id"]: event for event in json_events(data)}
    assert events[programme.short.pk]["slug"] == f"wic2030-qa-{programme.short.pk}"


def test_schedule_feeds_agree_with_each_other(client, programme):
    _, root = get_xml(client, programme.edition)
    _, data = get_json(client, programme.edition)

    from_xml = {(int(e.get("id")), e.get("guid"), e.findtext("slug"), e.findtext("date")) for e in xml_events(root)}
    from_json = {(e["id"], e["guid"], e["slug"], e["date"]) for e in json_events(data)}
    assert from_xml == from_json


def test_schedule_feeds_keep_guids_across_releases_and_renames(client, programme):
    _, first = get_json(client, programme.edition)
    cache.clear()
    _, again = get_json(client, programme.edition)

    programme.hall.name = "Hall Alpha"
    programme.hall.save()
    programme.forum.title = "Renamed forum"
    programme.forum.save()
    _, renamed = get_json(client, programme.edition)

    def guids(data):
        return {event["id"]: event["guid"] for event in json_events(data)}

    def room_guids(data):
        return [room["guid"] for room in data["schedule"]["conference"]["rooms"]]

    assert guids(first) == guids(again) == guids(renamed)
    assert room_guids(first) == room_guids(again) == room_guids(renamed)
    assert [room["name"] for room in renamed["schedule"]["conference"]["rooms"]][0] == "Hall Alpha"
    assert renamed["schedule"]["version"] != first["schedule"]["version"]


def test_schedule_feeds_tell_rooms_of_the_same_name_apart(client, programme):
    other_venue = VenueFactory(edition=programme.edition, name="Expo Center", slug="expo")
    RoomFactory(venue=other_venue, name="Hall A", slug="expo-hall-a", position=3)

    response, data = get_json(client, programme.edition)

    names = [room["name"] for room in data["schedule"]["conference"]["rooms"]]
    assert names[:3] == ["Hall A (Wuzhen Internet International Convention Center)", "Hall B", "Hall A (Expo Center)"]
    assert_valid_json(data)
    assert_valid_xml(client.get(feed_url("schedule_xml", programme.edition)).content)


# Caching and conditional requests


def feed_urls(programme):
    return {
        "schedule_ics": feed_url("schedule_ics", programme.edition),
        "session_ics": feed_url("session_ics", programme.edition, programme.forum),
        "schedule_xml": feed_url("schedule_xml", programme.edition),
        "schedule_json": feed_url("schedule_json", programme.edition),
    }


@pytest.mark.parametrize("name", [*FEEDS, "session_ics"])
def test_feed_answers_a_conditional_request_with_not_modified(client, programme, name):
    url = feed_urls(programme)[name]
    response = client.get(url)

    repeat = client.get(url, headers={"if-none-match": response["ETag"]})

    assert response.status_code == 200
    assert response["ETag"]
    assert response["Last-Modified"]
    assert repeat.status_code == 304


@pytest.mark.parametrize("name", [*FEEDS, "session_ics"])
def test_feed_changes_its_etag_and_content_after_an_edit(client, programme, name):
    url = feed_urls(programme)[name]
    before = client.get(url)

    programme.forum.title = "Forum on trustworthy AI"
    programme.forum.save()
    after = client.get(url, headers={"if-none-match": before["ETag"]})

    assert after.status_code == 200
    assert after["ETag"] != before["ETag"]
    assert "Forum on trustworthy AI" not in before.content.decode()
    assert "Forum on trustworthy AI" in after.content.decode()


@pytest.mark.parametrize("name", ["schedule_xml", "schedule_json"])
def test_app_feed_keeps_its_cors_header_when_served_from_the_cache(client, programme, name):
    url = feed_urls(programme)[name]
    client.get(url)

    cached = client.get(url)

    assert cached["Access-Control-Allow-Origin"] == "*"


# Queries


@pytest.mark.parametrize("name", [*FEEDS, "session_ics"])
def test_feed_queries_do_not_grow_with_the_programme(client, name):
    counts = []
    for slug, size in (("small", 30), ("large", 300)):
        call_command(
            "generate_summit", slug=slug, sessions=size, rooms=10, speakers=size * 2, days=2, start="2030-11-19"
        )
        edition = Edition.objects.get(slug=slug)
        if name == "session_ics":
            url = reverse("agenda:session_ics", args=[slug, "session-0001"])
        else:
            url = reverse(f"agenda:{name}", args=[slug])
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        assert Session.objects.filter(edition=edition).count() == size
        counts.append(len(queries))

    assert counts[0] == counts[1]


def test_schedule_feeds_drop_characters_xml_cannot_carry(client, programme):
    SessionFactory(edition=programme.edition, slug="bell-forum", title="Bell\x07 forum\x0b", description="Ring\x1b")

    response, root = get_xml(client, programme.edition)
    _, calendar = get_calendar(client, feed_url("schedule_ics", programme.edition))

    assert_valid_xml(response.content)
    assert "Bell forum" in {event.findtext("title") for event in xml_events(root)}
    assert "Bell forum" in {str(event["SUMMARY"]) for event in calendar.walk("VEVENT")}
