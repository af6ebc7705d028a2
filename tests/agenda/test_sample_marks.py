"""Invented demo details are marked wherever they appear: on lists and detail pages, in the API and the feeds,
on awards, honourees and organiser roles. What is taken from a source carries no mark."""

import json
import re

import pytest

from tests.factories import (
    EditionFactory,
    OrganisationFactory,
    PersonFactory,
    SessionFactory,
    SessionOrganiserFactory,
    SessionSpeakerFactory,
)
from tests.factories.expo import AwardProgrammeFactory, ExhibitFactory, ExpoFactory, HonoureeFactory

pytestmark = pytest.mark.django_db

BADGE = '<span class="badge sample-badge">Sample data</span>'
SESSION_NOTE = "speakers of this session are illustrative"  # no comma: iCalendar writes one as "\\,"


@pytest.fixture
def edition():
    edition = EditionFactory(slug="2031", year=2031)
    reported = OrganisationFactory(edition=edition, name="Reported Org", slug="reported")
    placed = OrganisationFactory(edition=edition, name="Placed Org", slug="placed", is_sample=True)
    real = SessionFactory(edition=edition, title="Opening ceremony", slug="opening")
    invented = SessionFactory(edition=edition, title="Invented forum", slug="invented", is_sample=True)
    quoted = PersonFactory(edition=edition, name="Quoted Person", slug="quoted")
    extra = PersonFactory(edition=edition, name="Extra Person", slug="extra", is_sample=True)
    SessionSpeakerFactory(session=real, person=quoted)
    SessionSpeakerFactory(session=invented, person=quoted)
    SessionSpeakerFactory(session=invented, person=extra)
    SessionOrganiserFactory(session=real, organisation=reported)
    SessionOrganiserFactory(session=invented, organisation=placed)
    expo = ExpoFactory(edition=edition)
    ExhibitFactory(expo=expo, exhibitor=reported, title="Quantum link", slug="quantum", is_sample=False)
    ExhibitFactory(expo=expo, exhibitor=placed, title="Robot dog", slug="robot-dog", is_sample=True)
    award = AwardProgrammeFactory(edition=edition, name="Outstanding Cases", slug="cases")
    HonoureeFactory(programme=award, for_organisation=True, organisation=reported, case_title="A real case")
    HonoureeFactory(
        programme=award, for_organisation=True, organisation=placed, case_title="An invented case", is_sample=True
    )
    return edition


def html(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def between(page, start, end):
    """The page from `start` to the next `end`."""
    at = page.index(start)
    return page[at : page.index(end, at)]


def test_agenda_cards_mark_invented_sessions_only(client, edition):
    page = html(client, "/2031/agenda/?day=all")
    cards = re.findall(r'<article class="session-card.*?</article>', page, re.S)
    by_title = {re.search(r'">([^<]+)</a></h3>', card).group(1): card for card in cards}
    assert BADGE in by_title["Invented forum"]
    assert BADGE not in by_title["Opening ceremony"]


def test_a_speaker_quoted_in_a_report_is_not_marked_but_an_invented_appearance_is(client, edition):
    listing = html(client, "/2031/speakers/")
    assert BADGE not in between(listing, "Quoted Person", "</li>")
    assert BADGE in between(listing, "Extra Person", "</li>")
    page = html(client, "/2031/speakers/quoted/")
    assert "placed in this edition for the demonstration" not in page
    cards = re.findall(r'<article class="session-card.*?</article>', page, re.S)
    assert [BADGE in card for card in cards] == [False, True]  # the opening, then the invented forum
    assert "placed in this edition for the demonstration" in html(client, "/2031/speakers/extra/")


def test_organisations_and_their_invented_roles_are_marked(client, edition):
    listing = html(client, "/2031/organisations/")
    assert BADGE not in between(listing, "Reported Org", "</li>")
    assert BADGE in between(listing, "Placed Org</a>", "</li>")
    detail = html(client, "/2031/organisations/placed/")
    assert "placed in this edition for the demonstration" in detail
    assert BADGE in between(detail, "Invented forum", "</li>")
    detail = html(client, "/2031/organisations/reported/")
    assert BADGE not in between(detail, "Opening ceremony", "</li>")


def test_expo_and_awards_mark_what_is_invented(client, edition):
    cards = re.findall(r'<article class="exhibit-card.*?</article>', html(client, "/2031/expo/"), re.S)
    assert {("Robot dog" in card, BADGE in card) for card in cards} == {(True, True), (False, False)}
    awards = html(client, "/2031/awards/")
    honourees = re.findall(r'<li class="honouree">.*?</li>', awards, re.S)
    assert {("An invented case" in h, BADGE in h) for h in honourees} == {(True, True), (False, False)}


def test_the_api_says_what_is_sample(client, edition):
    sessions = client.get("/api/editions/2031/sessions/").json()["results"]
    assert {row["slug"]: row["is_sample"] for row in sessions} == {"opening": False, "invented": True}
    speakers = client.get("/api/editions/2031/speakers/").json()["results"]
    assert {row["slug"]: row["is_sample"] for row in speakers} == {"quoted": False, "extra": True}
    exhibits = client.get("/api/editions/2031/exhibits/").json()["results"]
    assert {row["slug"]: row["is_sample"] for row in exhibits} == {"quantum": False, "robot-dog": True}
    awards = client.get("/api/editions/2031/awards/").json()["results"]
    assert [h["is_sample"] for h in awards[0]["honourees"]] == [False, True]


def test_feeds_carry_the_sample_note_on_invented_sessions_only(client, edition):
    calendar = html(client, "/2031/schedule.ics").replace("\r\n ", "")
    events = calendar.split("BEGIN:VEVENT")[1:]
    notes = {re.search(r"SUMMARY:([^\r\n]+)", event).group(1): SESSION_NOTE in event for event in events}
    assert notes == {"Opening ceremony": False, "Invented forum": True}
    schedule = json.loads(html(client, "/2031/schedule.json"))
    events = [
        event for day in schedule["schedule"]["conference"]["days"] for room in day["rooms"].values() for event in room
    ]
    assert {event["title"]: SESSION_NOTE in event["description"] for event in events} == {
        "Opening ceremony": False,
        "Invented forum": True,
    }


def test_the_grid_marks_invented_sessions_and_says_what_the_mark_means(client, edition):
    day = edition.start_date.isoformat()
    page = html(client, f"/2031/agenda/?day={day}&view=grid")
    cells = re.findall(r'<a class="grid-session[^"]*".*?</a>', page, re.S)
    assert {("Invented forum" in cell, "is-sample" in cell) for cell in cells} == {(True, True), (False, False)}
    assert "(Sample data)" in next(cell for cell in cells if "Invented forum" in cell)
    assert "A dashed border marks sample data" in page
