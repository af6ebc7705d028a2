"""On a phone the site's navigation folds into one menu button and the agenda's filters behind a "Filters"
button; everything tapped is at least 44 px tall. The grid scrolls sideways with its room names held at the
top of the window, says how many rooms lie off screen and jumps to any room. The venue screens show the rooms
in columns, in large type, without the site's navigation."""

import datetime as dt
import re

import pytest

from agenda.enums import SessionKind
from tests.e2e.conftest import open_tab
from tests.e2e.summits import edition_2031
from tests.factories import RoomFactory, SessionFactory, TopicFactory, VenueFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

TAP = 44
SCREEN = {"width": 1920, "height": 1080}


@pytest.fixture
def summit():
    edition = edition_2031(end_date=dt.date(2031, 11, 20))
    venue = VenueFactory(edition=edition, slug="expo-centre")
    rooms = [RoomFactory(venue=venue, name=f"Hall {n:02d}", slug=f"hall-{n:02d}", position=n) for n in range(1, 13)]
    topic = TopicFactory(edition=edition, name="Data governance", slug="data-governance")
    for n, room in enumerate(rooms):
        for hour in (9, 11, 14, 16):
            start = dt.datetime(2031, 11, 18, hour, tzinfo=edition.zone)
            SessionFactory(
                edition=edition,
                title=f"Forum {n + 1} at {hour}",
                room=room,
                topic=topic if n % 2 else None,
                kind=SessionKind.SUB_FORUM,
                start=start,
                end=start + dt.timedelta(minutes=90),
            )
    return edition, rooms


def box(locator):
    return locator.bounding_box()


def test_phone_header_shows_the_summits_compact_name_whole(phone_page, expect, summit):
    edition, _ = summit
    edition.summit.name = "World Internet Conference Wuzhen Summit"
    edition.summit.compact_name = "Wuzhen Summit"
    edition.summit.save()
    phone_page.goto("/2031/agenda/")

    brand = phone_page.locator(".site-brand")
    expect(brand.locator(".site-brand-name:visible")).to_have_text("Wuzhen Summit")
    shown = brand.locator(".site-brand-name:visible")
    assert shown.evaluate("e => e.scrollWidth <= e.clientWidth")  # whole, not cut with an ellipsis
    phone_page.set_viewport_size({"width": 1280, "height": 900})
    expect(brand.locator(".site-brand-name:visible")).to_have_text("World Internet Conference Wuzhen Summit")


def test_phone_menu_and_filters_open_with_the_space_key_as_buttons_do(phone_page, expect, summit):
    phone_page.goto("/2031/agenda/")
    menu = phone_page.get_by_role("button", name="Menu")
    menu.focus()
    phone_page.keyboard.press("Space")
    expect(menu).to_have_attribute("aria-expanded", "true")
    assert phone_page.evaluate("window.scrollY") == 0  # Space opened the menu instead of scrolling
    filters = phone_page.get_by_role("button", name=re.compile("Filters"))
    filters.focus()
    phone_page.keyboard.press("Space")
    expect(filters).to_have_attribute("aria-expanded", "true")


def test_phone_edition_list_stays_inside_the_screen(phone_page, expect, summit):
    phone_page.goto("/2031/agenda/")
    phone_page.locator(".edition-switcher summary").click()
    listing = phone_page.locator(".edition-switcher ul")
    expect(listing).to_be_visible()
    shown = box(listing)
    assert shown["x"] >= 0 and shown["x"] + shown["width"] <= 390


def test_phone_navigation_is_one_menu_button_that_opens_the_pages(phone_page, expect, summit):
    phone_page.goto("/2031/agenda/")

    header = box(phone_page.locator(".site-header"))
    assert header["height"] < 80  # one row: brand, edition, language, menu
    agenda_link = phone_page.locator(".edition-nav").get_by_role("link", name="Speakers")
    expect(agenda_link).to_be_hidden()
    menu = phone_page.get_by_role("button", name="Menu")
    assert box(menu)["height"] >= TAP and box(menu)["width"] >= TAP

    menu.click()

    expect(agenda_link).to_be_visible()
    expect(menu).to_have_attribute("aria-expanded", "true")
    for link in phone_page.locator(".edition-nav .nav-link").all():
        assert box(link)["height"] >= TAP
    agenda_link.click()
    expect(phone_page).to_have_url("/2031/speakers/")


def test_desktop_navigation_shows_the_pages_in_one_row_without_a_menu_button(page, expect, summit):
    page.goto("/2031/agenda/")

    expect(page.get_by_role("button", name="Menu")).to_be_hidden()
    tops = {round(box(link)["y"]) for link in page.locator(".edition-nav .nav-link").all()}
    assert len(tops) == 1


