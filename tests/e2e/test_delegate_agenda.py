"""A delegate compares and saves the sessions starred in the browser on the personal page, sees overlaps, and renews
the calendar address after a question."""

import datetime as dt
import json
import re

import pytest

from attendees import services, tokens
from tests.factories import EditionFactory, SessionFactory
from tests.factories.attendees import delegate_data, open_registration

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def at(edition, hour, day=0):
    return dt.datetime.combine(edition.start_date + dt.timedelta(days=day), dt.time(hour), tzinfo=edition.zone)


STARS_KEY = "wicplanner:stars:2031"


@pytest.fixture
def delegate():
    edition = open_registration(EditionFactory(year=2031, name="2031 Wuzhen Summit", is_current=True))

    def session(title, hour, day=0, **fields):
        return SessionFactory(
            edition=edition, title=title, start=at(edition, hour, day), end=at(edition, hour + 2, day), **fields
        )

    opening = session("Opening ceremony and keynote addresses", 9, registration_required=True)
    data_forum = session("Cross-border data flows forum", 14, registration_required=True, capacity=1)
    starred = [
        session("Youth and the digital future", 10, day=1),
        session("Digital silk road forum", 15, day=2),
        session("Forum on AI governance", 10),  # at the time of the opening, where the delegate holds a seat
    ]
    services.registration_create(edition=edition, data=delegate_data(1), session_ids=[data_forum.pk])
    registration = services.registration_create(
        edition=edition, data=delegate_data(2, name="Amina Odhiambo"), session_ids=[opening.pk, data_forum.pk]
    )
    return registration, starred


def personal_path(registration):
    return f"/{registration.edition.slug}/registration/{tokens.link_token(registration)}/"


def device_stars(tab):
    return sorted(json.loads(tab.evaluate(f"localStorage.getItem('{STARS_KEY}') || '[]'")))


def test_stars_saved_compared_removed_and_overlaps_marked(page, phone_page, expect, delegate, tmp_path):
    registration, starred = delegate
    page.goto(personal_path(registration))
    expect(page.get_by_role("heading", name="My agenda", exact=True)).to_be_visible()
    expect(page.get_by_text("No session is starred on this device.")).to_be_visible()

    # Starred on the agenda in this browser (as its star buttons keep them; one no longer in the programme).
    stars = [session.pk for session in starred] + [987654]
    page.evaluate("([key, stars]) => localStorage.setItem(key, stars)", [STARS_KEY, json.dumps(stars)])
    page.reload()
    expect(page.get_by_text("This device has 3 starred sessions not in your saved agenda.")).to_be_visible()
    page.locator("#stars").screenshot(path=str(tmp_path / "delegate-stars-to-save-1280.png"))
    page.get_by_role("button", name="Save the sessions starred on this device").click()
    expect(page.get_by_text("3 starred sessions saved.")).to_be_visible()
    expect(page.get_by_text("Your saved agenda matches this device’s stars.")).to_be_visible()
    expect(page.get_by_role("button", name="Save the sessions starred on this device")).to_be_hidden()

    listed = page.locator("#stars .starred-sessions")
    for session in starred:
        expect(listed).to_contain_text(session.title)
    agenda = page.locator("#agenda")
    expect(agenda).to_contain_text("Seat held")
    expect(agenda).to_contain_text("Waiting list: number 1 in line")
    expect(agenda.locator(".agenda-day-heading")).to_have_count(3)
    # The seat at 9:00–11:00 and the star at 10:00–12:00 overlap: both say so, as My agenda does.
    notes = agenda.locator(".overlap-note")
    expect(notes).to_have_count(2)
    expect(notes.first).to_have_text("⚠ Overlaps with Forum on AI governance (10:00–12:00)")
    expect(notes.last).to_have_text("⚠ Overlaps with Opening ceremony and keynote addresses (09:00–11:00)")
    notes.first.get_by_role("link").click()
    assert page.url.endswith(f"#agenda-{starred[2].pk}")

    # Removed from the saved agenda, and unstarred on this device: not offered again as one to save.
    listed.locator("li", has_text="Digital silk road forum").get_by_role("button", name="Remove").click()
    expect(page.get_by_text("The session is no longer starred.")).to_be_visible()
    expect(listed).not_to_contain_text("Digital silk road forum")
    assert device_stars(page) == sorted([starred[0].pk, starred[2].pk, 987654])
    expect(page.get_by_text("Your saved agenda matches this device’s stars.")).to_be_visible()
    page.reload()
    expect(page.get_by_text("Your saved agenda matches this device’s stars.")).to_be_visible()
    page.screenshot(path=str(tmp_path / "delegate-agenda-1280.png"), full_page=True)

    # Another device, without stars of its own: told what the saved agenda has, and offered to star it there.
    phone_page.goto(personal_path(registration))
    expect(phone_page.get_by_text("2 sessions in your saved agenda are not starred on this device.")).to_be_visible()
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 390
    phone_page.screenshot(path=str(tmp_path / "delegate-agenda-390.png"), full_page=True)
    phone_page.get_by_role("button", name="Star them on this device too").click()
    expect(phone_page.get_by_text("Your saved agenda matches this device’s stars.")).to_be_visible()
    assert device_stars(phone_page) == sorted([starred[0].pk, starred[2].pk])
    phone_page.goto("/2031/agenda/?day=all")
    expect(phone_page.get_by_role("link", name="My agenda")).to_contain_text("2")
    print(f"\nScreenshots in {tmp_path}")


