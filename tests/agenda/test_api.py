import datetime as dt
import json

import pytest
import yaml
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from agenda.enums import ExhibitCategory, OrganiserRole, SessionKind, SessionStatus, SpeakerRole
from agenda.models import Edition
from tests.factories import (
    AwardCategoryFactory,
    AwardProgrammeFactory,
    EditionFactory,
    ExhibitFactory,
    ExhibitPictureFactory,
    ExpoFactory,
    HallFactory,
    HonoureeFactory,
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
from tests.factories.agenda import SHANGHAI

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition():
    return EditionFactory(year=2030, slug="2030", ordinal="17th", theme="Digital future")


@pytest.fixture
def staff_client(client, programme_editor):
    """Staff who may edit the programme: they preview drafts through the API too."""
    client.force_login(programme_editor)
    return client


def test_desk_staff_do_not_see_drafts_through_the_api(client, django_user_model, edition):
    door = django_user_model.objects.create_user("door", "door@example.org", "pw", is_staff=True)
    door.groups.add(Group.objects.get(name="Check-in staff"))
    SessionFactory(edition=edition, slug="draft", status=SessionStatus.DRAFT)
    client.force_login(door)

    assert client.get(sessions_url(edition, "draft/")).status_code == 404


def at(day, hour, minute=0):
    return dt.datetime(2030, 11, day, hour, minute, tzinfo=SHANGHAI)


def sessions_url(edition, suffix=""):
    return f"/api/editions/{edition.slug}/sessions/{suffix}"


def slugs(response):
    assert response.status_code == 200, response.content
    return [row["slug"] for row in response.json()["results"]]


# Index and editions


def test_root_lists_links(client, edition):
    edition.is_current = True
    edition.save()

    response = client.get("/api/")

    assert response.status_code == 200
    assert response.json() == {
        "editions": "http://testserver/api/editions/",
        "current_edition": "http://testserver/api/editions/2030/",
        "schema": "http://testserver/api/schema/",
    }


def test_edition_list_shows_published_editions_only(client, edition):
    EditionFactory(year=2031, slug="2031", is_published=False)

    response = client.get("/api/editions/")

    assert response.status_code == 200
    assert response.json()["count"] == 1
    assert slugs(response) == ["2030"]


def test_edition_detail_has_fields_and_absolute_links(client, edition):
    response = client.get("/api/editions/2030/")

    assert response.status_code == 200
    data = response.json()
    assert {key: data[key] for key in ("name", "year", "ordinal", "slug", "theme", "city", "time_zone")} == {
        "name": "2030 Wuzhen Summit",
        "year": 2030,
        "ordinal": "17th",
        "slug": "2030",
        "theme": "Digital future",
        "city": "Wuzhen",
        "time_zone": "Asia/Shanghai",
    }
    assert data["start_date"] == "2030-11-19"
    assert data["end_date"] == "2030-11-22"
    assert data["is_current"] is False
    edition.refresh_from_db()
    assert data["programme_version"] == edition.programme_version
    assert data["links"] == {
        "home": "http://testserver/2030/",
        "agenda": "http://testserver/2030/agenda/",
        "schedule_ics": "http://testserver/2030/schedule.ics",
        "schedule_xml": "http://testserver/2030/schedule.xml",
        "schedule_json": "http://testserver/2030/schedule.json",
        "sessions": "http://testserver/api/editions/2030/sessions/",
        "speakers": "http://testserver/api/editions/2030/speakers/",
        "organisations": "http://testserver/api/editions/2030/organisations/",
    }


def test_edition_detail_unpublished_is_404_for_anonymous_users(client):
    EditionFactory(year=2031, slug="2031", is_published=False)

    assert client.get("/api/editions/2031/").status_code == 404
    assert client.get("/api/editions/2031/sessions/").status_code == 404
    assert client.get("/api/editions/2031/speakers/").status_code == 404
    assert client.get("/api/editions/2031/organisations/").status_code == 404


def test_edition_unknown_is_404(client):
    response = client.get("/api/editions/1999/sessions/")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"


def test_edition_unpublished_is_visible_to_staff(staff_client, edition):
    EditionFactory(year=2031, slug="2031", is_published=False)

    assert slugs(staff_client.get("/api/editions/")) == ["2031", "2030"]
    assert staff_client.get("/api/editions/2031/sessions/").status_code == 200


# Sessions


def test_session_list_has_full_shape(client, edition):
    topic = TopicFactory(edition=edition, name="Artificial intelligence", slug="ai", colour="#1f6feb")
    venue = VenueFactory(edition=edition, name="Convention Center", slug="wicc")
    room = RoomFactory(venue=venue, name="Hall A", slug="hall-a")
    session = SessionFactory(
        edition=edition,
        title="AI forum",
        slug="ai-forum",
        kind=SessionKind.SUB_FORUM,
        description="Where AI goes next.",
        topic=topic,
        room=room,
        start=at(20, 9),
        end=at(20, 11, 30),
        language="en",
        capacity=300,
        registration_required=True,
    )
    company = OrganisationFactory(edition=edition, name="Example Co", slug="example-co")
    second = SessionSpeakerFactory(
        session=session, person__name="Zoe Speaker", person__slug="zoe", role=SpeakerRole.SPEAKER, position=2
    )
    SessionSpeakerFactory(
        session=session,
        person__name="Ann Moderator",
        person__slug="ann",
        person__organisation=company,
        role=SpeakerRole.MODERATOR,
        position=1,
    )
    SessionOrganiserFactory(session=session, organisation=company, role=OrganiserRole.HOST)
    opening = SessionItemFactory(session=session, position=1, title="Opening remarks", start=at(20, 9, 5))
    opening.speakers.add(second.person)
    SessionItemFactory(session=session, position=2, title="Panel", duration_minutes=60)

    response = client.get(sessions_url(edition))

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    data = response.json()
    assert data["count"] == 1
    row = data["results"][0]
    assert row == {
        "id": session.pk,
        "slug": "ai-forum",
        "guid": str(session.guid),
        "title": "AI forum",
        "kind": {"value": "sub_forum", "label": "Sub-forum"},
        "status": "published",
        "description": "Where AI goes next.",
        "start": "2030-11-20T09:00:00+08:00",
        "end": "2030-11-20T11:30:00+08:00",
        "duration_minutes": 150,
        "language": "en",
        "topic": {"slug": "ai", "name": "Artificial intelligence", "colour": "#1f6feb"},
        "room": {"slug": "hall-a", "name": "Hall A", "venue": {"slug": "wicc", "name": "Convention Center"}},
        "venue": None,
        "capacity": 300,
        "registration_required": True,
        "speakers": [
            {
                "slug": "ann",
                "name": "Ann Moderator",
                "role": "moderator",
                "organisation": {"slug": "example-co", "name": "Example Co"},
            },
            {"slug": "zoe", "name": "Zoe Speaker", "role": "speaker", "organisation": None},
        ],
        "organisers": [{"slug": "example-co", "name": "Example Co", "role": "host"}],
        "items": [
            {
                "position": 1,
                "title": "Opening remarks",
                "start": "2030-11-20T09:05:00+08:00",
                "end": "2030-11-20T09:20:00+08:00",
                "duration_minutes": 15,
                "speakers": [{"slug": "zoe", "name": "Zoe Speaker"}],
            },
            {
                "position": 2,
                "title": "Panel",
                "start": "2030-11-20T09:20:00+08:00",
                "end": "2030-11-20T10:20:00+08:00",
                "duration_minutes": 60,
                "speakers": [],
            },
        ],
        "is_around_summit": False,
        "location": "",
        "is_sample": False,
        "url": "http://testserver/2030/sessions/ai-forum/",
    }


def test_session_detail_matches_list_row(client, edition):
    SessionFactory(edition=edition, slug="opening", start=at(19, 9), end=at(19, 10))

    listed = client.get(sessions_url(edition)).json()["results"][0]
    response = client.get(sessions_url(edition, "opening/"))

    assert response.status_code == 200
    assert response.json() == listed


def test_session_whole_venue_has_venue_and_no_room(client, edition):
    venue = VenueFactory(edition=edition, name="Expo Center", slug="expo")
    SessionFactory(edition=edition, slug="lunch", kind=SessionKind.BREAK, room=None, venue=venue)

    row = client.get(sessions_url(edition, "lunch/")).json()

    assert row["room"] is None
    assert row["venue"] == {"slug": "expo", "name": "Expo Center"}
    assert row["topic"] is None


def test_session_times_carry_the_edition_offset(client, edition):
    SessionFactory(edition=edition, slug="late", start=at(21, 23, 30), end=at(22, 0, 30))

    row = client.get(sessions_url(edition, "late/")).json()

    assert row["start"] == "2030-11-21T23:30:00+08:00"
    assert row["end"] == "2030-11-22T00:30:00+08:00"
    assert dt.datetime.fromisoformat(row["start"]) == at(21, 23, 30)


def test_session_list_hides_drafts_from_the_public(client, edition):
    SessionFactory(edition=edition, slug="published", status=SessionStatus.PUBLISHED)
    SessionFactory(edition=edition, slug="cancelled", status=SessionStatus.CANCELLED)
    SessionFactory(edition=edition, slug="draft", status=SessionStatus.DRAFT)

    assert sorted(slugs(client.get(sessions_url(edition)))) == ["cancelled", "published"]
    assert client.get(sessions_url(edition, "draft/")).status_code == 404
    assert client.get(sessions_url(edition, "cancelled/")).json()["status"] == "cancelled"


def test_session_list_shows_drafts_to_staff(staff_client, edition):
    SessionFactory(edition=edition, slug="published")
    SessionFactory(edition=edition, slug="draft", status=SessionStatus.DRAFT)

    assert sorted(slugs(staff_client.get(sessions_url(edition)))) == ["draft", "published"]
    assert staff_client.get(sessions_url(edition, "draft/")).json()["status"] == "draft"


def test_session_detail_of_another_edition_is_404(client, edition):
    other = EditionFactory(year=2031, slug="2031")
    SessionFactory(edition=other, slug="elsewhere")

    assert client.get(sessions_url(edition, "elsewhere/")).status_code == 404


def test_session_list_filters_by_day_in_the_edition_zone(client, edition):
    # 00:30 in Wuzhen on the 20th is still the 19th in UTC.
    SessionFactory(edition=edition, slug="after-midnight", start=at(20, 0, 30), end=at(20, 1, 30))
    SessionFactory(edition=edition, slug="evening", start=at(19, 22), end=at(19, 23))

    assert slugs(client.get(sessions_url(edition), {"day": "2030-11-20"})) == ["after-midnight"]
    assert slugs(client.get(sessions_url(edition), {"day": "2030-11-19"})) == ["evening"]


def test_session_list_filters_by_kind(client, edition):
    SessionFactory(edition=edition, slug="plenary", kind=SessionKind.PLENARY)
    SessionFactory(edition=edition, slug="forum", kind=SessionKind.SUB_FORUM)

    assert slugs(client.get(sessions_url(edition), {"kind": "plenary"})) == ["plenary"]


def test_session_list_filters_by_topic_room_and_language(client, edition):
    topic = TopicFactory(edition=edition, slug="ai")
    room = RoomFactory(venue__edition=edition, slug="hall-a")
    SessionFactory(edition=edition, slug="match", topic=topic, room=room, language="zh")
    SessionFactory(edition=edition, slug="other", language="en")

    assert slugs(client.get(sessions_url(edition), {"topic": "ai"})) == ["match"]
    assert slugs(client.get(sessions_url(edition), {"room": "hall-a"})) == ["match"]
    assert slugs(client.get(sessions_url(edition), {"language": "zh"})) == ["match"]


def test_session_list_search_matches_a_speaker_name(client, edition):
    session = SessionFactory(edition=edition, slug="with-ada")
    SessionSpeakerFactory(session=session, person__name="Ada Lovelace")
    SessionFactory(edition=edition, slug="without")

    assert slugs(client.get(sessions_url(edition), {"q": "lovelace"})) == ["with-ada"]


def test_session_list_search_matches_a_run_of_show_item(client, edition):
    session = SessionFactory(edition=edition, slug="with-report")
    SessionItemFactory(session=session, title="Release of the Blue Book")
    SessionFactory(edition=edition, slug="without")

    assert slugs(client.get(sessions_url(edition), {"q": "blue book"})) == ["with-report"]


@pytest.mark.parametrize("params", [{"day": "2030-12-25"}, {"day": "tomorrow"}, {"kind": "party"}, {"topic": "nope"}])
def test_session_list_bad_filter_value_is_400(client, edition, params):
    SessionFactory(edition=edition)

    response = client.get(sessions_url(edition), params)

    assert response.status_code == 400
    assert list(response.json()) == list(params)


def test_session_list_is_paginated(client, edition):
    venue = VenueFactory(edition=edition)
    rooms = [RoomFactory(venue=venue) for _ in range(6)]
    for n in range(60):
        SessionFactory(edition=edition, room=rooms[n % 6], start=at(19 + n // 30, 8) + dt.timedelta(minutes=n))

    first = client.get(sessions_url(edition)).json()
    second = client.get(sessions_url(edition), {"page": 2}).json()
    small = client.get(sessions_url(edition), {"page_size": 7}).json()

    assert first["count"] == 60
    assert len(first["results"]) == 50
    assert first["next"] == "http://testserver/api/editions/2030/sessions/?page=2"
    assert first["previous"] is None
    assert len(second["results"]) == 10
    assert second["next"] is None
    assert {row["slug"] for row in first["results"]}.isdisjoint(row["slug"] for row in second["results"])
    assert len(small["results"]) == 7


def test_session_list_page_size_is_capped_at_200(client):
    call_command("generate_summit", slug="big", sessions=210, rooms=10, speakers=50, days=2, start="2030-11-19")

    data = client.get("/api/editions/big/sessions/", {"page_size": 1000}).json()

    assert data["count"] == 210
    assert len(data["results"]) == 200


def test_session_title_with_html_is_returned_as_text(client, edition):
    title = '<script>alert("x")</script> & <b>AI</b>'
    SessionFactory(edition=edition, slug="html", title=title)

    response = client.get(sessions_url(edition, "html/"))

    assert response["Content-Type"] == "application/json"
    assert response.json()["title"] == title
    assert json.loads(response.content.decode())["title"] == title
    assert b"&lt;" not in response.content


# Speakers


def test_speaker_list_has_people_who_speak_in_public_sessions(client, edition):
    company = OrganisationFactory(edition=edition, name="Example Co", slug="example-co")
    first = SessionFactory(edition=edition, slug="first", start=at(19, 9), end=at(19, 10))
    later = SessionFactory(edition=edition, slug="later", start=at(20, 9), end=at(20, 10))
    draft = SessionFactory(edition=edition, slug="draft", status=SessionStatus.DRAFT)
    ada = PersonFactory(
        edition=edition, name="Ada", slug="ada", title="CTO", organisation=company, country="GB", bio="Engineer."
    )
    SessionSpeakerFactory(session=later, person=ada)
    SessionSpeakerFactory(session=first, person=ada)
    SessionSpeakerFactory(session=draft, person__name="Only in a draft", person__slug="hidden")
    item = SessionItemFactory(session=first, title="Keynote")
    item.speakers.add(PersonFactory(edition=edition, name="Ben", slug="ben"))
    PersonFactory(edition=edition, name="Nobody", slug="nobody")

    response = client.get(f"/api/editions/{edition.slug}/speakers/")

    assert slugs(response) == ["ada", "ben"]
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response.json()["results"][0] == {
        "slug": "ada",
        "name": "Ada",
        "title": "CTO",
        "organisation": {"slug": "example-co", "name": "Example Co"},
        "country": "GB",
        "bio": "Engineer.",
        "photo": None,
        "sessions": ["first", "later"],
        "is_sample": False,
        "url": "http://testserver/2030/speakers/ada/",
        "identity": None,
    }
    assert response.json()["results"][1]["sessions"] == ["first"]
    assert response.json()["results"][1]["country"] is None


def test_speaker_detail_of_someone_not_speaking_is_404(client, edition):
    draft = SessionFactory(edition=edition, status=SessionStatus.DRAFT)
    SessionSpeakerFactory(session=draft, person__slug="hidden")
    PersonFactory(edition=edition, slug="nobody")
    SessionSpeakerFactory(session__edition=edition, person__slug="visible")

    assert client.get(f"/api/editions/{edition.slug}/speakers/visible/").status_code == 200
    assert client.get(f"/api/editions/{edition.slug}/speakers/hidden/").status_code == 404
    assert client.get(f"/api/editions/{edition.slug}/speakers/nobody/").status_code == 404


def test_speaker_in_a_draft_is_visible_to_staff(staff_client, edition):
    draft = SessionFactory(edition=edition, slug="draft", status=SessionStatus.DRAFT)
    SessionSpeakerFactory(session=draft, person__slug="hidden")

    response = staff_client.get(f"/api/editions/{edition.slug}/speakers/hidden/")

    assert response.status_code == 200
    assert response.json()["sessions"] == ["draft"]


# Organisations


def test_organisation_list_has_organisations_in_public_sessions(client, edition):
    host = OrganisationFactory(edition=edition, name="Host Org", slug="host", kind="government", country="CN")
    employer = OrganisationFactory(edition=edition, name="Employer", slug="employer", website="https://example.org")
    OrganisationFactory(edition=edition, name="Idle", slug="idle")
    forum = SessionFactory(edition=edition, slug="forum", title="Forum", start=at(20, 9), end=at(20, 10))
    opening = SessionFactory(edition=edition, slug="opening", title="Opening", start=at(19, 9), end=at(19, 10))
    draft = SessionFactory(edition=edition, slug="draft", status=SessionStatus.DRAFT)
    SessionOrganiserFactory(session=forum, organisation=host, role=OrganiserRole.CO_ORGANISER)
    SessionOrganiserFactory(session=opening, organisation=host, role=OrganiserRole.HOST)
    SessionOrganiserFactory(session=draft, organisation=host, role=OrganiserRole.SPONSOR)
    SessionSpeakerFactory(session=forum, person__organisation=employer)

    response = client.get(f"/api/editions/{edition.slug}/organisations/")

    assert slugs(response) == ["employer", "host"]
    employer_row, host_row = response.json()["results"]
    assert host_row == {
        "slug": "host",
        "name": "Host Org",
        "kind": "government",
        "country": "CN",
        "website": None,
        "logo": None,
        "sessions": [
            {"slug": "opening", "title": "Opening", "role": "host", "is_sample": False},
            {"slug": "forum", "title": "Forum", "role": "co_organiser", "is_sample": False},
        ],
        "is_sample": False,
        "url": "http://testserver/2030/organisations/host/",
        "identity": None,
    }
    assert employer_row["website"] == "https://example.org"
    assert employer_row["sessions"] == []
    assert client.get(f"/api/editions/{edition.slug}/organisations/idle/").status_code == 404
    assert client.get(f"/api/editions/{edition.slug}/organisations/host/").json() == host_row


# Read-only, schema


@pytest.mark.parametrize(
    "url", ["/api/editions/", "/api/editions/2030/", "/api/editions/2030/sessions/", "/api/editions/2030/speakers/"]
)
@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_api_writes_are_405(client, edition, url, method):
    response = getattr(client, method)(url, data={}, content_type="application/json")

    assert response.status_code == 405
    assert response["Access-Control-Allow-Origin"] == "*"


def test_schema_describes_every_endpoint(client):
    response = client.get("/api/schema/", {"format": "json"})

    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert {
        "/api/",
        "/api/editions/",
        "/api/editions/{slug}/",
        "/api/editions/{edition}/sessions/",
        "/api/editions/{edition}/sessions/{slug}/",
        "/api/editions/{edition}/speakers/",
        "/api/editions/{edition}/speakers/{slug}/",
        "/api/editions/{edition}/organisations/",
        "/api/editions/{edition}/organisations/{slug}/",
    } <= set(schema["paths"])
    parameters = {p["name"] for p in schema["paths"]["/api/editions/{edition}/sessions/"]["get"]["parameters"]}
    assert {"edition", "day", "kind", "topic", "room", "language", "q", "page", "page_size"} <= parameters


def test_schema_is_yaml_by_default(client):
    response = client.get("/api/schema/")

    assert response.status_code == 200
    schema = yaml.safe_load(response.content)
    assert schema["openapi"].startswith("3.")
    assert "/api/editions/{edition}/speakers/" in schema["paths"]


def test_schema_is_not_listed_in_itself(client):
    schema = client.get("/api/schema/", {"format": "json"}).json()

    assert "/api/schema/" not in schema["paths"]


def test_schema_in_a_language_of_the_site(client):
    response = client.get("/api/schema/", {"format": "json", "lang": "en"})

    assert response.status_code == 200
    assert response.json()["info"]["title"] == "WIC Planner API"


@pytest.mark.parametrize("lang", ["xx", "zz-unknown", "../../etc", "é" * 500])
def test_schema_in_an_unknown_language_is_a_400(client, lang):
    response = client.get("/api/schema/", {"format": "json", "lang": lang})

    assert response.status_code == 400
    assert list(response.json()) == ["lang"]


def test_schema_ignores_a_version_in_the_query_string(client):
    # The value used to be copied into the schema; a long one kept the YAML renderer busy for a minute.
    response = client.get("/api/schema/", {"version": "\ufffd" * 100_000})

    assert response.status_code == 200
    schema = yaml.safe_load(response.content)
    assert schema["info"]["version"] == "1.0.0"
    assert len(response.content) < 100_000


# Query counts


def count_queries(client, url):
    cache.clear()  # counted cold, the published editions read too
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    assert response.json()["results"]
    return len(queries)


@pytest.mark.parametrize("part", ["sessions", "speakers", "organisations"])
def test_list_query_count_does_not_grow_with_the_edition(client, part):
    call_command("generate_summit", slug="small", sessions=30, rooms=3, speakers=60, days=2, start="2030-11-19")
    call_command("generate_summit", slug="large", sessions=300, rooms=10, speakers=600, days=4, start="2030-11-19")
    assert Edition.objects.count() == 2

    small = count_queries(client, f"/api/editions/small/{part}/")
    large = count_queries(client, f"/api/editions/large/{part}/")

    assert small == large
    assert large <= 8


def test_session_list_shows_an_edit_at_once(client, edition):
    session = SessionFactory(edition=edition, slug="keynote", title="Old title")
    assert client.get(sessions_url(edition, "keynote/")).json()["title"] == "Old title"

    session.title = "New title"
    session.save()

    assert client.get(sessions_url(edition, "keynote/")).json()["title"] == "New title"
    assert client.get(sessions_url(edition)).json()["results"][0]["title"] == "New title"


# Exhibits


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def exhibits_url(edition, suffix=""):
    return f"/api/editions/{edition.slug}/exhibits/{suffix}"


def test_exhibit_list_has_full_shape(client, edition, media):
    expo = ExpoFactory(edition=edition, name="Light of Internet Expo", slug="light")
    exhibit = ExhibitFactory(
        expo=expo,
        exhibitor=OrganisationFactory(edition=edition, name="Unitree", slug="unitree"),
        hall=HallFactory(expo=expo, name="Hall 1", slug="hall-1"),
        title="Robot dog",
        slug="robot-dog",
        category=ExhibitCategory.ROBOTICS,
        booth="A-12",
        description="Walks and climbs.",
        is_featured=True,
    )
    second = ExhibitPictureFactory(exhibit=exhibit, alt_text="Climbing", position=1, size=(300, 450))
    first = ExhibitPictureFactory(exhibit=exhibit, alt_text="Standing", position=0)

    response = client.get(exhibits_url(edition))

    assert slugs(response) == ["robot-dog"]
    row = response.json()["results"][0]
    assert row == {
        "slug": "robot-dog",
        "title": "Robot dog",
        "exhibitor": {"slug": "unitree", "name": "Unitree"},
        "category": {"value": "robotics", "label": "Robotics"},
        "expo": {"slug": "light", "name": "Light of Internet Expo"},
        "hall": {"slug": "hall-1", "name": "Hall 1"},
        "booth": "A-12",
        "description": "Walks and climbs.",
        "is_featured": True,
        "pictures": [
            {
                "alt_text": "Standing",
                "width": 600,
                "height": 400,
                "thumbnail": {"url": f"http://testserver{first.thumbnail.url}", "width": 400},
                "large": {"url": f"http://testserver{first.large.url}", "width": 600},
                "original": f"http://testserver{first.image.url}",
            },
            {
                "alt_text": "Climbing",
                "width": 300,
                "height": 450,
                "thumbnail": {"url": f"http://testserver{second.thumbnail.url}", "width": 267},
                "large": {"url": f"http://testserver{second.large.url}", "width": 300},
                "original": f"http://testserver{second.image.url}",
            },
        ],
        "is_sample": False,
        "url": "http://testserver/2030/expo/robot-dog/",
    }
    assert client.get(exhibits_url(edition, "robot-dog/")).json() == row


def test_exhibit_without_hall_or_pictures_has_nulls_and_an_empty_list(client, edition):
    ExhibitFactory(expo__edition=edition, slug="plain")

    row = client.get(exhibits_url(edition, "plain/")).json()

    assert row["hall"] is None and row["pictures"] == [] and row["booth"] == ""


def test_exhibit_list_has_the_exhibits_of_the_edition_only(client, edition):
    main = ExpoFactory(edition=edition, position=0)
    museum = ExpoFactory(edition=edition, position=1)
    ExhibitFactory(expo=museum, slug="in-museum", position=0)
    ExhibitFactory(expo=main, slug="second", position=2)
    ExhibitFactory(expo=main, slug="first", position=1)
    ExhibitFactory(expo__edition=EditionFactory(year=2031, slug="2031"), slug="other-year")

    assert slugs(client.get(exhibits_url(edition))) == ["first", "second", "in-museum"]
    assert client.get(exhibits_url(edition, "other-year/")).status_code == 404
    assert client.get(exhibits_url(edition, "nothing/")).status_code == 404


def test_exhibit_list_filters_by_category_hall_exhibitor_and_search(client, edition):
    expo = ExpoFactory(edition=edition)
    hall = HallFactory(expo=expo, slug="hall-1")
    maker = OrganisationFactory(edition=edition, slug="unitree", name="Unitree")
    ExhibitFactory(expo=expo, slug="dog", title="Dog", category=ExhibitCategory.ROBOTICS, hall=hall, exhibitor=maker)
    ExhibitFactory(expo=expo, slug="arm", title="Arm", category=ExhibitCategory.ROBOTICS, booth="C-21")
    ExhibitFactory(expo=expo, slug="model", title="Model", hall=hall, description="A large language model")

    assert slugs(client.get(exhibits_url(edition), {"category": "robotics"})) == ["arm", "dog"]
    assert slugs(client.get(exhibits_url(edition), {"hall": "hall-1"})) == ["dog", "model"]
    assert slugs(client.get(exhibits_url(edition), {"exhibitor": "unitree"})) == ["dog"]
    assert slugs(client.get(exhibits_url(edition), {"q": "LANGUAGE"})) == ["model"]
    assert slugs(client.get(exhibits_url(edition), {"q": "c-21"})) == ["arm"]
    assert slugs(client.get(exhibits_url(edition), {"q": "unitree", "hall": "hall-1"})) == ["dog"]


@pytest.mark.parametrize(
    "params", [{"category": "teleportation"}, {"hall": "nowhere"}, {"exhibitor": "nobody"}, {"exhibitor": "idle"}]
)
def test_exhibit_list_bad_filter_value_is_400(client, edition, params):
    ExhibitFactory(expo__edition=edition)
    OrganisationFactory(edition=edition, slug="idle")  # not an exhibitor

    response = client.get(exhibits_url(edition), params)

    assert response.status_code == 400
    assert set(response.json()) == set(params)


def test_exhibit_list_is_paginated(client, edition):
    expo = ExpoFactory(edition=edition)
    for number in range(3):
        ExhibitFactory(expo=expo, slug=f"exhibit-{number}", position=number)

    data = client.get(exhibits_url(edition), {"page_size": 2}).json()

    assert data["count"] == 3 and len(data["results"]) == 2
    assert data["next"] == "http://testserver/api/editions/2030/exhibits/?page=2&page_size=2"


def test_exhibit_title_with_html_is_returned_as_text(client, edition):
    ExhibitFactory(expo__edition=edition, slug="x", title="<script>alert('x')</script>")

    assert client.get(exhibits_url(edition, "x/")).json()["title"] == "<script>alert('x')</script>"


def test_exhibits_of_an_unpublished_edition_are_404_for_anonymous_users(client):
    hidden = EditionFactory(year=2031, slug="2031", is_published=False)
    ExhibitFactory(expo__edition=hidden, slug="secret")
    AwardProgrammeFactory(edition=hidden, slug="secret")

    assert client.get("/api/editions/2031/exhibits/").status_code == 404
    assert client.get("/api/editions/2031/exhibits/secret/").status_code == 404
    assert client.get("/api/editions/2031/awards/").status_code == 404
    assert client.get("/api/editions/2031/awards/secret/").status_code == 404


def test_exhibit_list_shows_an_edit_at_once(client, edition):
    exhibit = ExhibitFactory(expo__edition=edition, slug="robot", title="Old title")
    assert client.get(exhibits_url(edition, "robot/")).json()["title"] == "Old title"

    exhibit.title = "New title"
    exhibit.save()

    assert client.get(exhibits_url(edition, "robot/")).json()["title"] == "New title"
    assert client.get(exhibits_url(edition)).json()["results"][0]["title"] == "New title"


# Awards


def awards_url(edition, suffix=""):
    return f"/api/editions/{edition.slug}/awards/{suffix}"


def test_award_list_has_full_shape(client, edition):
    ceremony = SessionFactory(
        edition=edition, slug="ceremony", title="Award ceremony", start=at(20, 14), end=at(20, 15, 30)
    )
    programme = AwardProgrammeFactory(
        edition=edition, name="Distinguished Contribution Award", slug="distinguished", description="For ever."
    )
    programme.ceremony = ceremony
    programme.save()
    people = AwardCategoryFactory(programme=programme, name="Individuals", slug="individuals", position=1)
    groups = AwardCategoryFactory(programme=programme, name="Organisations", slug="organisations", position=0)
    speaker = SessionSpeakerFactory(session=ceremony, person__name="Kilnam Chon", person__slug="kilnam").person
    HonoureeFactory(programme=programme, category=people, person=speaker, citation="A pioneer.", position=0)
    HonoureeFactory(programme=programme, category=people, person__name="Quiet Person", person__slug="quiet", position=1)
    HonoureeFactory(
        programme=programme,
        category=groups,
        for_organisation=True,
        organisation__name="Zhejiang Lab",
        organisation__slug="zhejiang-lab",
        case_title="A digital twin",
        position=2,
    )

    response = client.get(awards_url(edition))

    assert slugs(response) == ["distinguished"]
    row = response.json()["results"][0]
    assert row == {
        "slug": "distinguished",
        "name": "Distinguished Contribution Award",
        "description": "For ever.",
        "ceremony": {
            "slug": "ceremony",
            "title": "Award ceremony",
            "start": "2030-11-20T14:00:00+08:00",
            "end": "2030-11-20T15:30:00+08:00",
            "url": "http://testserver/2030/sessions/ceremony/",
        },
        "categories": [
            {"slug": "organisations", "name": "Organisations"},
            {"slug": "individuals", "name": "Individuals"},
        ],
        "honourees": [
            {
                "kind": "person",
                "name": "Kilnam Chon",
                "slug": "kilnam",
                "case_title": "",
                "citation": "A pioneer.",
                "category": "individuals",
                "is_sample": False,
                "url": "http://testserver/2030/speakers/kilnam/",
            },
            {
                "kind": "person",
                "name": "Quiet Person",
                "slug": "quiet",
                "case_title": "",
                "citation": "",
                "category": "individuals",
                "is_sample": False,
                "url": None,
            },
            {
                "kind": "organisation",
                "name": "Zhejiang Lab",
                "slug": "zhejiang-lab",
                "case_title": "A digital twin",
                "citation": "",
                "category": "organisations",
                "is_sample": False,
                "url": "http://testserver/2030/organisations/zhejiang-lab/",
            },
        ],
        "url": "http://testserver/2030/awards/distinguished/",
    }
    assert client.get(awards_url(edition, "distinguished/")).json() == row


def test_award_list_is_in_order_and_hides_a_draft_ceremony(client, programme_editor, edition):
    draft = SessionFactory(edition=edition, slug="draft-ceremony", status=SessionStatus.DRAFT)
    AwardProgrammeFactory(edition=edition, slug="second", position=1, ceremony=draft)
    AwardProgrammeFactory(edition=edition, slug="first", position=0)
    AwardProgrammeFactory(edition=EditionFactory(year=2031, slug="2031"), slug="other-year")

    response = client.get(awards_url(edition))

    assert slugs(response) == ["first", "second"]
    assert response.json()["results"][1]["ceremony"] is None
    assert client.get(awards_url(edition, "other-year/")).status_code == 404
    assert client.get(awards_url(edition, "nothing/")).status_code == 404
    client.force_login(programme_editor)
    assert client.get(awards_url(edition, "second/")).json()["ceremony"]["slug"] == "draft-ceremony"


def test_honouree_without_category_has_null_category(client, edition):
    HonoureeFactory(programme__edition=edition, programme__slug="award")

    assert client.get(awards_url(edition, "award/")).json()["honourees"][0]["category"] is None


@pytest.mark.parametrize("url", ["/api/editions/2030/exhibits/", "/api/editions/2030/awards/"])
@pytest.mark.parametrize("method", ["post", "delete"])
def test_expo_and_award_writes_are_405(client, edition, url, method):
    assert getattr(client, method)(url, data={}, content_type="application/json").status_code == 405


def test_schema_describes_exhibits_and_awards(client):
    schema = client.get("/api/schema/", {"format": "json"}).json()

    assert {
        "/api/editions/{edition}/exhibits/",
        "/api/editions/{edition}/exhibits/{slug}/",
        "/api/editions/{edition}/awards/",
        "/api/editions/{edition}/awards/{slug}/",
    } <= set(schema["paths"])
    parameters = {p["name"] for p in schema["paths"]["/api/editions/{edition}/exhibits/"]["get"]["parameters"]}
    assert {"edition", "category", "hall", "exhibitor", "q", "page", "page_size"} <= parameters


def test_expo_and_award_lists_query_count_does_not_grow(client, media):
    for slug, exhibits, honourees in (("small", 5, 3), ("large", 40, 30)):
        edition = EditionFactory(year=2040 + exhibits, slug=slug)
        expo = ExpoFactory(edition=edition)
        halls = [HallFactory(expo=expo) for _ in range(3)]
        for number in range(exhibits):
            exhibit = ExhibitFactory(expo=expo, hall=halls[number % 3], slug=f"exhibit-{number}")
            ExhibitPictureFactory(exhibit=exhibit, size=(120, 80))
        ceremony = SessionFactory(edition=edition)
        programme = AwardProgrammeFactory(edition=edition, ceremony=ceremony)
        categories = [AwardCategoryFactory(programme=programme) for _ in range(3)]
        for number in range(honourees):
            if number % 3 == 0:
                HonoureeFactory(programme=programme, category=categories[number % 3], for_organisation=True)
            else:
                person = HonoureeFactory(programme=programme, category=categories[number % 3]).person
                SessionSpeakerFactory(session=ceremony, person=person)

    for part in ("exhibits/", "exhibits/?category=ai&q=exhibit", "awards/"):
        small = count_queries(client, f"/api/editions/small/{part}")
        large = count_queries(client, f"/api/editions/large/{part}")
        assert small == large, part
        assert large <= 8, part