def test_phone_agenda_filters_fold_behind_a_button_counting_those_in_use(phone_page, expect, summit):
    phone_page.goto("/2031/agenda/?day=2031-11-18&kind=sub_forum")

    filters = phone_page.locator("#agenda-filters")
    expect(filters).to_be_hidden()
    toggle = phone_page.locator(".filters-toggle")
    expect(toggle).to_have_text("Filters 1 in use")
    for target in [toggle, *phone_page.locator(".day-tabs .nav-link").all(), phone_page.locator("#id_q")]:
        assert box(target)["height"] >= TAP

    toggle.click()

    expect(filters).to_be_visible()
    for control in filters.locator("select, button").all():
        assert box(control)["height"] >= TAP
    filters.get_by_label("Topic").select_option(label="Data governance")
    filters.get_by_role("button", name="Filter this day").click()
    expect(phone_page).to_have_url(re.compile(r"kind=sub_forum&topic=data-governance"))
    expect(phone_page.locator(".filters-toggle")).to_have_text("Filters 2 in use")
    expect(phone_page.locator(".session-card")).to_have_count(24)


def test_desktop_agenda_filters_stay_open(page, expect, summit):
    page.goto("/2031/agenda/?day=2031-11-18")

    expect(page.locator("#agenda-filters")).to_be_visible()
    expect(page.locator(".filters-toggle")).to_be_hidden()


@pytest.mark.parametrize("width", [390, 1280])
def test_grid_keeps_room_names_on_top_and_says_how_many_rooms_are_off_screen(
    request, playwright_browser, live_server, tmp_path, expect, summit, width
):
    tab, close = open_tab(request, playwright_browser, live_server, tmp_path, {"width": width, "height": 800})
    try:
        tab.goto("/2031/agenda/?day=2031-11-18&view=grid")
        wrap = tab.locator(".agenda-grid-wrap")
        # No scroll box of its own height: the page scrolls down, the grid only sideways.
        assert tab.evaluate("document.querySelector('.agenda-grid-wrap').scrollHeight") == wrap.evaluate(
            "el => el.clientHeight"
        )
        more = tab.locator(".grid-more")
        expect(more).to_be_visible()
        hidden_before = int(more.get_attribute("aria-label").split()[0])
        assert 0 < hidden_before < 12

        tab.mouse.wheel(0, 900)
        tab.wait_for_timeout(200)
        head_room = tab.locator(".agenda-grid-head .grid-room").first
        assert abs(box(head_room)["y"]) < 2  # held at the top of the window
        expect(head_room).to_have_text("Hall 01")

        more.click()
        tab.wait_for_function("() => document.querySelector('.agenda-grid-wrap').scrollLeft > 0")
        tab.wait_for_timeout(600)  # the smooth scroll ends
        assert int(more.get_attribute("aria-label").split()[0]) < hidden_before
        # The copy at the top moved with the grid: each room name stands over its own column.
        real, copy = tab.locator("#grid-room-hall-03"), tab.locator(".agenda-grid-head .grid-room").nth(2)
        assert abs(box(real)["x"] - box(copy)["x"]) < 1
        tab.screenshot(path=str(tmp_path / f"grid-{width}.png"))
    finally:
        close()


def test_grid_room_list_jumps_to_a_room_off_screen(page, expect, summit):
    page.goto("/2031/agenda/?day=2031-11-18&view=grid")
    last = page.locator("#grid-room-hall-12")
    assert box(last)["x"] > 1280

    page.get_by_text("Go to a room (12 rooms)").click()
    page.get_by_role("link", name="Hall 12", exact=True).first.click()

    page.wait_for_function("() => document.querySelector('#grid-room-hall-12').getBoundingClientRect().right <= 1280")
    expect(page).to_have_url("/2031/agenda/?day=2031-11-18&view=grid#grid-room-hall-12")


def test_venue_screen_shows_rooms_in_columns_in_large_type_without_navigation(
    request, playwright_browser, live_server, tmp_path, expect, summit
):
    tab, close = open_tab(request, playwright_browser, live_server, tmp_path, SCREEN)
    try:
        tab.goto("/2031/now/?at=2031-11-18T09:30")
        tab.get_by_role("link", name="Screen mode for venue displays").click()
        expect(tab).to_have_url("/2031/now/?at=2031-11-18T09%3A30&screen=1")

        expect(tab.locator(".site-header")).to_have_count(0)
        boards = tab.locator(".now-screen-board")
        expect(boards).to_have_count(12)
        tops = [round(box(board)["y"]) for board in boards.all()]
        assert tops.count(tops[0]) >= 4  # rooms side by side in columns
        title = tab.locator(".now-screen-session").first
        expect(title).to_have_text("Forum 1 at 9")
        assert float(title.evaluate("el => getComputedStyle(el).fontSize")[:-2]) >= 28
        tab.screenshot(path=str(tmp_path / "screen-1920.png"))
    finally:
        close()


