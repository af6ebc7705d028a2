"""The dashboard on the admin home, in a real browser: an organiser sees a full sub-forum, raises its capacity
in the session form, and the dashboard shows the new seats and waiting list."""

import pytest
from django.contrib.auth import get_user_model

from agenda.enums import SessionKind
from attendees import services
from tests.e2e.conftest import PHONE, open_tab
from tests.factories import EditionFactory, SessionFactory
from tests.factories.attendees import delegate_data, open_registration

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def summit():
    edition = open_registration(EditionFactory(year=2031, name="2031 Wuzhen Summit", slug="2031", is_current=True))
    full = SessionFactory(
        edition=edition,
        title="Sub-forum on AI Governance",
        kind=SessionKind.SUB_FORUM,
        registration_required=True,
        capacity=2,
    )
    roomy = SessionFactory(
        edition=edition,
        title="Sub-forum on Data Governance",
        kind=SessionKind.SUB_FORUM,
        registration_required=True,
        capacity=50,
    )
    for n in range(3):
        services.registration_create(edition=edition, data=delegate_data(n), session_ids=[full.pk])
    services.registration_create(edition=edition, data=delegate_data(9), session_ids=[roomy.pk])
    return edition, full, roomy


def test_organiser_raises_a_full_sub_forums_capacity_and_the_dashboard_follows(summit, admin_page, expect):
    page = admin_page
    edition, full, roomy = summit

    # The admin home opens on the working edition's dashboard.
    expect(page.locator("#wic-dash-title")).to_contain_text("2031 Wuzhen Summit")
    expect(page.locator("#wic-dash-awaiting .wic-dash-figure")).to_have_text("4")
    rows = page.locator("#wic-dash-fill tbody tr")
    expect(rows.first).to_contain_text("Sub-forum on AI Governance")  # the full one comes first
    row = page.locator(f"#wic-dash-fill tr[data-session='{full.pk}']")
    expect(row.locator(".seats")).to_have_text("2 / 2")
    expect(row.locator(".waiting")).to_have_text("1")
    expect(page.locator(f"#wic-dash-fill tr[data-session='{roomy.pk}'] .seats")).to_have_text("1 / 50")
    expect(page.locator("#wic-dash-subforums .wic-dash-figure")).to_contain_text("1 of 2 sessions")
    expect(page.locator("#content-related .app-agenda")).to_be_visible()  # the list of applications stays

    # The waiting list link opens the registrations of that sub-forum that wait.
    row.locator(".waiting a").click()
    expect(page.locator("#result_list tbody tr")).to_have_count(1)
    expect(page.locator("#result_list")).to_contain_text("Delegate 2")

    # The organiser raises the capacity in the session form, reached from the list of applications.
    page.goto("/admin/")
    page.locator("#content-related .app-agenda a", has_text="Sessions").first.click()
    page.locator("#result_list a", has_text="Sub-forum on AI Governance").click()
    expect(page.locator("#id_capacity")).to_have_value("2")
    page.locator("#id_capacity").fill("3")
    page.locator("input[type=submit][name=_save]").click()
    expect(page.locator("ul.messagelist")).to_contain_text("was changed successfully")
    expect(page.locator("ul.messagelist")).to_contain_text("1 delegate moved from the waiting list")

    # Back home: the new figures, and the change among the recent ones.
    page.locator("#site-name a").click()
    row = page.locator(f"#wic-dash-fill tr[data-session='{full.pk}']")
    expect(row.locator(".seats")).to_have_text("3 / 3")
    expect(row.locator(".waiting")).to_have_text("0")
    expect(page.locator("#wic-dash-subforums .wic-dash-figure")).to_contain_text("1 of 2 sessions")
    expect(page.locator("#wic-dash-changes li").first).to_contain_text("Sub-forum on AI Governance")
    expect(page.locator("#wic-dash-changes li").first).to_contain_text("e2e-organiser")


def test_organiser_switches_the_edition_on_a_phone(request, playwright_browser, live_server, tmp_path, expect, summit):
    edition, full, _roomy = summit
    EditionFactory(year=2019, name="2019 Wuzhen Summit", slug="2019")
    page, close = open_tab(request, playwright_browser, live_server, tmp_path, PHONE)
    try:
        username, password = "e2e-phone-organiser", "e2e-Organiser-pw-2031"
        get_user_model().objects.create_superuser(username, "phone@example.org", password)
        page.goto("/admin/")
        page.locator("#id_username").fill(username)
        page.locator("#id_password").fill(password)
        page.locator("#login-form [type=submit]").click()
        expect(page.locator("#wic-dash-title")).to_contain_text("2031 Wuzhen Summit")
        expect(page.locator(f"#wic-dash-fill tr[data-session='{full.pk}'] .seats")).to_be_visible()
        # Nothing wider than the phone's screen.
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

        page.locator("#wic-dash-edition").select_option(label="2019 Wuzhen Summit")
        page.locator(".wic-dash-switch [type=submit]").click()
        expect(page.locator("#wic-dash-title")).to_contain_text("2019 Wuzhen Summit")
        expect(page.locator("#wic-dash-fill")).to_contain_text("No session of this edition takes registrations.")

        # The choice is remembered.
        page.goto("/admin/")
        expect(page.locator("#wic-dash-title")).to_contain_text("2019 Wuzhen Summit")
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    finally:
        close()
