"""An organiser adds a competition with a track and a winner in the admin, and finds it on the public page."""

import pytest

from agenda.enums import SessionKind
from tests.e2e.summits import at, edition_2031
from tests.e2e.test_admin_subforum import add_inline_row, pick_autocomplete, set_slug
from tests.factories import RoomFactory, SessionFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_organiser_adds_a_competition_with_a_track_and_a_winner(admin_page, expect):
    page = admin_page
    edition = edition_2031()
    SessionFactory(
        edition=edition,
        slug="competition-final",
        title="Global Internet Competition: final",
        kind=SessionKind.COMPETITION,
        room=RoomFactory(venue__edition=edition, name="Expo Forum Stage"),
        start=at(edition, 0, 9, 30),
        end=at(edition, 0, 12),
    )

    # The competition, its final and a track.
    page.goto("/admin/agenda/competition/add/")
    page.locator("#id_name_en").fill("“Straight to Wuzhen” Global Internet Competition")
    set_slug(page, expect, "id_slug", "straight-to-wuzhen")
    pick_autocomplete(page, expect, "id_final", "Global Internet", "Global Internet Competition: final")
    row = add_inline_row(page, expect, "tracks-group", "tracks")
    page.locator(f"#id_tracks-{row}-name_en").fill("Smart cities")
    set_slug(page, expect, f"id_tracks-{row}-slug", "smart-cities")
    page.locator("input[type=submit][name=_continue]").click()
    expect(page.locator(".errornote")).to_have_count(0)
    expect(page.locator("ul.messagelist li.success")).to_contain_text("was added successfully")

    # A winner in that track: the entry's track offers this competition's tracks.
    page.locator("#id_entries-0-project_title_en").fill("Flood forecasting for canal towns")
    set_slug(page, expect, "id_entries-0-slug", "flood-forecasting")
    page.locator("#id_entries-0-team_en").fill("Canal Data Lab")
    page.locator("#id_entries-0-track").select_option(label="Smart cities · 2031")
    page.locator("#id_entries-0-result").select_option(label="Winner")
    page.locator("input[type=submit][name=_continue]").click()
    expect(page.locator(".errornote")).to_have_count(0)
    expect(page.locator("ul.messagelist li.success")).to_contain_text("was changed successfully")

    # The public page shows the track, the winner and the final.
    page.goto("/2031/competitions/straight-to-wuzhen/")
    expect(page.locator("h1")).to_have_text("“Straight to Wuzhen” Global Internet Competition")
    expect(page.locator(".competition-track-name")).to_have_text("Smart cities")
    winner = page.locator(".competition-entry")
    expect(winner).to_contain_text("Winner")
    expect(winner).to_contain_text("Flood forecasting for canal towns")
    expect(winner).to_contain_text("Canal Data Lab")
    final = page.locator(".competition-final a")
    expect(final).to_have_text("Global Internet Competition: final")
    final.click()
    expect(page.locator("#competitions-decided + ul a")).to_have_text(
        "“Straight to Wuzhen” Global Internet Competition"
    )
