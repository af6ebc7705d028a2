"""Take screenshots of the delegate pages of a running WIC Planner, at phone and desktop width.

    DATABASE_URL=sqlite:////tmp/reg.sqlite3 python tests/e2e/registration_screenshots.py \\
        --base-url http://127.0.0.1:8765 --out docs/screenshots --prepare

Saves full-page PNGs of the registration form with errors, the thanks page, the self-service page (as opened,
and with its edit form open) and the badge (on screen, and as printed: print media emulated), each at 390px
and 1280px wide (e.g. ``register-errors-390.png``).

With ``--prepare`` the script first changes the database the server uses (give it the same DATABASE_URL):
it opens the edition's registration window, gives one session two seats and fills it, and registers an
approved demo delegate with a seat and a place on that waiting list. Use it on a throw-away database only
(``migrate`` and ``load_demo`` first). Without it, give ``--manage-url`` of an existing approved registration.

Needs the e2e requirements (``pip install -r requirements-e2e.txt``) and Chromium (Debian's ``chromium``
package, or ``--chromium PATH``). Not part of the test suite.
"""

import argparse
import os
import shutil
import sys
import time
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
    parser.add_argument("--edition", default="2024", help="Edition slug.")
    parser.add_argument("--prepare", action="store_true", help="Set up demo registrations (throw-away DB only).")
    parser.add_argument("--manage-url", help="Self-service link of an approved registration (without --prepare).")
    parser.add_argument(
        "--chromium",
        default=os.environ.get("E2E_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium",
        help="Chromium executable (default: chromium on PATH).",
    )
    args = parser.parse_args(argv)
    if not args.prepare and not args.manage_url:
        parser.error("give --prepare (throw-away database) or --manage-url")
    args.base_url = args.base_url.rstrip("/") + "/"
    return args


def prepare(edition_slug):
    """Open registration and create a delegate whose page shows a seat, a waiting list and a badge."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wicplanner.settings.base")
    import django

    django.setup()
    import datetime as dt

    from django.db.models.functions import Lower
    from django.urls import reverse
    from django.utils import timezone

    from agenda.models import Edition
    from attendees import selectors, services
    from attendees.models import Registration
    from attendees.tokens import link_token

    edition = Edition.objects.get(slug=edition_slug)
    edition.registration_opens_at = timezone.now() - dt.timedelta(days=1)
    edition.registration_closes_at = timezone.now() + dt.timedelta(days=60)
    edition.save(update_fields=["registration_opens_at", "registration_closes_at"])
    sessions = list(selectors.registrable_sessions(edition=edition)[:3])
    if len(sessions) < 3:
        raise SystemExit(f"Edition {edition_slug} needs three sessions that require registration (load_demo).")
    small = sessions[1]
    small.capacity = 2
    small.save(update_fields=["capacity"])

    def delegate(email, **data):
        existing = Registration.objects.annotate(e=Lower("email")).filter(edition=edition, e=email).first()
        if existing is not None:
            return existing
        session_ids = data.pop("sessions", [])
        base = {"organisation": "Ministry of ICT", "position": "Director", "country": "KE", "category": "government"}
        return services.registration_create(
            edition=edition, data={**base, **data, "email": email}, session_ids=session_ids
        )

    delegate("seat.one@example.org", name="Li Wei", sessions=[small.pk])
    delegate("seat.two@example.org", name="Sofia Martins", sessions=[small.pk])
    delegate("waiting.first@example.org", name="Kwame Mensah", sessions=[small.pk])
    amina = delegate(
        "amina.wanjiru@example.org",
        name="Amina Wanjiru",
        organisation="Ministry of Information, Communications and the Digital Economy",
        position="Principal Secretary",
        category="government",
        dietary_needs="Halal",
        sessions=[sessions[0].pk, small.pk],
    )
    if amina.status == "submitted":
        services.registration_approve(registration=amina, message="Welcome to Wuzhen! Collect your badge at Gate 2.")
    amina.refresh_from_db()
    return reverse("attendees:manage", args=[edition.slug, link_token(amina)])


def shoot(page, path, name, width, args):
    target = args.out / f"{name}-{width}.png"
    page.screenshot(path=str(target), full_page=True)
    print(f"{target}  ({width}px, {path})")


def register_with_errors(page, args, width):
    path = f"{args.edition}/register/"
    page.goto(urljoin(args.base_url, path))
    page.locator("#id_name").fill('Jane <b>"JD"</b> Doe')
    page.locator("#id_email").fill("jane.doe@")
    page.locator("#id_organisation").fill("Example Institute")
    page.locator("#id_sessions_0").check()
    # The browser would stop the form itself; let the server answer, as it does for any client.
    page.evaluate("document.querySelector('form.registration-form').noValidate = true")
    page.locator("form.registration-form [type=submit]").click()
    page.wait_for_load_state("networkidle")
    shoot(page, path + " (errors)", "register-errors", width, args)


def register_and_thank(page, args, width):
    path = f"{args.edition}/register/"
    page.goto(urljoin(args.base_url, path))
    page.locator("#id_name").fill("Jane Doe")
    page.locator("#id_email").fill(f"jane.doe.{width}.{int(time.time())}@example.org")
    page.locator("#id_organisation").fill("Example Institute")
    page.locator("#id_position").fill("Research Fellow")
    page.locator("#id_country").select_option("GB")
    page.locator("#id_category").select_option("academia")
    page.locator("#id_sessions_0").check()
    page.locator("#id_consent").check()
    page.locator("form.registration-form [type=submit]").click()
    page.wait_for_load_state("networkidle")
    if "/thanks/" not in page.url:
        print(f"  warning: expected the thanks page, got {page.url}", file=sys.stderr)
    shoot(page, path + " (thanks)", "register-thanks", width, args)


def main(argv=None):
    args = parse_args(argv)
    manage_path = prepare(args.edition) if args.prepare else args.manage_url
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise SystemExit("Playwright is missing: pip install -r requirements-e2e.txt")
    if not os.path.exists(args.chromium):
        raise SystemExit(f"Chromium not found at {args.chromium} (apt-get install chromium, or --chromium PATH)")
    args.out.mkdir(parents=True, exist_ok=True)
    manage_url = urljoin(args.base_url, manage_path.lstrip("/"))
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=args.chromium, args=CHROMIUM_ARGS)
        try:
            for width in WIDTHS:
                context = browser.new_context(
                    viewport={"width": width, "height": HEIGHT[width]}, locale="en-GB", timezone_id="Asia/Shanghai"
                )
                context.set_default_timeout(TIMEOUT_MS)
                page = context.new_page()
                register_with_errors(page, args, width)
                register_and_thank(page, args, width)
                page.goto(manage_url)
                page.wait_for_load_state("networkidle")
                shoot(page, "self-service page", "manage", width, args)
                page.locator("#change summary").click()
                shoot(page, "self-service page, editing", "manage-edit", width, args)
                page.goto(manage_url.rstrip("/") + "/badge/")
                page.wait_for_load_state("networkidle")
                shoot(page, "badge (screen)", "badge-screen", width, args)
                page.emulate_media(media="print")
                shoot(page, "badge (print)", "badge-print", width, args)
                context.close()
        finally:
            browser.close()


if __name__ == "__main__":
    main()
