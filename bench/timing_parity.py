"""Timing parity: does the time the register and new-link forms take tell a registered address from another?

For each form, 200 tries with addresses that are registered and 200 with addresses that are not, in a random
order, each timed from the request to the answer. Then the best single threshold on those times ("slower
than t means registered", or the reverse, t chosen after the fact to fit these very tries) and how often it
is right. 50% is chance. Because the threshold is fitted to the tries, labels that carry no information at
all already reach a few points above 50%: the script prints that bar too (the 95th percentile of the same
accuracy over the same times with the labels shuffled), and a form passes when it stays under it.

    python bench/timing_parity.py                           # in this process (Django's test client), on a
                                                            # throw-away SQLite file or DATABASE_URL
    python bench/timing_parity.py --url http://127.0.0.1:8117   # against a running server

Against a server, run the script with the server's DATABASE_URL (it prepares the edition and the registered
addresses there) and start the server with REGISTRATION_RATE=off (800 posts from one address). That is the
measurement that counts: everything a visitor waits for, the emails sent after the answer included.

In this process the emails are left in the outbox (OUTBOX_SEND_AFTER_COMMIT off, as with a worker): a server
starts sending them once the answer has gone out, but the test client only returns after that moment, so the
sending would be counted in the answer's time here and never is there.
"""

import argparse
import os
import random
import re
import statistics
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wicplanner.settings.base")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{tempfile.gettempdir()}/wicplanner-parity.sqlite3")
os.environ.setdefault("REGISTRATION_RATE", "off")
os.environ.setdefault("EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend")
os.environ.setdefault("LOG_LEVEL", "WARNING")
if not any(argument.startswith("--url") for argument in sys.argv):
    os.environ.setdefault("OUTBOX_SEND_AFTER_COMMIT", "false")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from results import record  # noqa: E402

from agenda.models import Edition  # noqa: E402
from attendees import selectors, services  # noqa: E402
from attendees.models import Registration  # noqa: E402

SLUG = "parity"
TRIES = 200
WARM_UP = 10
SHUFFLES = 1000


def prepare(tries):
    """The edition, two sessions a delegate may take together, and `tries` registered addresses."""
    Registration.objects.filter(edition__slug=SLUG).delete()
    call_command(
        "generate_summit",
        slug=SLUG,
        days=2,
        rooms=4,
        sessions=40,
        speakers=40,
        open_registration=True,
        replace=True,
        stdout=open(os.devnull, "w"),  # noqa: SIM115
    )
    edition = Edition.objects.get(slug=SLUG)
    offered = list(selectors.registrable_sessions(edition=edition))
    first = offered[0]
    second = next(s for s in offered if s.start >= first.end or s.end <= first.start)
    sessions = [first.pk, second.pk]
    known = [f"registered-{n}@example.org" for n in range(tries + WARM_UP)]
    for n, email in enumerate(known):
        services.registration_create(edition=edition, data=delegate(n, email), session_ids=sessions)
    return edition, sessions, known


def delegate(n, email):
    return {
        "name": f"Delegate {n}",
        "email": email,
        "organisation": "Ministry of Digital Affairs",
        "position": "Director",
        "country": "KE",
        "category": "government",
    }


class InProcess:
    """Django's test client: the view, the services and the database, without a network in between."""

    def __init__(self):
        self.client = Client()

    def post(self, path, data):
        began = time.perf_counter()
        response = self.client.post(path, data)
        took = time.perf_counter() - began
        return took, response.status_code


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Server:
    """A running server, as a browser uses it: the form's CSRF cookie and token, then the POST alone timed.

    The cookies are sent back by hand: a production server marks them Secure, which a cookie jar keeps off
    plain http://127.0.0.1.
    """

    def __init__(self, url):
        self.url = url.rstrip("/")
        self.opener = urllib.request.build_opener(NoRedirect)
        self.forms = {}

    def form(self, path):
        """(CSRF token, cookie header) for the form at `path`."""
        if path not in self.forms:
            with self.opener.open(self.url + path, timeout=30) as response:
                page = response.read().decode()
                cookies = [header.split(";", 1)[0] for header in response.headers.get_all("Set-Cookie") or []]
            token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
            self.forms[path] = token, "; ".join(cookies)
        return self.forms[path]

    def post(self, path, data):
        token, cookies = self.form(path)
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": token}, doseq=True).encode()
        headers = {"Referer": self.url + path, "Origin": self.url, "Cookie": cookies}
        request = urllib.request.Request(self.url + path, data=body, headers=headers)
        began = time.perf_counter()
        try:
            with self.opener.open(request, timeout=30) as response:
                response.read()
                status = response.status
        except urllib.error.HTTPError as answer:  # the redirect to the thanks page, not followed
            answer.read()
            status = answer.code
        return time.perf_counter() - began, status


