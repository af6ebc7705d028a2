"""A visitor stars sessions without an account, finds them on My agenda (overlaps marked), takes the calendar
file, and carries the selection to another browser by its link."""

import datetime as dt
import json
import os
from pathlib import Path

import icalendar
import pytest

from agenda.enums import SessionStatus
from tests.e2e.conftest import DESKTOP, PHONE, open_tab
from tests.e2e.summits import at, edition_2031
from tests.factories import PersonFactory, RoomFactory, SessionFactory, SessionSpeakerFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

STARS_KEY = "wicplanner:stars:2031"


@pytest.fixture
def summit():
    edition = edition_2031()
    hall = RoomFactory(venue__edition=edition, name="Forum Hall A")
    lotus = RoomFactory(venue=hall.venue, name="Lotus Hall")

    def session(title, day, hour, room=hall, minutes=90, **extra):
        start = at(edition, day, hour)
        return SessionFactory(
            edition=edition, title=title, room=room, start=start, end=start + dt.timedelta(minutes=minutes), **extra
        )

    sessions = {
        "opening": session("Opening of the summit", 0, 9),
        "ai": session("Forum on AI governance", 0, 10, room=lotus),
        "youth": session("Youth and the digital future", 0, 14),
        "satellites": session("Forum on satellites", 0, 14, room=lotus, status=SessionStatus.CANCELLED),
        "data": session("Forum on data flows", 1, 9),
    }
    speaker = PersonFactory(edition=edition, name="Wang Haifeng")
    SessionSpeakerFactory(session=sessions["opening"], person=speaker)
    return edition, sessions


def star(page, title):
    return page.get_by_role("button", name=f"Add to my agenda: {title}")


def starred(page, title):
    return page.get_by_role("button", name=f"Remove from my agenda: {title}")


