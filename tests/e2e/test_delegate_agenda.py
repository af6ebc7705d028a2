"""A delegate saves the sessions starred in the browser to the personal page and renews the calendar address."""

import datetime as dt
import json

import pytest

from attendees import services, tokens
from tests.factories import EditionFactory, SessionFactory
from tests.factories.attendees import delegate_data, open_registration

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def at(edition, hour, day=0):
    return dt.datetime.combine(edition.start_date + dt.timedelta(days=day), dt.time(hour), tzinfo=edition.zone)


@pytest.fixture
def delegate():
    edition = open_registration(EditionFactory(year=2031, name="2031 Wuzhen Summit", is_current=True))

    def session(title, hour, day=0, **fields):
        return SessionFactory(
            edition=edition, title=title, start=at(edition, hour, day), end=at(edition, hour + 2, day), **fields
        )

    opening = session("Opening ceremony and keynote addresses", 9, registration_required=True)
    data_forum = session("Cross-border data flows forum", 14, registration_required=True, capacity=1)
    starred = [session("Youth and the digital future", 10, day=1), session("Digital silk road forum", 15, day=2)]
    services.registration_create(edition=edition, data=delegate_data(1), session_ids=[data_forum.pk])
    registration = services.registration_create(
        edition=edition, data=delegate_data(2, name="Amina Odhiambo"), session_ids=[opening.pk, data_forum.pk]
    )
    return registration, starred


def personal_path(registration):
    return f"/{registration.edition.slug}/registration/{tokens.link_token(registration)}/"


def test_stars_saved_listed_and_the_calendar_address_renewed(request, page, phone_page, expect, delegate, tmp_path):
    registration, starred = delegate
    page.goto(personal_path(registration))
    expect(page.get_by_role("heading", name="My agenda", exact=True)).to_be_visible()

    # Starred on the agenda in this browser (as its star buttons keep them), then the page is opened again.
    stars = [session.pk for session in starred] + [987654]
    page.evaluate("([key, stars]) => localStorage.setItem(key, stars)", ["wicplanner:stars:2031", json.dumps(stars)])
    page.reload()
    expect(page.get_by_text("Sessions starred on this device: 3")).to_be_visible()
    page.get_by_role("button", name="Save the sessions starred on this device").click()
    expect(page.get_by_text("2 starred sessions saved.")).to_be_visible()

    listed = page.locator("#stars .starred-sessions")
    expect(listed).to_contain_text("Youth and the digital future")
    expect(listed).to_contain_text("Digital silk road forum")
    agenda = page.locator("#agenda")
    expect(agenda).to_contain_text("Seat held")
    expect(agenda).to_contain_text("Waiting list: number 1 in line")
    expect(agenda.locator(".agenda-day-heading")).to_have_count(3)

    # One star removed.
    listed.locator("li", has_text="Digital silk road forum").get_by_role("button", name="Remove").click()
    expect(page.get_by_text("The session is no longer starred.")).to_be_visible()
    expect(listed).not_to_contain_text("Digital silk road forum")

    # The calendar address answers; a new one replaces it, and the old one is gone.
    address = page.locator("#calendar-address")
    old = address.input_value()
    feed = page.request.get(old)
    assert feed.status == 200 and "Youth and the digital future" in feed.text()
    expect(page.get_by_role("link", name="Subscribe in my calendar app")).to_have_attribute(
        "href", old.replace("http://", "webcal://")
    )
    page.get_by_role("button", name="Issue a new address").click()
    expect(page.get_by_text("Your calendar has a new address.")).to_be_visible()
    new = address.input_value()
    assert new != old
    assert page.request.get(old).status == 404
    assert page.request.get(new).status == 200

    for tab, width in ((phone_page, 390), (page, 1280)):
        tab.goto(personal_path(registration))
        expect(tab.get_by_role("button", name="Copy")).to_be_visible()
        tab.screenshot(path=str(tmp_path / f"delegate-agenda-{width}.png"), full_page=True)
    print(f"\nScreenshots in {tmp_path}")


def test_without_javascript_nothing_to_save_is_offered(playwright_browser, live_server, delegate):
    registration, _starred = delegate
    context = playwright_browser.new_context(base_url=live_server.url, java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(personal_path(registration))
        assert tab.get_by_role("button", name="Save the sessions starred on this device").count() == 0
        assert tab.get_by_role("button", name="Issue a new address").is_visible()
        assert not tab.get_by_role("button", name="Copy").is_visible()
    finally:
        context.close()