def best_threshold_accuracy(times, labels):
    """The accuracy of the best rule "time above t means label True" (or below), over every t."""
    ordered = [label for _time, label in sorted(zip(times, labels, strict=True))]
    total = len(ordered)
    positives = sum(ordered)
    # Predict True above the split: right for the negatives below it and the positives above it.
    right = total - positives  # split before the first: everything predicted True
    best = max(right, total - right)
    for label in ordered:
        right += -1 if label else 1
        best = max(best, right, total - right)
    return best / total


def chance_bar(times, labels, rng):
    """The 95th percentile of the best-threshold accuracy when the labels carry no information."""
    shuffled = list(labels)
    scores = []
    for _ in range(SHUFFLES):
        rng.shuffle(shuffled)
        scores.append(best_threshold_accuracy(times, shuffled))
    return sorted(scores)[int(0.95 * SHUFFLES)]


def measure(name, send, known_forms, unknown_forms, rng):
    for form in known_forms[:WARM_UP] + unknown_forms[:WARM_UP]:
        send(form)
    trials = [(True, form) for form in known_forms[WARM_UP:]] + [(False, form) for form in unknown_forms[WARM_UP:]]
    rng.shuffle(trials)
    times, labels, statuses = [], [], set()
    for known, form in trials:
        took, status = send(form)
        if status == 429:
            raise SystemExit("The server limits the posts: start it with REGISTRATION_RATE=off.")
        if status != 302:
            raise SystemExit(f"{name}: answered {status}, not the redirect of an accepted form; nothing to compare.")
        statuses.add(status)
        times.append(took)
        labels.append(known)
    known_times = [t for t, label in zip(times, labels, strict=True) if label]
    unknown_times = [t for t, label in zip(times, labels, strict=True) if not label]
    accuracy = best_threshold_accuracy(times, labels)
    bar = chance_bar(times, labels, rng)
    verdict = "indistinguishable" if accuracy <= bar else "TELLS THEM APART"
    record(
        f"timing parity: {name}",
        p50=f"{statistics.median(known_times) * 1000:.1f} / {statistics.median(unknown_times) * 1000:.1f} ms",
        notes=f"known / unknown address; best threshold {accuracy:.1%}, chance bar {bar:.1%}: {verdict}",
    )
    print(
        f"| {name} | {len(known_times)} / {len(unknown_times)} "
        f"| {statistics.median(known_times) * 1000:.2f} ms | {statistics.median(unknown_times) * 1000:.2f} ms "
        f"| {accuracy:.1%} | {bar:.1%} | {verdict} | {', '.join(map(str, sorted(statuses)))} |"
    )
    return accuracy <= bar


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", help="A running server, e.g. http://127.0.0.1:8117 (default: in this process).")
    parser.add_argument("--tries", type=int, default=TRIES, help=f"Tries each way (default {TRIES}).")
    parser.add_argument("--seed", type=int, default=13)
    options = parser.parse_args()
    rng = random.Random(options.seed)
    if options.url is None:
        call_command("migrate", verbosity=0)
    edition, sessions, known = prepare(options.tries)
    target = Server(options.url) if options.url else InProcess()
    run = f"{time.time_ns():x}"
    unknown = [f"new-{run}-{n}@example.org" for n in range(options.tries + WARM_UP)]

    register_path = f"/{edition.slug}/register/"
    resend_path = f"/{edition.slug}/registration/resend/"

    def register(email):
        data = {**delegate(0, email), "consent": "on", "sessions": [str(pk) for pk in sessions]}
        return target.post(register_path, data)

    def resend(email):
        return target.post(resend_path, {"email": email})

    where = options.url or f"in process, {django.db.connection.vendor}"
    print(f"Timing parity ({where}), {options.tries} tries each way after {WARM_UP} to warm up:\n")
    print("| form | registered / not | median, registered | median, not | best threshold | chance bar | | answers |")
    print("|---|---|---|---|---|---|---|---|")
    alike = [
        measure("register", register, known, unknown, rng),
        measure("new link", resend, known, [f"other-{address}" for address in unknown], rng),
    ]
    if not all(alike):
        sys.exit(1)


if __name__ == "__main__":
    main()
