"""An organiser adds a document released at a session, with its PDF, in the admin, and a visitor finds it on the
session's public page, in a real browser."""

import pytest

from agenda.enums import SessionKind
from agenda.models import Outcome
from tests.e2e.summits import at, edition_2031
from tests.factories import PDF_BYTES, OrganisationFactory, RoomFactory, SessionFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def pick_autocomplete(page, expect, select_id, typed, result):
    """Choose `result` in a select2 autocomplete: open it, type part of the name, click the match."""
    widget = page.locator(f"select#{select_id} + span.select2-container")
    widget.locator(".select2-selection").click()
    page.locator("span.select2-container--open input.select2-search__field").fill(typed)
    option = page.locator("span.select2-container--open li.select2-results__option[role=option]", has_text=result)
    expect(option).to_have_count(1)
    option.click()
    expect(page.locator(f"select#{select_id} option:checked")).to_contain_text(result)


def fill_outcome(page, expect, edition):
    page.goto(f"/admin/agenda/outcome/add/?edition={edition.pk}")
    page.locator("#id_title_en").fill("Consensus on Developing Responsible Generative AI")
    page.locator("#id_title_zh_hans").fill("发展负责任的生成式人工智能共识")
    page.locator("#id_kind").select_option("consensus")
    page.locator("#id_released_on").fill("2031-11-19")
    pick_autocomplete(page, expect, "id_session", "Responsible", "Responsible AI sub-forum")
    pick_autocomplete(page, expect, "id_publishers", "World Internet", "World Internet Conference")
    page.locator("#id_summary_en").fill("Developing generative AI should enhance human wellbeing.")


def test_organiser_adds_an_outcome_with_a_pdf_and_a_visitor_downloads_it_from_the_session(
    admin_page, expect, tmp_path, live_server, playwright_browser
):
    edition = edition_2031()
    session = SessionFactory(
        edition=edition,
        title="Responsible AI sub-forum",
        slug="responsible-ai",
        kind=SessionKind.SUB_FORUM,
        room=RoomFactory(venue__edition=edition),
        start=at(edition, 1, 9),
        end=at(edition, 1, 12),
    )
    OrganisationFactory(edition=edition, name="World Internet Conference")
    page = admin_page

    # A file that only calls itself a PDF is refused, with a message that says why.
    fake = tmp_path / "consensus.pdf"
    fake.write_bytes(b"<html>not a pdf</html>")
    fill_outcome(page, expect, edition)
    page.locator("#id_pdf").set_input_files(str(fake))
    page.locator("input[type=submit][name=_save]").click()
    expect(page.locator(".errornote")).to_be_visible()
    expect(page.locator(".field-pdf .errorlist")).to_contain_text("This file is not a PDF")
    assert not Outcome.objects.exists()

    # The real PDF is accepted.
    real = tmp_path / "consensus-real.pdf"
    real.write_bytes(PDF_BYTES)
    fill_outcome(page, expect, edition)
    page.locator("#id_pdf").set_input_files(str(real))
    page.locator("input[type=submit][name=_save]").click()
    expect(page.locator("ul.messagelist li.success")).to_contain_text("was added successfully")
    outcome = Outcome.objects.get()
    assert outcome.session == session and outcome.pdf_size == len(PDF_BYTES)

    # A visitor (not signed in) sees it on the session's page and downloads the PDF.
    context = playwright_browser.new_context(base_url=live_server.url, accept_downloads=True)
    visitor = context.new_page()
    try:
        visitor.goto("/2031/sessions/responsible-ai/")
        section = visitor.locator("section", has=visitor.get_by_role("heading", name="Documents released here"))
        expect(section).to_contain_text("Consensus on Developing Responsible Generative AI")
        expect(section).to_contain_text("Consensus statement")
        expect(section).to_contain_text("World Internet Conference")
        expect(section).to_contain_text("Developing generative AI should enhance human wellbeing.")
        with visitor.expect_download() as download_info:
            section.get_by_role("link", name="Download the PDF").click()
        assert download_info.value.path().read_bytes() == PDF_BYTES
        visitor.goto("/2031/")
        expect(visitor.get_by_role("link", name="Outcomes", exact=True)).to_be_visible()
    finally:
        context.close()
