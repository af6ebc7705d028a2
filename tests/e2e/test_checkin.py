"""The door in a real browser: a delegate's badge shows its code, and the desk types it at /checkin/."""

import re

import pytest

from attendees import tokens
from attendees.enums import RegistrationStatus
from tests.factories import EditionFactory
from tests.factories.attendees import RegistrationFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

ALREADY = re.compile(r"Already checked in on \w{3} \d{1,2} \w{3} \d{4} at \d\d:\d\d \(Wuzhen time, UTC\+8\)")


def type_at_the_door(page, text):
    box = page.locator("#checkin-q")
    box.press_sequentially(text)  # key by key, as a person or a USB scanner types
    box.press("Enter")


def test_a_badge_code_typed_at_the_door_checks_the_delegate_in_once(admin_page, expect):
    edition = EditionFactory(year=2031, name="2031 Wuzhen Summit", is_current=True)
    delegate = RegistrationFactory(
        edition=edition, name="Ngozi Okafor", organisation="African Union", status=RegistrationStatus.APPROVED
    )
    page = admin_page

    page.goto(f"/{edition.slug}/registration/{tokens.link_token(delegate)}/badge/")
    printed = page.locator(".delegate-badge .delegate-badge-code")
    expect(printed).to_contain_text(delegate.printed_badge_code)
    expect(page.locator(".delegate-badge svg.badge-qr-code")).to_be_visible()
    code = re.search(r"[A-Z0-9]{4}-[A-Z0-9]{4}", printed.inner_text()).group(0)
    assert code == delegate.printed_badge_code

    page.goto("/checkin/")
    expect(page.locator("#checkin-q")).to_be_focused()
    type_at_the_door(page, code.lower())
    result = page.locator("#checkin-result")
    expect(result).to_have_class(re.compile(r"\bis-ok\b"))
    expect(result).to_contain_text("Checked in at")
    expect(result).to_contain_text("Ngozi Okafor")
    expect(result).to_contain_text("African Union")
    delegate.refresh_from_db()
    assert delegate.status == RegistrationStatus.CHECKED_IN

    type_at_the_door(page, code.replace("-", ""))
    expect(result).to_have_class(re.compile(r"\bis-already\b"))
    expect(result.locator(".headline")).to_have_text(ALREADY)
    expect(result).to_contain_text("Ngozi Okafor")

    forged = "K7QX-M4TB" if code != "K7QX-M4TB" else "K7QX-M4TC"
    type_at_the_door(page, forged)
    expect(result).to_have_class(re.compile(r"\bis-unknown\b"))
    expect(result.locator(".headline")).to_have_text("Not a valid badge code: check the letters, or search by name.")
    expect(result).to_contain_text(f"Entered: {forged}")
    expect(result).not_to_contain_text("Ngozi Okafor")