def shots_folder(tmp_path):
    folder = Path(os.environ.get("E2E_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_stars_survive_a_reload_and_my_agenda_marks_the_overlap_gives_the_calendar_and_travels(
    page, summit, expect, tmp_path, request, playwright_browser, live_server
):
    edition, sessions = summit
    page.goto("/2031/agenda/?day=2031-11-18")
    expect(page.get_by_text("0", exact=True)).to_be_visible()  # My agenda (0)
    calendar_of_stars = page.get_by_role("link", name="Starred sessions in my calendar (.ics)")
    expect(calendar_of_stars).to_be_hidden()  # nothing starred: nothing to put in a calendar

    for key in ("opening", "ai", "youth"):
        button = star(page, sessions[key].title)
        button.click()
        expect(starred(page, sessions[key].title)).to_have_attribute("aria-pressed", "true")
    my_agenda = page.get_by_role("link", name="My agenda")
    expect(my_agenda).to_contain_text("3")
    expect(star(page, "Forum on satellites")).to_have_attribute("aria-pressed", "false")
    # Beside My agenda, the calendar file of exactly the stars.
    expect(calendar_of_stars).to_be_visible()
    with page.expect_download() as download_info:
        calendar_of_stars.click()
    events = icalendar.Calendar.from_ical(Path(download_info.value.path()).read_bytes()).walk("VEVENT")
    assert sorted(str(event["SUMMARY"]) for event in events) == sorted(
        sessions[key].title for key in ("opening", "ai", "youth")
    )

    page.reload()
    for key in ("opening", "ai", "youth"):
        expect(starred(page, sessions[key].title)).to_have_attribute("aria-pressed", "true")
    stored = json.loads(page.evaluate(f"localStorage.getItem('{STARS_KEY}')"))
    assert sorted(stored) == sorted(sessions[key].pk for key in ("opening", "ai", "youth"))

    # The grid and the session page show the same stars; the session page can unstar and star again.
    page.goto("/2031/agenda/?day=2031-11-18&view=grid")
    expect(starred(page, "Opening of the summit")).to_be_visible()
    expect(star(page, "Forum on satellites")).to_be_visible()
    page.goto(f"/2031/sessions/{sessions['youth'].slug}/")
    expect(page.get_by_role("button", name="Remove from my agenda")).to_have_attribute("aria-pressed", "true")

    page.get_by_role("link", name="My agenda").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My agenda")
    expect(page.get_by_text("3 sessions chosen")).to_be_visible()
    assert "?s=" in page.url
    for key in ("opening", "ai", "youth"):
        expect(page.get_by_role("heading", name=sessions[key].title)).to_be_visible()
    overlaps = page.locator(".overlap-note")
    expect(overlaps).to_have_count(2)
    expect(overlaps.first).to_contain_text("Overlaps with Forum on AI governance")
    expect(page.locator("[data-keep-offer]")).to_be_hidden()  # the page shows this device's stars

    with page.expect_download() as download_info:
        page.get_by_role("link", name="This selection in my calendar (.ics)").click()
    download = download_info.value
    assert download.suggested_filename == "my-agenda-2031.ics"
    events = icalendar.Calendar.from_ical(Path(download.path()).read_bytes()).walk("VEVENT")
    assert sorted(str(event["SUMMARY"]) for event in events) == sorted(
        sessions[key].title for key in ("opening", "ai", "youth")
    )

    share = page.get_by_label("Link to this selection").input_value()
    assert share == page.url

    # In another browser, with its own stars, the shared link is kept on that device.
    other, close_other = open_tab(request, playwright_browser, live_server, tmp_path, PHONE)
    try:
        other.goto("/2031/agenda/?day=2031-11-19")
        star(other, "Forum on data flows").click()
        other.goto(share)
        expect(other.get_by_text("3 sessions chosen")).to_be_visible()
        offer = other.locator("[data-keep-offer]")
        expect(offer).to_be_visible()
        expect(other.locator("[data-all-starred]")).to_be_hidden()
        offer.get_by_role("button", name="Add these to this device’s stars").click()
        expect(other.get_by_text("4 sessions chosen")).to_be_visible()
        expect(offer).to_be_hidden()
        expect(other.get_by_role("status").filter(has_text="Added to this device’s stars")).to_be_visible()
        kept = json.loads(other.evaluate(f"localStorage.getItem('{STARS_KEY}')"))
        assert sorted(kept) == sorted(sessions[key].pk for key in ("opening", "ai", "youth", "data"))

        # Removing one from the page unstars it on this device and changes the address.
        other.get_by_role("button", name="Remove: Forum on data flows").click()
        expect(other.get_by_text("3 sessions chosen")).to_be_visible()
        expect(other.locator("[data-kept-note]")).to_be_hidden()  # said once, not again
        assert other.url == share
        other.goto("/2031/my-agenda/")
        expect(other).to_have_url(share)

        # A link whose sessions are all starred here already (this device has one more): nothing to add.
        other.goto("/2031/agenda/?day=2031-11-19")
        star(other, "Forum on data flows").click()
        other.goto(share)
        expect(other.get_by_text("3 sessions chosen")).to_be_visible()
        note = other.locator("[data-all-starred]")
        expect(note).to_contain_text("Every session of this link is already starred on this device.")
        expect(offer).to_be_hidden()
        expect(other.get_by_role("button", name="Add these to this device’s stars")).to_be_hidden()
        note.get_by_role("link").click()
        expect(other.get_by_text("4 sessions chosen")).to_be_visible()
        expect(note).to_be_hidden()  # the page shows this device's stars
    finally:
        close_other()


def test_screenshots_of_the_stars_and_my_agenda(request, playwright_browser, live_server, summit, expect, tmp_path):
    edition, sessions = summit
    folder = shots_folder(tmp_path)
    chosen = "-".join(str(sessions[key].pk) for key in ("opening", "ai", "youth", "satellites", "data"))
    for viewport in (PHONE, DESKTOP):
        tab, close = open_tab(request, playwright_browser, live_server, tmp_path, viewport)
        try:
            width = viewport["width"]
            tab.goto("/2031/agenda/?day=2031-11-18")
            star(tab, "Opening of the summit").click()
            star(tab, "Forum on satellites").click()
            expect(starred(tab, "Forum on satellites")).to_be_visible()
            assert tab.evaluate("document.documentElement.scrollWidth") <= width
            tab.screenshot(path=str(folder / f"agenda-stars-{width}.png"), full_page=True)
            tab.goto("/2031/agenda/?day=2031-11-18&view=grid")
            expect(starred(tab, "Opening of the summit")).to_be_visible()
            tab.screenshot(path=str(folder / f"agenda-grid-stars-{width}.png"), full_page=True)
            tab.goto(f"/2031/sessions/{sessions['opening'].slug}/")
            tab.screenshot(path=str(folder / f"session-star-{width}.png"), full_page=True)
            tab.goto(f"/2031/my-agenda/?s={chosen}")
            expect(tab.get_by_text("5 sessions chosen")).to_be_visible()
            assert tab.evaluate("document.documentElement.scrollWidth") <= width
            tab.screenshot(path=str(folder / f"my-agenda-{width}.png"), full_page=True)
            tab.goto(f"/2031/my-agenda/?s={sessions['opening'].pk}")  # starred here with one more
            expect(tab.locator("[data-all-starred]")).to_be_visible()
            tab.screenshot(path=str(folder / f"my-agenda-all-starred-{width}.png"), full_page=True)
            tab.goto("/2031/my-agenda/?s=")
            tab.screenshot(path=str(folder / f"my-agenda-empty-{width}.png"), full_page=True)
        finally:
            close()