@pytest.mark.parametrize("width", [390, 1280])
def test_grid_room_picker_shows_only_the_rooms_picked(
    request, playwright_browser, live_server, tmp_path, expect, summit, width
):
    """Picked with the keyboard on a phone, with the mouse on a desktop; the choice stays with the day tabs."""
    tab, close = open_tab(request, playwright_browser, live_server, tmp_path, {"width": width, "height": 800})
    keyboard = width < 500
    try:
        tab.goto("/2031/agenda/?day=2031-11-18&view=grid")
        expect(tab.locator(".agenda-grid-wrap .grid-room")).to_have_count(12)
        picker = tab.get_by_text("Rooms", exact=True)
        if keyboard:
            picker.focus()
            tab.keyboard.press("Enter")
        else:
            picker.click()
        every = tab.get_by_label("All rooms")
        expect(every).to_be_checked()  # no choice yet: every room
        for box_label in ("All rooms", "Hall 03", "Hall 11"):
            if keyboard:
                tab.get_by_label(box_label, exact=True).focus()
                tab.keyboard.press("Space")
            else:
                tab.get_by_label(box_label, exact=True).click()
        expect(tab.get_by_label("Hall 01", exact=True)).not_to_be_checked()
        expect(every).to_have_js_property("indeterminate", True)
        show = tab.get_by_role("button", name="Show these rooms")
        if keyboard:
            show.focus()
            tab.keyboard.press("Enter")
        else:
            show.click()

        expect(tab).to_have_url("/2031/agenda/?view=grid&day=2031-11-18&room=hall-03&room=hall-11")
        expect(tab.locator(".agenda-grid-wrap .grid-room")).to_have_text(["Hall 03", "Hall 11"])
        expect(tab.get_by_role("status").filter(has_text="Showing")).to_have_text("Showing 2 of 12 rooms · show all")
        # Both columns fit: no cue for rooms off screen.
        expect(tab.locator(".grid-more")).to_be_hidden()
        assert box(tab.locator("#grid-room-hall-11"))["x"] + box(tab.locator("#grid-room-hall-11"))["width"] <= width
        tab.screenshot(path=str(tmp_path / f"grid-two-rooms-{width}.png"), full_page=True)
        next_day = tab.locator(".day-tabs a").nth(1)
        expect(next_day).to_have_attribute("href", "?day=2031-11-19&view=grid&room=hall-03&room=hall-11")

        # This browser remembers the choice: back from the list, the grid offers it again.
        tab.get_by_role("link", name="List", exact=True).click()
        tab.get_by_role("link", name="Grid", exact=True).click()
        expect(tab.locator(".agenda-grid-wrap .grid-room")).to_have_count(12)
        tab.get_by_role("link", name="My rooms (2)").click()
        expect(tab.locator(".agenda-grid-wrap .grid-room")).to_have_text(["Hall 03", "Hall 11"])

        tab.get_by_role("link", name="show all").click()
        expect(tab).to_have_url("/2031/agenda/?day=2031-11-18&view=grid")
        expect(tab.locator(".agenda-grid-wrap .grid-room")).to_have_count(12)
        expect(tab.get_by_role("link", name="My rooms (2)")).to_have_count(0)  # "show all" forgets the choice
    finally:
        close()


def test_grid_prints_as_tables_whose_room_names_head_every_page(page, expect, summit):
    page.goto("/2031/agenda/?day=2031-11-18&view=grid&room=hall-02&room=hall-03&room=hall-05")
    expect(page.locator(".grid-print")).to_be_hidden()  # on screen: the grid

    page.emulate_media(media="print")

    expect(page.locator(".agenda-grid-frame")).to_be_hidden()
    expect(page.locator(".grid-room-picker")).to_be_hidden()
    table = page.locator(".grid-print-table")
    expect(table).to_have_count(1)
    expect(table.locator("thead th")).to_have_text(["Time", "Hall 02", "Hall 03", "Hall 05"])
    # A table's head is repeated at the top of each printed page it runs over.
    assert table.locator("thead").evaluate("el => getComputedStyle(el).display") == "table-header-group"
    expect(table.locator("tbody tr").first.locator("td").first).to_have_text("09:00–10:30 Forum 2 at 9")
