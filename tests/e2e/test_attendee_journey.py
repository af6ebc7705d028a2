"""An attendee on a phone: from the home page to the agenda, a search, a session and its calendar file, the grid."""

import datetime as dt

import icalendar
import pytest

from agenda.enums import SessionKind, SessionStatus
from tests.e2e.summits import at, edition_2031
from tests.factories import PersonFactory, RoomFactory, SessionFactory, SessionSpeakerFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def summit():
    """Four days: a small pre-day, the opening on day two, a speaker on three days and a room clash on day three."""
    edition = edition_2031()
    hall = RoomFactory(venue__edition=edition, name="Forum Hall A")
    lotus = RoomFactory(venue=hall.venue, name="Lotus Hall")

    def session(title, day, hour, room=hall, minutes=90, **extra):
        start = at(edition, day, hour)
        return SessionFactory(
            edition=edition, title=title, room=room, start=start, end=start + dt.timedelta(minutes=minutes), **extra
        )

    sessions = {
        "pre": session("Media accreditation briefing", 0, 15, kind=SessionKind.PRESS_CONFERENCE),
        "opening": session("Opening of the summit", 1, 9, kind=SessionKind.OPENING_CEREMONY),
        "ai": session("Forum on AI governance", 1, 14, room=lotus),
        "data": session("Forum on data flows", 2, 9),
        "clash": session("Forum on computing networks", 2, 10, room=hall),
        "youth": session("Youth and the digital future", 2, 14, room=lotus),
        "closing": session("Closing plenary", 3, 10, kind=SessionKind.PLENARY),
    }
    SessionFactory(edition=edition, title="Draft forum nobody sees", room=lotus, status=SessionStatus.DRAFT)
    speaker = PersonFactory(edition=edition, name="Wang Haifeng")
    for key in ("opening", "data", "closing"):
        SessionSpeakerFactory(session=sessions[key], person=speaker)
    return edition, sessions


def test_attendee_on_a_phone_finds_a_speaker_across_days_takes_a_session_home_and_sees_a_clash(
    phone_page, summit, expect, tmp_path
):
    edition, sessions = summit
    page = phone_page

    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("2031")
    page.get_by_role("link", name="See the agenda").click()

    # The agenda opens on the opening day, not on the pre-day.
    expect(page.get_by_role("heading", name="Opening of the summit")).to_be_visible()
    expect(page.get_by_text("Media accreditation briefing")).to_have_count(0)

    # "All days" shows every public session, and only those.
    page.get_by_role("navigation", name="Days").get_by_role("link", name="All days").click()
    expect(page.locator(".session-card")).to_have_count(len(sessions))
    expect(page.get_by_text("7 sessions")).to_be_visible()
    expect(page.get_by_text("Select a valid choice")).to_have_count(0)
    expect(page.get_by_text("Draft forum nobody sees")).to_have_count(0)

    # A search from a day's page covers the whole summit.
    page.get_by_role("navigation", name="Days").get_by_role(
        "link", name=dt.date(2031, 11, 20).strftime("%a %-d %b")
    ).click()
    expect(page.locator(".session-card")).to_have_count(3)
    page.get_by_label("Search").fill("haifeng")
    page.get_by_label("Search").press("Enter")
    expect(page.locator(".session-card")).to_have_count(3)
    for key in ("opening", "data", "closing"):
        expect(page.get_by_role("link", name=sessions[key].title)).to_be_visible()
    expect(page.locator(".day-heading")).to_have_count(3)
    expect(page.get_by_label("Search")).to_have_value("haifeng")

    # A session, and its calendar file.
    page.get_by_role("link", name="Forum on data flows").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Forum on data flows")
    expect(page.get_by_text("Wang Haifeng").first).to_be_visible()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Add to calendar (.ics)").click()
    path = tmp_path / "session.ics"
    download_info.value.save_as(path)
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    events = list(calendar.walk("VEVENT"))
    assert [str(event["SUMMARY"]) for event in events] == ["Forum on data flows"]
    assert events[0].decoded("DTSTART") == sessions["data"].start
    assert events[0].decoded("DTEND") == sessions["data"].end

    # The grid of day three draws both sessions of the clash in Forum Hall A, side by side.
    page.goto("/2031/agenda/?day=2031-11-20&view=grid")
    first = page.locator(".grid-session", has_text="Forum on data flows")
    second = page.locator(".grid-session", has_text="Forum on computing networks")
    expect(first).to_be_visible()
    expect(second).to_be_visible()
    a, b = first.bounding_box(), second.bounding_box()
    side_by_side = a["x"] + a["width"] <= b["x"] + 1 or b["x"] + b["width"] <= a["x"] + 1
    assert side_by_side, (a, b)
    second.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Forum on computing networks")
