"""The registration journey with the keyboard alone: Tab, Shift+Tab, Space, Enter and typing; no click."""

import pytest

from tests.e2e import test_csp

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# The same summit as the policy test: registration open, one sub-forum with seats.
summit = test_csp.summit

FOCUSED_LOOKS_FOCUSED = """() => {
  const style = getComputedStyle(document.activeElement);
  return style.outlineStyle !== "none" && style.outlineWidth !== "0px" || style.boxShadow !== "none";
}"""


def tab_to(page, selector, *, backwards=False, most=40):
    """Press Tab (or Shift+Tab) until the element matching selector has the focus; it must show that it has."""
    key = "Shift+Tab" if backwards else "Tab"
    for _ in range(most):
        page.keyboard.press(key)
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            assert page.evaluate(FOCUSED_LOOKS_FOCUSED), f"{selector} has the focus but does not show it"
            return
    raise AssertionError(f"{most} presses of {key} never reached {selector}")


def test_a_delegate_registers_with_the_keyboard_alone(page, summit, expect):
    page.goto("/2031/register/")

    # The first Tab offers the skip link; Enter on it jumps over the navigation.
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_text("Skip to content")
    page.keyboard.press("Enter")
    expect(page).to_have_url(page.url.split("#")[0] + "#main")

    tab_to(page, "#id_name")
    page.keyboard.type("Amina Odhiambo")
    tab_to(page, "#id_email")
    page.keyboard.type("amina@example.org")
    # Back to the name with Shift+Tab: what was typed is still there.
    tab_to(page, "#id_name", backwards=True)
    expect(page.locator("#id_name")).to_have_value("Amina Odhiambo")
    tab_to(page, "#id_organisation")
    page.keyboard.type("Ministry of ICT, Kenya")
    tab_to(page, "#id_position")
    page.keyboard.type("Director of Digital Policy")
    # A closed list picks the option whose name is typed.
    tab_to(page, "#id_country")
    page.keyboard.type("Kenya")
    expect(page.locator("#id_country option:checked")).to_have_text("Kenya")
    tab_to(page, "#id_category")
    page.keyboard.type("Government")
    expect(page.locator("#id_category option:checked")).to_have_text("Government official")

    forum = page.get_by_label("AI governance forum")
    tab_to(page, f"input[value='{summit['forum'].pk}']")
    page.keyboard.press("Space")
    expect(forum).to_be_checked()
    tab_to(page, "#id_consent")
    page.keyboard.press("Space")
    expect(page.locator("#id_consent")).to_be_checked()
    tab_to(page, "form.registration-form [type=submit]")
    page.keyboard.press("Enter")

    expect(page).to_have_url(page.url.split("/2031/")[0] + "/2031/register/thanks/")
    expect(page.locator("main h1")).to_be_visible()
    registration = summit["edition"].registrations.get(email="amina@example.org")
    assert [session.title for session in registration.sessions.all()] == ["AI governance forum"]
