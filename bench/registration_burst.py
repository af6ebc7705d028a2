"""Registration burst: many delegates register at once for one sub-forum with few seats, over HTTP.

Builds a throw-away PostgreSQL database, an edition open for registration with one sub-forum that needs
registration (50 seats, then the waiting list), starts gunicorn in production mode (DEBUG off, PostgreSQL,
Redis) and lets N clients at a time play delegates the way a browser does: GET the form (the CSRF cookie
and the field names are read from the page), then POST it with the delegate's own details and the
sub-forum ticked, with the Origin and Referer a browser sends. Prints the rate, each request's latency
(as the client waits for it, and as gunicorn's access log times it: the difference is time spent queued
for a worker), the errors, and what the database holds at the end: exactly `--seats` seats, the rest on
the waiting list, no registration missing. The database is dropped at the end.

    python bench/registration_burst.py                       # 1,000 delegates, 32 clients, 2 workers
    python bench/registration_burst.py --clients 100 --workers 4

The rate counts whole registrations (form fetched and sent) per minute of the burst; with --forms-first
every delegate has fetched the form before the burst (the form open when registration opens) and the
burst is the POSTs alone.
"""

import argparse
import http.client
import json
import os
import re
import secrets
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from html.parser import HTMLParser
from pathlib import Path

from results import record

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
SLUG = "burst"

SETUP = """
from agenda.models import Session
from agenda.enums import SessionStatus
sessions = Session.objects.filter(edition__slug="{slug}")
sessions.update(registration_required=False)
forum = sessions.filter(status=SessionStatus.PUBLISHED).order_by("start", "pk").first()
forum.registration_required = True
forum.capacity = {seats}
forum.save()
print(forum.pk)
"""

COUNTS = """
import json
from attendees.models import Registration, SessionChoice
registrations = Registration.objects.filter(edition__slug="{slug}")
choices = SessionChoice.objects.filter(session_id={session})
print(json.dumps({{
    "registrations": registrations.count(),
    "emails": sorted(registrations.values_list("email", flat=True)),
    "seats": choices.filter(status="seat").count(),
    "waiting": choices.filter(status="waitlist").count(),
    "choices": SessionChoice.objects.filter(registration__edition__slug="{slug}").count(),
}}))
"""


class FormReader(HTMLParser):
    """The registration form's fields: hidden values, text inputs, selects' options and checkboxes."""

    def __init__(self):
        super().__init__()
        self.in_form = False
        self.select = None
        self.fields = {}  # name -> ("hidden", value) | ("text", None) | ("select", [options]) | ("checkbox", [values])
        self.action = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and "registration-form" in (attrs.get("class") or ""):
            self.in_form, self.action = True, attrs.get("action")
        if not self.in_form:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind == "hidden":
                self.fields[name] = ("hidden", attrs.get("value", ""))
            elif kind == "checkbox":
                self.fields.setdefault(name, ("checkbox", []))[1].append(attrs.get("value", "on"))
            else:
                self.fields[name] = ("text", None)
        elif tag == "textarea" and name:
            self.fields[name] = ("text", None)
        elif tag == "select" and name:
            self.select = name
            self.fields[name] = ("select", [])
        elif tag == "option" and self.select and attrs.get("value"):
            self.fields[self.select][1].append(attrs["value"])

    def handle_endtag(self, tag):
        if tag == "select":
            self.select = None
        elif tag == "form":
            self.in_form = False


def fill(fields, n, run_id):
    """A delegate's answers: unique name and address, the first country and category, every box ticked."""
    text = {
        "name": f"Delegate {n:05d}",
        "email": f"delegate{n:05d}.{run_id}@example.org",
        "organisation": "Burst Institute",
        "position": "Researcher",
    }
    data = []
    for name, (kind, value) in fields.items():
        if kind == "hidden":
            data.append((name, value))
        elif kind == "text":
            data.append((name, text.get(name, "")))
        elif kind == "select":
            data.append((name, "CN" if "CN" in value else value[0]))
        elif kind == "checkbox":
            data.extend((name, v) for v in value)  # the consent and the only registrable session
    return urllib.parse.urlencode(data)


