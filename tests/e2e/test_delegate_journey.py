"""A delegate registers, fixes mistakes, manages the registration through the emailed link, and cancels.

Every POST is sent by Chromium, with the Origin and Referer headers it really sends: the test client
does not, which is how a CSRF refusal on the personal page once went unseen.
"""

import datetime as dt
import re

import pytest
from django.core import mail

from attendees import outbox, services
from attendees.models import Registration
from tests.factories import EditionFactory, SessionFactory
from tests.factories.attendees import open_registration

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

LINK = re.compile(r"/2031/registration/[A-Za-z0-9_:.\-]+/")


def at(edition, hour, minute=0):
    return dt.datetime.combine(edition.start_date, dt.time(hour, minute), tzinfo=edition.zone)


@pytest.fixture
def summit(settings):
    settings.REGISTRATION_RATE = "off"
    edition = open_registration(EditionFactory(year=2031, name="2031 Wuzhen Summit", is_current=True))

    def forum(title, hour, minute=0, hours=2, capacity=50):
        start = at(edition, hour, minute)
        return SessionFactory(
            edition=edition,
            title=title,
            start=start,
            end=start + dt.timedelta(hours=hours),
            capacity=capacity,
            registration_required=True,
        )

    return edition, forum("AI governance forum", 9), forum("Data flows forum", 10, 30), forum("Youth forum", 14)


def personal_link(to):
    """The self-service path in the last email sent to `to` (the outbox sent first, as its worker does)."""
    outbox.drain()
    messages = [message for message in mail.outbox if message.to == [to]]
    assert messages, f"no email to {to}"
    return LINK.search(messages[-1].body).group(0)


def fill_details(page, *, phone):
    page.get_by_label("Full name").fill("Amina <b>Odhiambo</b>")
    page.get_by_label("Email").fill("amina@example.org")
    page.get_by_label("Organisation").fill("Ministry of ICT, Kenya")
    page.get_by_label("Position").fill("Director of Digital Policy")
    page.get_by_label("Country").select_option(label="Kenya")
    page.get_by_label("Delegate category").select_option(label="Government official")
    page.get_by_label("Phone").fill(phone)


@pytest.mark.parametrize("tab", ["phone_page", "page"])
def test_a_delegate_registers_changes_and_cancels_in_the_browser(request, tab, summit, expect):
    page = request.getfixturevalue(tab)
    edition, governance, data_flows, youth = summit

    # The home invites delegates; a sub-forum's page says how many seats are left and leads to the form.
    page.goto("/")
    expect(page.get_by_role("link", name="Register as a delegate")).to_be_visible()
    page.goto(f"/2031/sessions/{governance.slug}/")
    expect(page.get_by_text("50 seats left")).to_be_visible()
    page.locator("#main").get_by_role("link", name="Register", exact=True).click()
    expect(page.get_by_text("You are registering for:")).to_be_in_viewport()
    expect(page.locator(".preselected-sessions")).to_contain_text("AI governance forum")
    expect(page.get_by_label("AI governance forum")).to_be_checked()
    expect(page.get_by_label("Youth forum")).not_to_be_checked()

    # A mistake: the message is on the form and everything typed is kept.
    fill_details(page, phone="call me maybe")
    page.locator("#id_consent").check()
    page.get_by_role("button", name="Send my registration").click()
    expect(page.get_by_text("Use digits, spaces and + ( ) - / . only").first).to_be_visible()
    expect(page.get_by_label("Full name")).to_have_value("Amina <b>Odhiambo</b>")
    expect(page.get_by_label("Position")).to_have_value("Director of Digital Policy")
    expect(page.get_by_label("AI governance forum")).to_be_checked()
    assert Registration.objects.count() == 0

    # Two overlapping sub-forums: refused, naming both and their times.
    page.get_by_label("Phone").fill("+254 20 123 4567")
    page.get_by_label("Data flows forum").check()
    page.locator("#id_consent").check()
    page.get_by_role("button", name="Send my registration").click()
    refusal = page.get_by_text(re.compile(r"“AI governance forum” \(.*09:00–11:00\) and “Data flows forum” .*overlap"))
    expect(refusal.first).to_be_visible()
    assert Registration.objects.count() == 0

    # Corrected: registered.
    page.get_by_label("Data flows forum").uncheck()
    page.get_by_label("Youth forum").check()
    page.locator("#id_consent").check()
    page.get_by_role("button", name="Send my registration").click()
    expect(page.get_by_role("heading", name="Thank you")).to_be_visible()
    registration = Registration.objects.get()
    assert registration.name == "Amina <b>Odhiambo</b>"
    assert sorted(registration.choices.values_list("session__title", flat=True)) == [
        "AI governance forum",
        "Youth forum",
    ]

    # The personal link from the email; a change of sub-forum is saved (a POST from this page).
    page.goto(personal_link("amina@example.org"))
    expect(page.get_by_role("heading", name="Your registration")).to_be_visible()
    page.get_by_text("Change your details or sessions").click()
    page.get_by_label("AI governance forum").uncheck()
    page.get_by_label("Data flows forum").check()
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_text("Your changes are saved.")).to_be_in_viewport()
    sessions = page.locator(".chosen-sessions")
    expect(sessions).to_contain_text("Data flows forum")
    expect(sessions).not_to_contain_text("AI governance forum")

    # Approved by the organisers: the badge shows the code the door desk can type.
    services.registration_approve(registration=registration)
    page.goto(personal_link("amina@example.org"))
    page.get_by_role("link", name="Open my badge").click()
    registration.refresh_from_db()
    expect(page.locator("body")).to_contain_text(registration.badge_code[:4])
    expect(page.locator("body")).to_contain_text(registration.badge_code[4:])

    # A new link (earlier ones stop working), then cancel through it.
    page.goto("/2031/registration/resend/")
    page.get_by_label("Email address").fill("AMINA@example.org")
    page.get_by_role("button", name="Send me a new link").click()
    expect(page.get_by_text("If this address is registered, we have sent a new link")).to_be_visible()
    page.goto(personal_link("amina@example.org"))
    page.get_by_text("Cancel my registration").first.click()
    page.get_by_label("Yes, cancel my registration and give up my seats.").check()
    page.get_by_role("button", name="Cancel my registration").click()
    expect(page.get_by_text("Your registration is cancelled.")).to_be_in_viewport()
    expect(page.get_by_role("link", name="register again")).to_be_visible()
    registration.refresh_from_db()
    assert registration.status == "cancelled"
