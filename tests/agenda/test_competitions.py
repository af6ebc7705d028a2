import datetime as dt
import io

import pytest
import tablib
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from agenda.enums import CompetitionResult, SessionKind, SessionStatus
from agenda.models import Competition, CompetitionEntry
from agenda.resources import CompetitionEntryResource
from tests.factories import (
    CompetitionEntryFactory,
    CompetitionFactory,
    CompetitionTrackFactory,
    EditionFactory,
    OrganisationFactory,
    RoomFactory,
    SessionFactory,
    SessionOrganiserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def competition(edition):
    return CompetitionFactory(
        edition=edition,
        name="“Straight to Wuzhen” Global Internet Competition",
        slug="straight-to-wuzhen",
        description="The summit's global internet competition.",
    )


def make_final(edition, title="Competition final", **kwargs):
    kwargs.setdefault("room", RoomFactory(venue__edition=edition, name="Expo Forum Stage"))
    return SessionFactory(
        edition=edition,
        title=title,
        kind=SessionKind.COMPETITION,
        start=dt.datetime(2024, 11, 19, 9, 30, tzinfo=edition.zone),
        end=dt.datetime(2024, 11, 19, 12, tzinfo=edition.zone),
        **kwargs,
    )


def text(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def in_order(page, *words):
    positions = [page.index(word) for word in words]
    return positions == sorted(positions)


# -- validators --------------------------------------------------------------------------------------


def test_entry_with_a_track_of_another_competition_is_refused(edition, competition):
    other = CompetitionFactory(edition=edition, name="AI Special Competition")
    track = CompetitionTrackFactory(competition=other, name="Health")
    entry = CompetitionEntryFactory.build(competition=competition, track=track, slug="x", project_title="X")

    with pytest.raises(ValidationError) as error:
        entry.full_clean()

    assert error.value.message_dict["track"] == [
        "The track “Health” belongs to another competition (AI Special Competition)."
    ]


def test_final_from_another_edition_is_refused(competition):
    final = make_final(EditionFactory(slug="2023", name="2023 Wuzhen Summit"), title="Final of 2023")
    competition.final = final

    with pytest.raises(ValidationError) as error:
        competition.full_clean()

    assert error.value.message_dict["final"] == ["Final “Final of 2023” belongs to another edition."]


def test_entry_organisation_from_another_edition_is_refused(competition):
    elsewhere = OrganisationFactory(edition=EditionFactory(slug="2023"), name="Old Lab")
    entry = CompetitionEntryFactory.build(competition=competition, organisation=elsewhere, slug="x", project_title="X")

    with pytest.raises(ValidationError) as error:
        entry.full_clean()

    assert error.value.message_dict["organisation"] == ["Organisation “Old Lab” belongs to another edition."]


def test_entry_needs_a_team_or_an_organisation(competition):
    entry = CompetitionEntryFactory.build(competition=competition, team="", slug="x", project_title="X")

    with pytest.raises(ValidationError) as error:
        entry.full_clean()

    assert error.value.messages == ["Name the team or choose an organisation."]


# -- pages -------------------------------------------------------------------------------------------


def test_competition_page_shows_tracks_winners_first_then_finalists_and_the_final(client, edition, competition):
    competition.final = make_final(edition, title="Global Internet Competition: final", slug="final")
    competition.save()
    economy = CompetitionTrackFactory(competition=competition, name="Digital economy", position=0)
    cities = CompetitionTrackFactory(competition=competition, name="Smart cities", position=1)
    CompetitionEntryFactory(competition=competition, track=economy, project_title="Invoices for traders")
    CompetitionEntryFactory(
        competition=competition,
        track=economy,
        project_title="Second-prize ledger",
        result=CompetitionResult.SECOND_PRIZE,
        position=0,
    )
    CompetitionEntryFactory(
        competition=competition,
        track=economy,
        project_title="First-prize chatbot",
        result=CompetitionResult.FIRST_PRIZE,
        position=5,
        team="Canal Data Lab",
        country="CN",
        summary="Chosen among 300 projects.",
    )
    CompetitionEntryFactory(competition=competition, track=cities, project_title="Flood forecasting")

    page = text(client.get("/2024/competitions/straight-to-wuzhen/"))

    assert '<h1 class="h2" id="competition-straight-to-wuzhen-name">“Straight to Wuzhen” Global Internet' in page
    assert '<a href="/2024/sessions/final/">Global Internet Competition: final</a>' in page
    assert "Tuesday 19 November 2024, 09:30" in page and "Expo Forum Stage" in page
    assert in_order(
        page,
        "Digital economy</h2>",
        "Winners",
        "First prize",
        "First-prize chatbot",
        "Canal Data Lab",
        "China",
        "Chosen among 300 projects.",
        "Second prize",
        "Second-prize ledger",
        "Finalists",
        "Invoices for traders",
        "Smart cities</h2>",
        "Flood forecasting",
    )
    assert 'href="/2024/awards/" aria-current="page">Awards</a>' in page


def test_competitions_page_lists_the_editions_competitions_in_order(client, edition, competition):
    CompetitionFactory(edition=edition, name="AI Special Competition", slug="ai", position=1)
    CompetitionFactory(edition=edition, name="Youth hackathon", slug="youth", position=0)
    competition.position = 0
    competition.name = "Global Internet Competition"
    competition.save()
    CompetitionFactory(edition=EditionFactory(slug="2023"), name="Competition of another year")

    page = text(client.get("/2024/competitions/"))

    assert in_order(page, "Global Internet Competition", "Youth hackathon", "AI Special Competition")
    assert '<a href="/2024/competitions/ai/">AI Special Competition</a>' in page
    assert "Competition of another year" not in page
    assert "No finalists are listed." in page  # a past edition, a competition with no entries


def test_awards_page_links_the_competitions(client, edition, competition):
    page = text(client.get("/2024/awards/"))

    assert '<h2 class="h3" id="competitions-heading"><a href="/2024/competitions/">Competitions</a></h2>' in page
    assert (
        '<a href="/2024/competitions/straight-to-wuzhen/">“Straight to Wuzhen” Global Internet Competition</a>' in page
    )


def test_awards_page_has_no_competitions_section_without_competitions(client, edition):
    assert "competitions-heading" not in text(client.get("/2024/awards/"))


def test_final_session_page_links_to_its_competition(client, edition, competition):
    competition.final = make_final(edition, slug="final")
    competition.save()

    page = text(client.get("/2024/sessions/final/"))

    assert "The final of this competition</h2>" in page
    assert (
        '<a href="/2024/competitions/straight-to-wuzhen/">“Straight to Wuzhen” Global Internet Competition</a>' in page
    )


def test_a_draft_final_is_hidden_from_visitors_but_shown_in_a_preview(client, admin_client, edition, competition):
    competition.final = make_final(edition, title="Secret final", slug="secret", status=SessionStatus.DRAFT)
    competition.save()

    page = text(client.get("/2024/competitions/straight-to-wuzhen/"))
    preview = text(admin_client.get("/2024/competitions/straight-to-wuzhen/"))

    assert "Secret final" not in page and "/2024/sessions/secret/" not in page
    assert '<a href="/2024/sessions/secret/">Secret final</a>' in preview


def test_competitions_of_an_unpublished_edition_are_not_found(client, competition):
    hidden = EditionFactory(slug="2031", is_published=False)
    CompetitionFactory(edition=hidden, slug="hidden")

    assert client.get("/2031/competitions/").status_code == 404
    assert client.get("/2031/competitions/hidden/").status_code == 404
    assert client.get("/2024/competitions/nothing/").status_code == 404


def test_entries_link_an_organisation_only_when_it_has_a_page(client, edition, competition):
    final = make_final(edition, slug="final")
    taking_part = OrganisationFactory(edition=edition, name="Zhejiang Lab", slug="zhejiang-lab")
    SessionOrganiserFactory(session=final, organisation=taking_part)
    CompetitionEntryFactory(competition=competition, for_organisation=True, organisation=taking_part)
    CompetitionEntryFactory(
        competition=competition, for_organisation=True, organisation__name="Quiet Start-up", organisation__slug="quiet"
    )

    page = text(client.get("/2024/competitions/"))

    assert '<a href="/2024/organisations/zhejiang-lab/">Zhejiang Lab</a>' in page
    assert "Quiet Start-up" in page and "/2024/organisations/quiet/" not in page


def test_invented_tracks_and_entries_are_marked_as_sample(client, edition, competition):
    track = CompetitionTrackFactory(competition=competition, name="Invented track", is_sample=True)
    CompetitionEntryFactory(competition=competition, track=track, project_title="Invented project", is_sample=True)
    CompetitionEntryFactory(competition=competition, track=track, project_title="Reported project")

    page = text(client.get("/2024/competitions/straight-to-wuzhen/"))

    badge = '<span class="badge sample-badge">Sample data</span>'
    assert page.count(badge) == 2
    assert in_order(page, "Invented track", badge, badge, "Invented project", "Reported project")


def test_a_sample_competition_is_marked_on_the_awards_page(client, edition):
    CompetitionFactory(edition=edition, name="Invented cup", slug="cup", is_sample=True)

    page = text(client.get("/2024/awards/"))

    assert (
        '<a href="/2024/competitions/cup/">Invented cup</a> <span class="badge sample-badge">Sample data</span>' in page
    )


def competition_with_entries(slug, count):
    edition = EditionFactory(slug=slug)
    final = make_final(edition, slug="final")
    competition = CompetitionFactory(edition=edition, slug="cup", final=final)
    CompetitionFactory(edition=edition, final=final)
    tracks = [CompetitionTrackFactory(competition=competition) for _ in range(3)]
    for number in range(count):
        if number % 2:
            CompetitionEntryFactory(
                competition=competition,
                track=tracks[number % 3],
                for_organisation=True,
                result=CompetitionResult.WINNER if number % 3 == 0 else CompetitionResult.FINALIST,
            )
        else:
            CompetitionEntryFactory(competition=competition, track=tracks[number % 3], country="CN")


@pytest.mark.parametrize("path", ["competitions/", "competitions/cup/", "sessions/final/", "awards/"])
def test_competition_page_queries_do_not_grow_with_the_entries(page_queries, path):
    competition_with_entries("small", 3)
    competition_with_entries("large", 30)

    assert page_queries(f"/small/{path}") == page_queries(f"/large/{path}")


# -- API ---------------------------------------------------------------------------------------------


def test_api_competition_has_full_shape(client, edition, competition):
    competition.final = make_final(edition, title="Final", slug="final")
    competition.save()
    track = CompetitionTrackFactory(competition=competition, name="Smart cities", slug="smart-cities")
    CompetitionEntryFactory(
        competition=competition, slug="invoices", project_title="Invoices", team="Open Ledger", country="SG"
    )
    organisation = OrganisationFactory(edition=edition, name="Zhejiang Lab", slug="zhejiang-lab")
    CompetitionEntryFactory(
        competition=competition,
        slug="floods",
        project_title="Flood forecasting",
        track=track,
        team="",
        organisation=organisation,
        result=CompetitionResult.WINNER,
        summary="Chosen among 300.",
        is_sample=True,
    )

    response = client.get("/api/editions/2024/competitions/")

    assert response.status_code == 200
    row = response.json()["results"][0]
    assert row == {
        "slug": "straight-to-wuzhen",
        "name": "“Straight to Wuzhen” Global Internet Competition",
        "description": "The summit's global internet competition.",
        "final": {
            "slug": "final",
            "title": "Final",
            "start": "2024-11-19T09:30:00+08:00",
            "end": "2024-11-19T12:00:00+08:00",
            "room": "Expo Forum Stage",
            "url": "http://testserver/2024/sessions/final/",
        },
        "tracks": [{"slug": "smart-cities", "name": "Smart cities", "is_sample": False}],
        "entries": [
            {
                "slug": "floods",
                "project_title": "Flood forecasting",
                "team": "",
                "organisation": {"slug": "zhejiang-lab", "name": "Zhejiang Lab", "url": None},
                "country": "",
                "track": "smart-cities",
                "result": "winner",
                "summary": "Chosen among 300.",
                "is_sample": True,
            },
            {
                "slug": "invoices",
                "project_title": "Invoices",
                "team": "Open Ledger",
                "organisation": None,
                "country": "SG",
                "track": None,
                "result": "finalist",
                "summary": "",
                "is_sample": False,
            },
        ],
        "is_sample": False,
        "url": "http://testserver/2024/competitions/straight-to-wuzhen/",
    }
    assert client.get("/api/editions/2024/competitions/straight-to-wuzhen/").json() == row
    assert client.get("/api/editions/2024/competitions/nothing/").status_code == 404


def test_api_hides_a_draft_final(client, edition, competition):
    competition.final = make_final(edition, slug="draft", status=SessionStatus.DRAFT)
    competition.save()

    assert client.get("/api/editions/2024/competitions/straight-to-wuzhen/").json()["final"] is None


def api_queries(client, url):
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("suffix", ["", "cup/"])
def test_api_queries_do_not_grow_with_the_entries(client, suffix):
    competition_with_entries("small", 3)
    competition_with_entries("large", 30)

    small = api_queries(client, f"/api/editions/small/competitions/{suffix}")
    large = api_queries(client, f"/api/editions/large/competitions/{suffix}")

    assert small == large


# -- import and export -------------------------------------------------------------------------------


def test_entries_import_by_slug_and_a_wrong_track_is_reported(edition, competition):
    CompetitionTrackFactory(competition=competition, name="Smart cities", slug="smart-cities")
    headers = ["edition", "competition", "slug", "project_title", "track", "team", "country", "result"]
    good = ["2024", "straight-to-wuzhen", "floods", "Flood forecasting", "smart-cities", "Canal Lab", "CN", "winner"]
    bad = ["2024", "straight-to-wuzhen", "ledger", "Ledger", "smart-city", "Open Ledger", "SG", "finalist"]

    result = CompetitionEntryResource().import_data(tablib.Dataset(good, bad, headers=headers), dry_run=False)

    assert result.has_validation_errors()
    errors = result.invalid_rows[0].error_dict
    assert result.invalid_rows[0].number == 3
    assert errors["track"][0].startswith("No track “smart-city” in competition straight-to-wuzhen.")
    assert "Did you mean “smart-cities”?" in errors["track"][0]
    assert CompetitionEntry.objects.count() == 0  # nothing is written until the whole file is clean

    result = CompetitionEntryResource().import_data(tablib.Dataset(good, headers=headers), dry_run=False)

    assert not result.has_errors() and not result.has_validation_errors()
    entry = CompetitionEntry.objects.get()
    assert (entry.track.slug, entry.team, entry.country.code, entry.result) == (
        "smart-cities",
        "Canal Lab",
        "CN",
        "winner",
    )


def test_entries_export_then_import_changes_nothing(edition, competition):
    track = CompetitionTrackFactory(competition=competition, slug="smart-cities")
    CompetitionEntryFactory(competition=competition, track=track, slug="floods", country="CN", summary="Line")
    CompetitionEntryFactory(competition=competition, for_organisation=True, result=CompetitionResult.THIRD_PRIZE)

    exported = CompetitionEntryResource().export()
    result = CompetitionEntryResource().import_data(exported, dry_run=False)

    assert exported.headers[:4] == ["edition", "competition", "slug", "project_title"]
    assert not result.has_errors() and not result.has_validation_errors()
    assert result.change_count == 0 and result.unchanged_count == 2


# -- demo --------------------------------------------------------------------------------------------


def test_demo_links_the_2024_finals_and_marks_invented_entries(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("load_demo", "--edition", "2024", "--no-pictures", stdout=io.StringIO())

    competitions = Competition.objects.filter(edition__slug="2024").order_by("position")

    assert [(c.slug, c.final.slug, c.is_sample) for c in competitions] == [
        ("straight-to-wuzhen", "straight-to-wuzhen-final", False),
        ("ai-special-competition", "straight-to-wuzhen-ai-special", False),
    ]
    entries = CompetitionEntry.objects.filter(competition__edition__slug="2024")
    assert entries.count() == 4 and all(entry.is_sample for entry in entries)
    assert all(track.is_sample for competition in competitions for track in competition.tracks.all())
    assert {entry.result for entry in entries} >= {CompetitionResult.WINNER, CompetitionResult.FINALIST}


def test_sitemap_lists_the_competitions_page_of_editions_with_competitions(client, edition, competition):
    EditionFactory(slug="2023")

    sitemap = client.get("/sitemap.xml").content.decode()

    assert "http://testserver/2024/competitions/</loc>" in sitemap
    assert "/2023/competitions/" not in sitemap