def cookies_from(response):
    jar = {}
    for header, value in response.getheaders():
        if header.lower() == "set-cookie":
            pair = value.split(";", 1)[0]
            key, _, val = pair.partition("=")
            jar[key.strip()] = val.strip()
    return jar


class Delegate:
    def __init__(self, host, port, path, n, run_id):
        self.host, self.port, self.path, self.n, self.run_id = host, port, path, n, run_id

    form = None

    def request(self, method, path, body=None, headers=None):
        connection = http.client.HTTPConnection(self.host, self.port, timeout=120)
        try:
            began = time.perf_counter()
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            payload = response.read()
            return time.perf_counter() - began, response, payload
        finally:
            connection.close()

    def fetch(self):
        """GET the form as a browser does; (seconds, error or None). Keeps what the POST needs."""
        get_time, response, payload = self.request("GET", self.path, headers={"Accept-Language": "en"})
        if response.status != 200:
            return get_time, f"GET {response.status}"
        reader = FormReader()
        reader.feed(payload.decode())
        if "csrfmiddlewaretoken" not in reader.fields or not reader.action:
            return get_time, "no form on the page"
        origin = f"http://{self.host}:{self.port}"
        self.form = (reader.action, fill(reader.fields, self.n, self.run_id))
        self.headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": "; ".join(f"{k}={v}" for k, v in cookies_from(response).items()),
            "Origin": origin,
            "Referer": origin + self.path,
            "Accept-Language": "en",
        }
        return get_time, None

    def send(self):
        """POST the filled form; (seconds, error or None). A registration answers with a redirect."""
        action, body = self.form
        post_time, response, payload = self.request("POST", action, body=body, headers=self.headers)
        if response.status not in (302, 303):
            found = re.findall(r'class="[^"]*invalid-feedback[^"]*"[^>]*>\s*([^<]+)', payload.decode(errors="replace"))
            return post_time, f"POST {response.status} {found[:1]}"
        return post_time, None


def in_parallel(clients, count, work):
    """work(i) for i in range(count), `clients` at a time; [result], exceptions counted as errors."""
    results = [None] * count
    indexes = iter(range(count))
    lock = threading.Lock()

    def client():
        while True:
            with lock:
                i = next(indexes, None)
            if i is None:
                return
            try:
                results[i] = work(i)
            except Exception as error:  # noqa: BLE001 (counted and shown as an error)
                results[i] = (None, f"{type(error).__name__}: {error}")

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def percentile(values, p):
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))]


def manage(env, *args, capture=False):
    result = subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        text=True,
        stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
    )
    return result.stdout


def shell(env, code):
    """The last line `manage.py shell -c code` prints (start-up messages come before it)."""
    return manage(env, "shell", "-c", code, capture=True).strip().splitlines()[-1]


