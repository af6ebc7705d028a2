"""One edition at a time: an organiser switches the session list to another edition and adds a session there,
in a real browser, with rooms of the same name in every edition."""

import datetime as dt
import zoneinfo

import pytest

from agenda.models import Session
from tests.e2e.conftest import autocomplete_options
from tests.factories import EditionFactory, RoomFactory, SessionFactory, SummitFactory, VenueFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")
CENTER = "Wuzhen Internet International Convention and Exhibition Center"


def summit_edition(year, **extra):
    return EditionFactory(
        summit=SummitFactory(),
        year=year,
        slug=str(year),
        name=f"{year} Wuzhen Summit",
        start_date=dt.date(year, 11, 8),
        end_date=dt.date(year, 11, 10),
        **extra,
    )


def forum_hall(edition):
    return RoomFactory(venue=VenueFactory(edition=edition, name=CENTER), name="Forum Hall A")


def test_organiser_switches_edition_and_adds_a_session_with_that_editions_room(admin_page, expect):
    page = admin_page
    old, current = summit_edition(2023), summit_edition(2024, is_current=True)
    old_room, current_room = forum_hall(old), forum_hall(current)
    SessionFactory(edition=old, room=old_room, title="Opening ceremony 2023")
    SessionFactory(edition=current, room=current_room, title="Opening ceremony 2024")

    # The list opens on the current edition, and says so.
    page.goto("/admin/agenda/session/")
    expect(page.locator("#content h2").first).to_have_text("Sessions · 2024 Wuzhen Summit")
    expect(page.locator("#result_list")).to_contain_text("Opening ceremony 2024")
    expect(page.locator("#result_list")).not_to_contain_text("Opening ceremony 2023")

    # Switch to 2023 in the list filter.
    page.locator('#changelist-filter details[data-filter-title="edition"] a', has_text="2023 Wuzhen Summit").click()
    expect(page.locator("#content h2").first).to_have_text("Sessions · 2023 Wuzhen Summit")
    expect(page.locator("#result_list")).to_contain_text("Opening ceremony 2023")
    expect(page.locator("#result_list")).not_to_contain_text("Opening ceremony 2024")

    # A new session starts in 2023, and its room autocomplete offers 2023's Forum Hall A only.
    page.locator(".object-tools a.addlink").click()
    expect(page.locator("#id_edition option:checked")).to_have_text("2023 Wuzhen Summit")
    options = autocomplete_options(page, expect, "id_room", "Forum")
    expect(options).to_have_count(1)
    expect(options).to_have_text(f"Forum Hall A · {CENTER} · 2023")
    options.click()
    expect(page.locator("select#id_room + span.select2-container .select2-selection__rendered")).to_contain_text(
        f"Forum Hall A · {CENTER} · 2023"
    )

    # Choosing 2024 on the form drops the 2023 room and the autocomplete offers 2024's.
    page.locator("#id_edition").select_option(label="2024 Wuzhen Summit")
    expect(page.locator("select#id_room")).to_have_value("")
    options = autocomplete_options(page, expect, "id_room", "Forum")
    expect(options).to_have_count(1)
    expect(options).to_have_text(f"Forum Hall A · {CENTER} · 2024")
    options.click()

    page.locator("#id_title_en").fill("Sub-forum on data governance")
    page.locator("#id_start_0").fill("2024-11-09")
    page.locator("#id_start_1").fill("14:00")
    page.locator("#id_end_0").fill("2024-11-09")
    page.locator("#id_end_1").fill("16:00")
    page.locator("input[type=submit][name=_save]").click()

    expect(page.locator(".errornote")).to_have_count(0)
    expect(page.locator("ul.messagelist li.success")).to_contain_text("was added successfully")
    expect(page.locator("#content h2").first).to_have_text("Sessions · 2024 Wuzhen Summit")
    expect(page.locator("#result_list")).to_contain_text("Sub-forum on data governance")
    session = Session.objects.get(title="Sub-forum on data governance")
    assert (session.edition, session.room) == (current, current_room)
    assert session.start == dt.datetime(2024, 11, 9, 14, 0, tzinfo=SHANGHAI)
