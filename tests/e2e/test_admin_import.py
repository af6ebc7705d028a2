"""An organiser imports a sessions file with mistakes, reads what to fix on each row, fixes it and imports it."""

import csv
import datetime as dt
import io

import pytest

from agenda.models import Session
from tests.e2e.conftest import PHONE
from tests.factories import EditionFactory, PersonFactory, RoomFactory, VenueFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

HEADER = ["edition", "slug", "title", "kind", "status", "start", "end", "room", "venue", "language", "description"]
LONG = "A long description that an organiser pasted from a concept note. " * 12


def sessions_file(tmp_path, name, rows):
    out = io.StringIO()
    csv.writer(out).writerows([HEADER, *rows])
    path = tmp_path / name
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def upload(page, path):
    page.goto("/admin/agenda/session/import/")
    page.locator("#id_import_file").set_input_files(str(path))
    page.locator("#id_format").select_option(label="csv")
    page.get_by_role("button", name="Check the file").click()


def test_organiser_fixes_the_rows_the_preview_points_at_and_imports(admin_page, expect, tmp_path):
    page = admin_page
    edition = EditionFactory(slug="2024", start_date=dt.date(2024, 11, 19), end_date=dt.date(2024, 11, 22))
    venue = VenueFactory(edition=edition, slug="convention-center")
    RoomFactory(venue=venue, slug="forum-hall-a")
    PersonFactory(edition=edition, slug="robin-li")
    first = ["2024", "opening", "Opening ceremony", "opening_ceremony", "published", "2024-11-20 09:00"]
    mistakes = [
        first + ["2024-11-20 10:00", "forum-hall-a", "", "en-zh", LONG],
        ["2024", "ai-forum", "AI forum", "keynote", "published", "2024-11-20 14:00", "2024-11-20 16:00"]
        + ["forum-hal-a", "", "en", LONG],
        ["2024", "lunch", "Lunch", "break", "published", "2024-11-20 12:00", "2024-11-20 11:00"]
        + ["", "convention-center", "en-zh", ""],
    ]

    # The file with mistakes: nothing is saved, each bad row is shown with its spreadsheet number.
    upload(page, sessions_file(tmp_path, "with-mistakes.csv", mistakes))

    expect(page.locator(".import-problems h2")).to_have_text("2 rows need fixing")
    ai_row = page.locator("tr#row-3")
    expect(ai_row.locator("th.row-number")).to_have_text("3")
    expect(ai_row.locator(".row-problems")).to_contain_text("“keynote” is not a valid session kind. Use one of:")
    expect(ai_row.locator(".row-problems")).to_contain_text("Did you mean “forum-hall-a”?")
    expect(ai_row.locator(".row-problems")).to_be_visible()  # not behind a hover badge
    expect(page.locator("tr#row-4 .row-problems")).to_contain_text("The session must end after it starts.")
    expect(page.get_by_role("button", name="Confirm import")).to_have_count(0)

    # The preview fits the page: the wide table scrolls inside its own box.
    page_width = page.evaluate("document.documentElement.scrollWidth")
    box = page.locator(".import-table-box")
    box_overflows = box.evaluate("el => el.scrollWidth > el.clientWidth")
    page.screenshot(path=str(tmp_path / "import-preview-with-errors.png"), full_page=True)
    assert page_width <= 1280
    assert box_overflows
    assert Session.objects.count() == 0

    # Fixed as the messages say, the file previews cleanly and imports.
    fixed = [
        mistakes[0],
        mistakes[1][:3] + ["sub_forum"] + mistakes[1][4:7] + ["forum-hall-a"] + mistakes[1][8:],
        mistakes[2][:6] + ["2024-11-20 13:30"] + mistakes[2][7:],
    ]
    upload(page, sessions_file(tmp_path, "fixed.csv", fixed))
    expect(page.locator(".import-summary")).to_contain_text("3 new rows")
    expect(page.locator("table.import-preview tbody th.row-number")).to_have_text(["2", "3", "4"])
    page.get_by_role("button", name="Confirm import").click()
    expect(page.locator("ul.messagelist li.success")).to_contain_text("Import finished: 3 new")
    assert sorted(Session.objects.values_list("slug", flat=True)) == ["ai-forum", "lunch", "opening"]
    assert Session.objects.get(slug="lunch").venue == venue

    # The same file again: nothing to change, and no button that would do nothing.
    upload(page, sessions_file(tmp_path, "fixed-again.csv", fixed))
    expect(page.locator(".import-nothing")).to_contain_text("Nothing to change: all 3 rows match what is saved.")
    expect(page.get_by_role("button", name="Confirm import")).to_have_count(0)

    # On a phone, each row's problems are read in full without scrolling sideways.
    page.set_viewport_size(PHONE)
    upload(page, sessions_file(tmp_path, "with-mistakes-again.csv", mistakes))
    problems = page.locator("tr#row-3 .row-problems")
    expect(problems).to_contain_text("Did you mean “forum-hall-a”?")
    page.screenshot(path=str(tmp_path / "import-preview-phone.png"), full_page=True)
    box = problems.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
