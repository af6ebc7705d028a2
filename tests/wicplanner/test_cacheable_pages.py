"""Public pages as a shared cache (a CDN, a caching proxy) may keep them: the same answer for everyone who
has not signed in, no cookie set, no `Vary: Cookie`, a public Cache-Control. What a previewer sees (drafts)
is never kept by a shared cache, and the forms that post keep their CSRF cookie and are never cached."""

import datetime as dt
import re

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.test import Client

from agenda.enums import SessionKind, SessionStatus
from tests.factories import (
    AwardProgrammeFactory,
    CompetitionEntryFactory,
    CompetitionFactory,
    EditionFactory,
    ExhibitFactory,
    ExhibitPictureFactory,
    ExpoFactory,
    HonoureeFactory,
    OrganisationFactory,
    PersonFactory,
    RoomFactory,
    SessionFactory,
    SessionOrganiserFactory,
    SessionSpeakerFactory,
)
from tests.factories.attendees import open_registration

pytestmark = pytest.mark.django_db

START = dt.date.today() + dt.timedelta(days=60)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def edition():
    """An edition ahead, with registration open: its pages show seats, the Register link, the expo, awards."""
    edition = EditionFactory(
        slug="next",
        name="Next Wuzhen Summit",
        year=START.year,
        start_date=START,
        end_date=START + dt.timedelta(days=2),
        is_current=True,
    )
    open_registration(edition)
    room = RoomFactory(venue__edition=edition, name="Lotus Hall", slug="lotus")
    forum = SessionFactory(
        edition=edition,
        title="AI governance forum",
        slug="ai-governance",
        kind=SessionKind.SUB_FORUM,
        room=room,
        registration_required=True,
        capacity=40,
    )
    SessionFactory(
        edition=edition, title="Unannounced draft forum", slug="draft", room=room, status=SessionStatus.DRAFT
    )
    speaker = PersonFactory(edition=edition, name="Wang Haifeng", slug="wang")
    SessionSpeakerFactory(session=forum, person=speaker)
    host = OrganisationFactory(edition=edition, name="Zhejiang Lab", slug="zhejiang-lab")
    SessionOrganiserFactory(session=forum, organisation=host)
    exhibit = ExhibitFactory(
        expo=ExpoFactory(edition=edition, slug="light"), exhibitor=host, title="Robot arm", slug="robot-arm"
    )
    ExhibitPictureFactory(exhibit=exhibit)
    HonoureeFactory(programme=AwardProgrammeFactory(edition=edition, slug="contribution"), person=speaker)
    CompetitionEntryFactory(competition=CompetitionFactory(edition=edition, slug="cup", final=forum))
    return edition


def public_addresses(edition):
    day = edition.start_date.isoformat()
    forum = edition.sessions.get(slug="ai-governance")
    pages = [
        "/",
        "/editions/",
        "/next/",
        "/next/agenda/",
        "/next/agenda/?view=grid",
        f"/next/agenda/?day={day}",
        "/next/agenda/?day=all&q=forum",
        "/next/sessions/ai-governance/",
        "/next/sessions/ai-governance.ics",
        "/next/speakers/",
        "/next/speakers/wang/",
        "/next/organisations/",
        "/next/organisations/zhejiang-lab/",
        "/next/rooms/lotus/",
        "/next/expo/",
        "/next/expo/robot-arm/",
        "/next/awards/",
        "/next/awards/contribution/",
        "/next/competitions/",
        "/next/competitions/cup/",
        "/next/changes/",
        "/next/my-agenda/",
        f"/next/my-agenda/?s={forum.pk}",
        f"/next/my-agenda.ics?s={forum.pk}",
        "/next/now/",
        "/next/schedule.ics",
        "/next/schedule.xml",
        "/next/schedule.json",
        "/next/register/privacy/",
    ]
    english = pages + [
        "/api/",
        "/api/editions/",
        "/api/editions/next/",
        "/api/editions/next/sessions/",
        "/api/editions/next/sessions/ai-governance/",
        "/api/editions/next/speakers/",
        "/api/editions/next/exhibits/",
        "/api/editions/next/awards/",
        "/api/editions/next/competitions/",
        "/api/editions/next/sessions/?lang=zh-hans",
        "/sitemap.xml",
        "/robots.txt",
    ]
    return english + ["/zh-hans" + page for page in pages]


