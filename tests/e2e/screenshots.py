"""Take screenshots of a running WIC Planner, at phone and desktop width.

    python tests/e2e/screenshots.py --base-url http://127.0.0.1:8000 --out docs/screenshots \\
        --username organiser --password PW

Logs into the admin with the given organiser account and saves full-page PNGs of the home page, the
admin session list and the change page of the first session in that list, each at 390px and 1280px
wide (e.g. ``admin-session-list-390.png``). Needs the e2e requirements (``pip install -r
requirements-e2e.txt``) and Chromium (Debian's ``chromium`` package, or ``--chromium PATH``).
Not part of the test suite.
"""

import argparse
import os
import shutil
import sys
from pathlib import Path
from urllib.parse import urljoin

WIDTHS = [390, 1280]
HEIGHT = {390: 844, 1280: 900}
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
TIMEOUT_MS = 30_000


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8000", help="Where the site runs.")
    parser.add_argument("--out", default="docs/screenshots", type=Path, help="Folder for the PNG files (created).")
    parser.add_argument("--username", default="organiser", help="Admin user (staff, may view sessions).")
    parser.add_argument("--password", default=os.environ.get("WIC_ADMIN_PASSWORD"), help="Or WIC_ADMIN_PASSWORD.")
    parser.add_argument(
        "--chromium",
        default=os.environ.get("E2E_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium",
        help="Chromium executable (default: chromium on PATH).",
    )
    parser.add_argument("--edition", default="2024", help="Edition slug for the public pages.")
    parser.add_argument("--day", default="2024-11-20", help="Day shown in the agenda grid (YYYY-MM-DD).")
    args = parser.parse_args(argv)
    if not args.password:
        parser.error("give --password (or set WIC_ADMIN_PASSWORD)")
    args.base_url = args.base_url.rstrip("/") + "/"
    return args


def log_in(page, args):
    page.goto(urljoin(args.base_url, "admin/login/?next=/admin/"))
    page.locator("#id_username").fill(args.username)
    page.locator("#id_password").fill(args.password)
    page.locator("#login-form [type=submit]").click()
    page.wait_for_load_state()
    if page.locator("#user-tools").count() == 0:
        errors = page.locator(".errornote").all_inner_texts()
        raise SystemExit(f"Could not log in as {args.username!r}: {' '.join(errors) or page.url}")


def first_session_change_path(page, args):
    """The admin path of the first session in the session list, or None when there is none."""
    page.goto(urljoin(args.base_url, "admin/agenda/session/"))
    link = page.locator("#result_list tbody tr").first.locator("th a, td a").first
    if link.count() == 0:
        return None
    return link.get_attribute("href")


def shoot(page, args, path, name, width):
    page.set_viewport_size({"width": width, "height": HEIGHT[width]})
    response = page.goto(urljoin(args.base_url, path.lstrip("/")))
    page.wait_for_load_state("networkidle")
    status = response.status if response else "?"
    target = args.out / f"{name}-{width}.png"
    page.screenshot(path=str(target), full_page=True)
    print(f"{target}  ({width}px, HTTP {status}, {path})")
    if response is not None and response.status >= 400:
        print(f"  warning: {path} answered HTTP {response.status}", file=sys.stderr)


def main(argv=None):
    args = parse_args(argv)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise SystemExit("Playwright is missing: pip install -r requirements-e2e.txt")
    if not os.path.exists(args.chromium):
        raise SystemExit(f"Chromium not found at {args.chromium} (apt-get install chromium, or --chromium PATH)")

    args.out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=args.chromium, args=CHROMIUM_ARGS)
        context = browser.new_context(
            viewport={"width": WIDTHS[-1], "height": HEIGHT[WIDTHS[-1]]},
            locale="en-GB",
            timezone_id="Asia/Shanghai",  # organisers work at the venue: no “hours behind server time” notes
        )
        context.set_default_timeout(TIMEOUT_MS)
        page = context.new_page()

        # The public pages, as an anonymous attendee sees them.
        edition = f"/{args.edition}/"
        public = [
            ("/", "home"),
            (f"{edition}agenda/", "agenda-list"),
            (f"{edition}agenda/?day={args.day}&view=grid", "agenda-grid"),
            (f"{edition}speakers/", "speakers"),
            (f"{edition}organisations/", "organisations"),
            (f"{edition}expo/", "expo"),
            ("/2023/awards/", "awards"),
            (f"{edition}register/", "register"),
        ]
        page.goto(urljoin(args.base_url, f"{edition.lstrip('/')}agenda/?day={args.day}"))
        session_link = page.locator(".kind-sub_forum h3 a").first
        if session_link.count():
            public.append((session_link.get_attribute("href"), "session"))
        page.goto(urljoin(args.base_url, "2023/expo/"))
        exhibit_link = page.locator(".exhibit-card a, article a").first
        if exhibit_link.count():
            public.append((exhibit_link.get_attribute("href"), "exhibit"))
        page.goto(urljoin(args.base_url, f"{edition.lstrip('/')}speakers/"))
        speaker_link = page.locator(".person-card a").first
        if speaker_link.count():
            public.append((speaker_link.get_attribute("href"), "speaker"))
        for path, name in public:
            for width in WIDTHS:
                shoot(page, args, path, name, width)

        log_in(page, args)
        pages = [("/admin/agenda/session/", "admin-session-list")]
        change_path = first_session_change_path(page, args)
        if change_path:
            pages.append((change_path, "admin-session-change"))
        else:
            print("No session in the admin list: skipping the session change page.", file=sys.stderr)

        for path, name in pages:
            for width in WIDTHS:
                shoot(page, args, path, name, width)
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