def wait_until_up(host, port, path, server, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit("gunicorn stopped while starting")
        try:
            connection = http.client.HTTPConnection(host, port, timeout=5)
            connection.request("GET", path)
            if connection.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise SystemExit("gunicorn did not answer in time")


def server_times(log_path, start, method):
    """Milliseconds gunicorn's access log gives each request of `method` to the register form."""
    pattern = re.compile(rf'"{method} [^"]*/register/[^"]*" (\d+) \S+ (\d+)ms')
    return [int(m.group(2)) / 1000 for m in pattern.finditer(Path(log_path).read_bytes()[start:].decode())]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--delegates", type=int, default=1000)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seats", type=int, default=50)
    parser.add_argument("--port", type=int, default=int(os.environ.get("BENCH_PORT", "8770")))
    parser.add_argument("--postgres", default=os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432"))
    parser.add_argument("--redis", default=os.environ.get("BENCH_REDIS", "redis://127.0.0.1:6379/8"))
    parser.add_argument(
        "--database-prefix",
        default=os.environ.get("BENCH_DATABASE_PREFIX", "wic_burst_"),
        help="The throw-away database's name starts with this (a random suffix follows).",
    )
    parser.add_argument("--conn-max-age", type=int, default=60, help="Seconds a worker keeps its connection.")
    parser.add_argument(
        "--forms-first",
        action="store_true",
        help="Every delegate fetches the form before the burst; the burst (and the rate) is the POSTs alone.",
    )
    parser.add_argument("--keep", action="store_true", help="Keep the database (its name is printed).")
    options = parser.parse_args()

    run_id = secrets.token_hex(3)
    database = f"{options.database_prefix}{run_id}"
    pg = urllib.parse.urlsplit(options.postgres)
    pg_args = ["-h", pg.hostname or "127.0.0.1", "-p", str(pg.port or 5432), "-U", pg.username or "postgres"]
    host = "127.0.0.1"
    workdir = Path(tempfile.mkdtemp(prefix="wicplanner-burst-"))
    access_log = workdir / "access.log"
    env = {
        **os.environ,
        # Connections kept between requests, as docs/deploy.md advises for production (0: one per request).
        "DATABASE_URL": f"{options.postgres.rstrip('/')}/{database}?conn_max_age={options.conn_max_age}",
        "REDIS_URL": options.redis,
        "DEBUG": "false",
        "SECRET_KEY": "burst-only-secret-key-" + secrets.token_hex(16),
        "ALLOWED_HOSTS": f"{host},localhost",
        "SITE_URL": f"http://{host}:{options.port}",
        "SESSION_COOKIE_SECURE": "false",
        "CSRF_COOKIE_SECURE": "false",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "0",
        "REGISTRATION_RATE": "off",
        "OUTBOX_SEND_AFTER_COMMIT": "false",
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
        "LOG_LEVEL": "WARNING",
        "WEB_CONCURRENCY": str(options.workers),
        "GUNICORN_BIND": f"{host}:{options.port}",
        "GUNICORN_ACCESS_LOG": str(access_log),
        # Every delegate opens a connection per request; no worker recycling in the middle of the burst.
        "GUNICORN_MAX_REQUESTS": "0",
    }
    subprocess.run(["createdb", *pg_args, database], check=True)
    server = None
    try:
        manage(env, "migrate", "--noinput")
        manage(env, "collectstatic", "--noinput")
        manage(
            env,
            "generate_summit",
            "--slug",
            SLUG,
            "--days",
            "1",
            "--rooms",
            "2",
            "--sessions",
            "6",
            "--speakers",
            "6",
            "--start",
            time.strftime("%Y-%m-%d", time.gmtime(time.time() + 60 * 86400)),
            "--open-registration",
        )
        session = int(shell(env, SETUP.format(slug=SLUG, seats=options.seats)))
        server = subprocess.Popen(
            [PYTHON, "-m", "gunicorn", "wicplanner.wsgi", "-c", "deploy/gunicorn.conf.py"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=(workdir / "error.log").open("w"),
        )
        path = f"/{SLUG}/register/"
        wait_until_up(host, options.port, path, server)
        # One delegate's form, fetched once per worker before the clock starts: warm processes, as in production.
        for _ in range(options.workers * 2):
            Delegate(host, options.port, path, 0, run_id).request("GET", path)
        time.sleep(0.5)
        log_start = access_log.stat().st_size  # the warm-up's lines are not counted

        delegates = [Delegate(host, options.port, path, n + 1, run_id) for n in range(options.delegates)]

        def both(i):
            get_time, error = delegates[i].fetch()
            post_time, error = (None, error) if error else delegates[i].send()
            return get_time, post_time, error

        def post(i):
            return (None, "no form") if delegates[i].form is None else delegates[i].send()

        began = time.perf_counter()
        if options.forms_first:
            # Everyone has the form open when registration opens: only the POSTs are in the burst.
            fetched = in_parallel(options.clients, options.delegates, lambda i: delegates[i].fetch())
            began = time.perf_counter()
            sent = in_parallel(options.clients, options.delegates, post)
            results = [(g[0], p[0], g[1] or p[1]) for g, p in zip(fetched, sent, strict=True)]
        else:
            results = in_parallel(options.clients, options.delegates, both)
        elapsed = time.perf_counter() - began
        time.sleep(0.5)  # the access log's last lines

        counts = json.loads(shell(env, COUNTS.format(slug=SLUG, session=session)))
        report(options, results, elapsed, counts, access_log, log_start, run_id)
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        if not options.keep:
            subprocess.run(["dropdb", *pg_args, "--if-exists", database], check=False)
        else:
            print(f"database kept: {database}")


def report(options, results, elapsed, counts, access_log, log_start, run_id):
    errors = [r[2] for r in results if r and r[2]]
    gets = [r[0] for r in results if r[0] is not None]
    posts = [r[1] for r in results if r[1] is not None and not r[2]]
    ok = len(results) - len(errors)
    expected = {f"delegate{n:05d}.{run_id}@example.org" for n in range(1, options.delegates + 1)}
    missing = len(expected - set(counts["emails"]))
    seats_expected = min(options.seats, options.delegates)
    waiting_expected = options.delegates - seats_expected
    server_post = server_times(access_log, log_start, "POST")
    server_get = server_times(access_log, log_start, "GET")

    def ms(values, p):
        return f"{percentile(values, p) * 1000:7.0f}"

    def row(label, values):
        mean = statistics.fmean(values) * 1000 if values else float("nan")
        spread = " ".join(ms(values, p) for p in (50, 95, 99, 100))
        return f"  {label:<28}{len(values):>6} {mean:7.0f} {spread}"

    rate = ok / elapsed * 60
    cores = os.cpu_count()
    load = os.getloadavg()[0]
    print()
    print(
        f"Registration burst: {options.delegates} delegates, one sub-forum with {options.seats} seats, "
        f"{options.clients} clients, gunicorn {options.workers} workers (sync), PostgreSQL (conn_max_age="
        f"{options.conn_max_age}) + Redis, DEBUG off"
    )
    print(f"  machine: {cores} cores, load average {load:.1f} after the run (other jobs share it)")
    burst = "POSTs only, forms fetched before" if options.forms_first else "GET form + POST each"
    print(
        f"  burst ({burst}): {elapsed:.1f} s   registrations: {ok}   rate: {rate:,.0f}/min "
        f"(target >= 3,000/min)   errors: {len(errors)}"
    )
    print(f"  {'latency, ms':<28}{'n':>6} {'mean':>7} {'p50':>7} {'p95':>7} {'p99':>7} {'max':>7}")
    print(row("POST register (client)", posts))
    print(row("POST register (gunicorn)", server_post))
    print(row("GET form (client)", gets))
    print(row("GET form (gunicorn)", server_get))
    print(
        f"  database: {counts['registrations']} registrations ({missing} missing), "
        f"{counts['seats']} seats (expected {seats_expected}), {counts['waiting']} waiting (expected "
        f"{waiting_expected}), {counts['choices']} choices in all"
    )
    p95 = percentile(posts, 95)
    passed = (
        not errors
        and not missing
        and counts["seats"] == seats_expected
        and counts["waiting"] == waiting_expected
        and counts["registrations"] == options.delegates
    )
    print(
        f"  counts: {'OK' if passed else 'WRONG'}   target rate: {'met' if rate >= 3000 else 'missed'}   "
        f"target POST p95 <= 1 s: {'met' if p95 <= 1 else 'missed'}"
    )
    record(
        f"registration burst: {'posts alone' if options.forms_first else 'form + post'}",
        rate=f"{rate:,.0f} registrations/min",
        p50=f"{percentile(posts, 50) * 1000:,.0f} ms",
        p99=f"{percentile(posts, 99) * 1000:,.0f} ms",
        notes=f"POST p95 {p95 * 1000:,.0f} ms; {options.delegates:,} delegates, {options.clients} clients, "
        f"{options.workers} workers, PostgreSQL; {counts['seats']} seats / {counts['waiting']} waiting "
        f"({'right' if passed else 'WRONG'}), {len(errors)} errors; target >= 3,000/min, p95 <= 1 s",
    )
    if errors:
        shown = {}
        for error in errors:
            shown[error] = shown.get(error, 0) + 1
        for error, count in sorted(shown.items(), key=lambda item: -item[1])[:5]:
            print(f"  error x{count}: {error[:160]}")
    if not passed:
        sys.exit(1)


if __name__ == "__main__":
    main()