def test_a_new_calendar_address_is_issued_only_after_the_question(page, phone_page, expect, delegate, tmp_path):
    registration, _starred = delegate
    page.goto(personal_path(registration))
    address = page.locator("#calendar-address")
    old = address.input_value()
    feed = page.request.get(old)
    assert feed.status == 200 and "Opening ceremony and keynote addresses" in feed.text()
    expect(page.get_by_role("link", name="Subscribe in my calendar app")).to_have_attribute(
        "href", old.replace("http://", "webcal://")
    )

    # The button asks first; saying no keeps the address.
    page.get_by_role("link", name="Issue a new address").click()
    expect(page.get_by_role("heading", name="Issue a new calendar address?")).to_be_visible()
    expect(page.get_by_text("stops working at once, in every calendar subscribed to it")).to_be_visible()
    expect(page.get_by_text(old)).to_be_visible()
    page.screenshot(path=str(tmp_path / "calendar-renew-1280.png"), full_page=True)
    page.get_by_role("link", name="No, keep the current address").click()
    expect(address).to_have_value(old)
    assert page.request.get(old).status == 200

    page.get_by_role("link", name="Issue a new address").click()
    page.get_by_role("button", name="Yes, issue a new address").click()
    expect(page.get_by_text("Your calendar has a new address.")).to_be_visible()
    new = address.input_value()
    assert new != old
    assert page.request.get(old).status == 404
    assert page.request.get(new).status == 200

    for tab, width in ((phone_page, 390), (page, 1280)):
        tab.goto(personal_path(registration))
        copy = tab.get_by_role("button", name="Copy")
        expect(copy).to_be_visible()
        expect(copy).to_have_class(re.compile(r"\bbtn-outline-primary\b"))
        # One line: the button is no taller than the address field beside it.
        assert copy.bounding_box()["height"] <= tab.locator("#calendar-address").bounding_box()["height"] + 1
        assert tab.evaluate("document.documentElement.scrollWidth") <= width
        tab.locator("#calendar").screenshot(path=str(tmp_path / f"delegate-calendar-{width}.png"))
    phone_page.get_by_role("link", name="Issue a new address").click()
    phone_page.screenshot(path=str(tmp_path / "calendar-renew-390.png"), full_page=True)
    print(f"\nScreenshots in {tmp_path}")


def test_without_javascript_nothing_to_compare_is_offered_and_remove_still_works(
    playwright_browser, live_server, delegate
):
    registration, starred = delegate
    registration.starred_sessions.add(starred[0])
    context = playwright_browser.new_context(base_url=live_server.url, java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(personal_path(registration))
        assert tab.get_by_role("button", name="Save the sessions starred on this device").count() == 0
        assert not tab.get_by_text("No session is starred on this device.").is_visible()
        assert tab.get_by_role("link", name="Issue a new address").is_visible()
        assert not tab.get_by_role("button", name="Copy").is_visible()
        tab.locator("#stars li", has_text=starred[0].title).get_by_role("button", name="Remove").click()
        assert tab.get_by_text("The session is no longer starred.").is_visible()
        assert not registration.starred_sessions.exists()
    finally:
        context.close()