def assert_cacheable(response, address):
    assert response.status_code == 200, (address, response.status_code)
    assert response.cookies == {}, (address, response.cookies)
    assert "cookie" not in response.get("Vary", "").lower(), (address, response["Vary"])
    directives = {part.strip() for part in response.get("Cache-Control", "").split(",")}
    assert "public" in directives, (address, response.get("Cache-Control"))
    assert any(re.fullmatch(r"max-age=[1-9]\d*", part) for part in directives), (address, directives)
    assert not directives & {"private", "no-store", "no-cache"}, (address, directives)


def test_every_public_page_is_cacheable_by_a_shared_cache_when_rendered_and_when_cached(client, edition):
    addresses = public_addresses(edition)

    for address in addresses:
        assert_cacheable(client.get(address), address)  # rendered now
    for address in addresses:
        assert_cacheable(client.get(address), address)  # served from the cache

    assert client.cookies == {}


def test_a_visitor_with_a_stale_session_cookie_sees_the_public_page_kept_out_of_shared_caches(client, edition):
    # What a shared cache stores is right for everybody: a visitor whose session has expired is shown exactly
    # what a visitor without cookies got; the answer clears the cookie, so no shared cache may keep it.
    first = client.get("/next/agenda/")
    client.cookies["sessionid"] = "expired-or-unknown"
    cache.clear()

    second = client.get("/next/agenda/")

    assert second.content == first.content
    assert "Unannounced draft forum" not in first.content.decode()
    assert second.cookies["sessionid"].value == ""
    assert "public" not in second["Cache-Control"] and "private" in second["Cache-Control"]


def test_a_signed_in_member_of_staff_who_may_not_preview_sees_the_public_page_privately(
    client, django_user_model, edition
):
    desk = django_user_model.objects.create_user("desk", "desk@example.org", "pw-desk", is_staff=True)
    desk.groups.add(Group.objects.get(name="Check-in staff"))
    anonymous = Client().get("/next/agenda/")
    client.force_login(desk)

    signed_in = client.get("/next/agenda/")

    assert signed_in.content == anonymous.content
    assert "public" not in signed_in["Cache-Control"] and "private" in signed_in["Cache-Control"]


def test_a_not_modified_answer_carries_the_same_cache_headers(client, edition):
    first = client.get("/next/speakers/")

    again = client.get("/next/speakers/", HTTP_IF_NONE_MATCH=first["ETag"])

    assert again.status_code == 304
    assert (again["ETag"], again["Cache-Control"]) == (first["ETag"], first["Cache-Control"])
    assert again.cookies == {}
    # Only the encoding varies (gzip or not): never the cookie or the browser's language.
    assert again["Vary"] == first["Vary"] == "Accept-Encoding"


@pytest.mark.parametrize(
    "address",
    [
        "/next/agenda/",
        "/next/sessions/draft/",
        "/next/now/",
        "/api/editions/next/sessions/",
        "/zh-hans/next/speakers/",
    ],
)
def test_what_a_previewer_sees_is_never_kept_by_a_shared_cache(organiser_client, edition, address):
    preview = organiser_client.get(address)

    directives = {part.strip() for part in preview["Cache-Control"].split(",")}
    assert preview.status_code == 200
    assert {"private", "no-store"} <= directives
    assert "public" not in directives


def test_the_previewer_sees_drafts_and_the_next_visitor_does_not(organiser_client, edition):
    assert "Unannounced draft forum" in organiser_client.get("/next/agenda/").content.decode()
    assert "Unannounced draft forum" not in Client().get("/next/agenda/").content.decode()


@pytest.mark.parametrize("address", ["/next/register/", "/next/registration/resend/"])
def test_forms_that_post_keep_their_csrf_cookie_and_are_never_cached(client, edition, address):
    response = client.get(address)

    assert response.status_code == 200
    assert "csrftoken" in response.cookies
    assert "no-store" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


def test_an_answer_that_sets_a_cookie_is_never_public(client, edition):
    # The browsable API (what a browser gets at /api/) carries a CSRF token for its forms.
    response = client.get("/api/editions/", HTTP_ACCEPT="text/html")

    assert response.status_code == 200
    assert "csrftoken" in response.cookies
    assert "public" not in response.get("Cache-Control", "")
    assert "private" in response["Cache-Control"]


def test_the_back_office_still_varies_on_the_cookie(client, edition):
    response = client.get("/admin/login/")

    assert "Cookie" in response["Vary"]
    assert "public" not in response.get("Cache-Control", "")
