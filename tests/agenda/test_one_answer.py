"""Each question has one answer, whoever asks: the pages, the API, the sitemap and the awards agree."""

import datetime as dt
import re

import pytest

from agenda.enums import SessionKind, SessionStatus
from agenda.selectors.awards import award_programmes
from tests.factories import (
    AwardProgrammeFactory,
    EditionFactory,
    ExhibitFactory,
    HonoureeFactory,
    OrganisationFactory,
    PersonFactory,
    SessionFactory,
    SessionItemFactory,
    SessionOrganiserFactory,
    SessionSpeakerFactory,
)

pytestmark = pytest.mark.django_db


def text(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def speaker_slugs(page, edition):
    return set(re.findall(rf"/{edition.slug}/speakers/([\w-]+)/", page))


@pytest.fixture
def speakers(edition):
    """People of every kind: speaking in public, only in a run-of-show, only in a draft, in a cancelled
    session, nowhere, and in a public session of an unpublished edition."""
    public = SessionFactory(edition=edition, slug="forum")
    cancelled = SessionFactory(edition=edition, slug="cancelled-forum", status=SessionStatus.CANCELLED)
    draft = SessionFactory(edition=edition, slug="draft-forum", status=SessionStatus.DRAFT)
    people = {
        name: PersonFactory(edition=edition, slug=name)
        for name in ("keynote", "run-of-show-only", "draft-only", "in-cancelled", "nowhere")
    }
    SessionSpeakerFactory(session=public, person=people["keynote"])
    SessionItemFactory(session=public).speakers.add(people["run-of-show-only"])
    SessionSpeakerFactory(session=draft, person=people["draft-only"])
    SessionItemFactory(session=draft).speakers.add(people["draft-only"])
    SessionSpeakerFactory(session=cancelled, person=people["in-cancelled"])
    unpublished = EditionFactory(slug="2031", is_published=False)
    SessionSpeakerFactory(session=SessionFactory(edition=unpublished), person__slug="unpublished-speaker")
    return people


PUBLIC_SPEAKERS = {"keynote", "run-of-show-only", "in-cancelled"}


def test_speakers_page_lists_the_public_speakers(client, edition, speakers):
    assert speaker_slugs(text(client.get("/2024/speakers/")), edition) == PUBLIC_SPEAKERS


def test_api_lists_the_same_speakers_as_the_speakers_page(client, edition, speakers):
    results = client.get("/api/editions/2024/speakers/").json()["results"]

    assert {person["slug"] for person in results} == speaker_slugs(text(client.get("/2024/speakers/")), edition)


def test_sitemap_lists_the_same_speakers_as_the_speakers_page(client, edition, speakers):
    sitemap = text(client.get("/sitemap.xml"))

    assert speaker_slugs(sitemap, edition) == speaker_slugs(text(client.get("/2024/speakers/")), edition)
    assert "unpublished-speaker" not in sitemap


def test_home_counts_the_speakers_the_speakers_page_lists(client, edition, speakers):
    home = text(client.get("/2024/"))

    count = re.search(r"Speakers</dt><dd>(\d+)</dd>", home).group(1)
    assert int(count) == len(speaker_slugs(text(client.get("/2024/speakers/")), edition))


def test_speaker_pages_open_for_the_public_speakers_only(client, edition, speakers):
    statuses = {slug: client.get(f"/2024/speakers/{slug}/").status_code for slug in speakers}

    assert statuses == {slug: 200 if slug in PUBLIC_SPEAKERS else 404 for slug in speakers}


def test_honourees_have_a_speaker_page_when_they_are_public_speakers(edition, speakers):
    programme = AwardProgrammeFactory(edition=edition)
    for person in speakers.values():
        HonoureeFactory(programme=programme, person=person)

    honourees = award_programmes(edition=edition).get().honourees.all()

    assert {h.person.slug for h in honourees if h.person_speaks} == PUBLIC_SPEAKERS


def test_session_counts_agree_on_the_editions_page_and_the_edition_home(client, edition):
    start = dt.datetime(2024, 11, 19, 9, tzinfo=edition.zone)
    for n, (status, kind) in enumerate(
        [
            (SessionStatus.PUBLISHED, SessionKind.SUB_FORUM),
            (SessionStatus.PUBLISHED, SessionKind.BREAK),
            (SessionStatus.CANCELLED, SessionKind.SUB_FORUM),
            (SessionStatus.DRAFT, SessionKind.SUB_FORUM),
        ]
    ):
        SessionFactory(edition=edition, status=status, kind=kind, start=start + dt.timedelta(hours=n))

    listed = re.search(r"(\d+) sessions", text(client.get("/editions/"))).group(1)
    home = re.search(r"Sessions</dt><dd>(\d+)</dd>", text(client.get("/2024/"))).group(1)

    assert (listed, home) == ("3", "3")


def test_the_organisations_page_and_the_api_list_the_same_organisations_taking_part(client, edition):
    forum = SessionFactory(edition=edition, slug="forum")
    draft = SessionFactory(edition=edition, slug="draft-forum", status=SessionStatus.DRAFT)
    SessionOrganiserFactory(session=forum, organisation__edition=edition, organisation__slug="host")
    SessionOrganiserFactory(session=draft, organisation__edition=edition, organisation__slug="draft-host")
    employer = OrganisationFactory(edition=edition, slug="speakers-employer")
    SessionSpeakerFactory(session=forum, person=PersonFactory(edition=edition, organisation=employer))
    OrganisationFactory(edition=edition, slug="bystander")
    ExhibitFactory(expo__edition=edition, exhibitor__edition=edition, exhibitor__slug="exhibitor")
    HonoureeFactory(programme__edition=edition, for_organisation=True, organisation__slug="honoured")

    page = text(client.get("/2024/organisations/"))
    listed = set(re.findall(r"/2024/organisations/([\w-]+)/", page))
    results = client.get("/api/editions/2024/organisations/").json()["results"]

    assert listed == {"host", "speakers-employer", "exhibitor", "honoured"}
    assert {organisation["slug"] for organisation in results} == listed
    for slug in listed:
        assert client.get(f"/2024/organisations/{slug}/").status_code == 200
    for slug in ("bystander", "draft-host"):
        assert client.get(f"/2024/organisations/{slug}/").status_code == 404
        assert client.get(f"/api/editions/2024/organisations/{slug}/").status_code == 404
