"""An organiser cites an edition's source and schedules an event around the summit in the admin (both forms
submitted in Chromium); a visitor finds them on the edition's page and under the agenda's "Around the summit"."""

import pytest

from agenda.models import Session
from tests.e2e.summits import edition_2031
from tests.e2e.test_admin_subforum import add_inline_row, save_and_expect_success, set_slug

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_organiser_cites_a_source_and_adds_an_event_around_the_summit(admin_page, expect):
    page = admin_page
    edition = edition_2031(is_published=True)

    page.goto(f"/admin/agenda/edition/{edition.pk}/change/")
    row = add_inline_row(page, expect, "sources-group", "sources")
    page.locator(f"#id_sources-{row}-title").fill("What to expect at the <2031> summit")
    page.locator(f"#id_sources-{row}-publisher").fill("China Plus")
    page.locator(f"#id_sources-{row}-published_on").fill("2031-11-01")
    page.locator(f"#id_sources-{row}-covers_en").fill("The dates and the theme.")
    page.locator("input[type=submit][name=_save]").click()
    expect(page.locator("ul.messagelist li.success")).to_contain_text("was changed successfully")

    # Outside the edition's days, the session is refused until it is marked around the summit, with a place.
    page.goto("/admin/agenda/session/add/")
    page.locator("#id_edition").select_option(value=str(edition.pk))
    page.locator("#id_title_en").fill("Press conference on the 2031 summit")
    set_slug(page, expect, "id_slug", "press-conference")
    page.locator("#id_status").select_option("published")
    page.locator("#id_start_0").fill("2031-10-24")
    page.locator("#id_start_1").fill("10:00")
    page.locator("#id_end_0").fill("2031-10-24")
    page.locator("#id_end_1").fill("11:00")
    page.locator("input[type=submit][name=_save]").click()
    expect(page.locator(".errornote")).to_be_visible()
    expect(page.locator("#session_form")).to_contain_text("can be marked “around the summit”")
    expect(page.locator("#id_title_en")).to_have_value("Press conference on the 2031 summit")  # kept as typed
    page.locator("#id_is_around_summit").check()
    page.locator("#id_location_en").fill("Beijing")
    save_and_expect_success(page, expect)
    assert Session.objects.get(slug="press-conference").is_around_summit

    page.goto("/2031/")
    sources = page.locator("section.edition-sources")
    expect(sources).to_contain_text("What to expect at the <2031> summit")
    expect(sources).to_contain_text("China Plus")
    page.goto("/2031/agenda/")
    page.get_by_role("link", name="Around the summit").click()
    card = page.locator("article.session-card")
    expect(card).to_have_count(1)
    expect(card).to_contain_text("Press conference on the 2031 summit")
    expect(card).to_contain_text("Beijing")
