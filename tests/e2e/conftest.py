"""Fixtures for the browser tests (``pytest -m e2e tests/e2e``, or ``make e2e``).

Playwright is imported lazily so that the ordinary test run (``-m 'not e2e'``) still collects this folder
when the e2e requirements are not installed.
"""

import os
import shutil

import pytest

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
DEFAULT_TIMEOUT_MS = 15_000


def chromium_path():
    """Debian's Chromium (``apt-get install chromium``); Playwright's own download does not work here."""
    return os.environ.get("E2E_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="session")
def playwright_browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install -r requirements-e2e.txt")
    executable = chromium_path()
    if not os.path.exists(executable):
        pytest.skip(f"Chromium not found at {executable} (apt-get install chromium)")

    # Playwright's sync API keeps an asyncio loop running in the main thread, so Django's async-safety check
    # would refuse the ORM calls the tests (and pytest-django's flushes) make there. Allowed only while the
    # browser runs, so that the rest of a mixed test run keeps the check.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    playwright = sync_api.sync_playwright().start()
    try:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        sync_api.expect.set_options(timeout=DEFAULT_TIMEOUT_MS)
        yield browser
        browser.close()
    finally:
        playwright.stop()
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


_reports_key = pytest.StashKey[dict]()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the item, so that `page` knows whether the test failed."""
    report = yield
    item.stash.setdefault(_reports_key, {})[report.when] = report
    return report


PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def open_tab(request, browser, live_server, tmp_path, viewport):
    """A fresh browser tab pointed at the live server, and a function that closes it.

    The closer fails the test on JavaScript errors and server errors (HTTP 5xx), and keeps a screenshot of
    the last page in the test's tmp_path when the test failed.
    """
    context = browser.new_context(
        base_url=live_server.url, viewport=viewport, locale="en-GB", timezone_id="Asia/Shanghai", accept_downloads=True
    )
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    tab = context.new_page()
    problems = []

    def note_server_error(response):
        if response.status >= 500:
            problems.append(f"HTTP {response.status} from {response.request.method} {response.url}")

    tab.on("pageerror", lambda error: problems.append(f"JavaScript error: {error}"))
    tab.on("response", note_server_error)

    def close():
        call = item_report(request.node, "call")
        if call is not None and call.failed:
            shot = tmp_path / f"failure-{viewport['width']}.png"
            try:
                tab.screenshot(path=str(shot), full_page=True)
                print(f"\nScreenshot of the failing page: {shot} ({tab.url})")
            except Exception as error:  # a missing screenshot must not hide the real failure
                print(f"\nNo screenshot: {error}")
        context.close()
        assert not problems, "\n".join(problems)

    return tab, close


@pytest.fixture
def page(request, playwright_browser, live_server, tmp_path):
    """A desktop-sized browser tab on the live server (see open_tab)."""
    tab, close = open_tab(request, playwright_browser, live_server, tmp_path, DESKTOP)
    yield tab
    close()


@pytest.fixture
def phone_page(request, playwright_browser, live_server, tmp_path):
    """A phone-sized browser tab (390 px wide) on the live server (see open_tab)."""
    tab, close = open_tab(request, playwright_browser, live_server, tmp_path, PHONE)
    yield tab
    close()


def item_report(node, when):
    return node.stash.get(_reports_key, {}).get(when)


@pytest.fixture
def expect():
    from playwright.sync_api import expect as playwright_expect

    return playwright_expect


@pytest.fixture
def admin_credentials(django_user_model):
    """A superuser created for the test; the test types these into the admin login form."""
    username, password = "e2e-organiser", "e2e-Organiser-pw-2031"
    django_user_model.objects.create_superuser(username, "e2e-organiser@example.org", password)
    return username, password


@pytest.fixture
def admin_page(page, admin_credentials, expect):
    """The browser tab, logged into the admin through its login form."""
    username, password = admin_credentials
    page.goto("/admin/")
    expect(page.locator("#login-form")).to_be_visible()
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    page.locator("#login-form [type=submit]").click()
    expect(page.locator("#user-tools")).to_contain_text(username)
    return page


def autocomplete_options(page, expect, select_id, typed):
    """Open an admin autocomplete, type, and return the offered options once they have arrived."""
    page.locator(f"select#{select_id} + span.select2-container .select2-selection").click()
    page.locator("span.select2-container--open input.select2-search__field").fill(typed)
    options = page.locator("span.select2-container--open li.select2-results__option[role=option]")
    expect(options.first).not_to_have_text("Searching…")
    return options
