"""The first render of the agenda and the feeds after an organiser saves a change to the programme.

Every saved change gives the edition a new programme version, so every page and feed misses the page cache
once and is rendered afresh. This builds a throw-away SQLite database (or uses DATABASE_URL) with the
synthetic 600-session edition, renders each page once to warm the process, then for each round and page
changes one session's title and times that page's next request in the same process (Django's test client,
DEBUG off, the in-process cache). Prints the median per page.

    python bench/first_render.py [--rounds 5] [--save DIR] [--db PATH]

`--db PATH` uses (and builds, if missing) that SQLite file; `--save DIR` writes each page's body as rendered
before any change, to compare two versions of the code on the same database. From Python, `measure()` sets up,
builds and returns the figures as a list of dicts.
"""

import argparse
import atexit
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from results import record

ROOT = Path(__file__).resolve().parent.parent
# The pages with a target (issue: agenda day <= 80 ms, each feed <= 200 ms, <= 8 queries).
URLS = [
    ("agenda (one day, list)", "/bench/agenda/"),
    ("agenda (one day, grid)", "/bench/agenda/?day=2030-11-20&view=grid"),
    ("schedule.xml", "/bench/schedule.xml"),
    ("schedule.json", "/bench/schedule.json"),
    ("schedule.ics", "/bench/schedule.ics"),
]
TARGETS = {name: 80 if name.startswith("agenda (one day") else 200 for name, _ in URLS}
# The other pages of `make bench`'s table, timed the same way.
MORE_URLS = [
    ("home", "/bench/"),
    ("agenda search", "/bench/agenda/?day=all&q=forum+0042"),
    ("session page", "/bench/sessions/session-0100/"),
    ("speakers list", "/bench/speakers/"),
    ("speaker page", "/bench/speakers/person-0007/"),
    ("organisations", "/bench/organisations/"),
    ("API sessions", "/api/editions/bench/sessions/"),
]

# Also written by --save: the agenda's other views and a filtered calendar.
OTHER_URLS = [
    "/bench/agenda/?day=all",
    "/bench/agenda/?day=all&q=forum+0042",
    "/bench/agenda/?day=2030-11-21&view=grid",
    "/bench/agenda/?day=2030-11-20&room=room-03",
    "/bench/schedule.ics?topic=topic-2",
]


def setup(db_path=None):
    """Configure Django for the bench (DEBUG off, in-process cache) on its own database."""
    sys.path.insert(0, str(ROOT))
    if db_path or not os.environ.get("DATABASE_URL"):
        if not db_path:
            workdir = tempfile.mkdtemp(prefix="wicplanner-first-render-")
            atexit.register(shutil.rmtree, workdir, ignore_errors=True)
        path = db_path or Path(workdir) / "bench.sqlite3"
        os.environ["DATABASE_URL"] = f"sqlite:///{path}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wicplanner.settings.base")
    os.environ["DEBUG"] = "false"
    os.environ.setdefault("SECRET_KEY", "bench-only-secret-key-0123456789abcdef")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    os.environ["REDIS_URL"] = ""
    import django

    django.setup()


def build():
    from django.core.management import call_command

    from agenda.models import Edition

    call_command("migrate", "--noinput", verbosity=0)
    call_command("collectstatic", "--noinput", verbosity=0)  # DEBUG off: pages link the hashed names
    if not Edition.objects.filter(slug="bench").exists():
        call_command("generate_summit", slug="bench", sessions=600, rooms=30, speakers=1200, days=4, verbosity=0)


def _changed_session(round_number):
    """A session on the agenda's first day, a different one each round, with its title changed."""
    from agenda.models import Edition

    edition = Edition.objects.get(slug="bench")
    sessions = edition.sessions.filter(start__date=edition.start_date).order_by("start", "pk")
    session = sessions[(round_number * 7) % sessions.count()]
    session.title = f"{session.title.split(' · ')[0]} · {time.time_ns()}"
    session.save()


def first_renders(rounds=5, urls=URLS):
    """[{url, first_render_ms, cpu_ms, queries, bytes}, …]: the median first render of each page after a change
    (wall-clock and this process's CPU time, which other work on the machine disturbs less), the most SQL
    queries it took and its size."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    for _, url in urls:  # Warm the process: imports, templates, translations.
        assert client.get(url).status_code == 200, url
    timings = {url: [] for _, url in urls}
    cpu = {url: [] for _, url in urls}
    queries = {url: [] for _, url in urls}
    sizes = {}
    for round_number in range(rounds):
        for _, url in urls:
            _changed_session(round_number)
            with CaptureQueriesContext(connection) as captured:
                began, began_cpu = time.perf_counter(), time.process_time()
                response = client.get(url)
                timings[url].append(time.perf_counter() - began)
                cpu[url].append(time.process_time() - began_cpu)
            assert response.status_code == 200, (url, response.status_code)
            queries[url].append(len(captured))
            sizes[url] = len(response.content)
    return [
        {
            "url": url,
            "first_render_ms": round(statistics.median(timings[url]) * 1000, 1),
            "cpu_ms": round(statistics.median(cpu[url]) * 1000, 1),
            "queries": max(queries[url]),
            "bytes": sizes[url],
        }
        for _, url in urls
    ]


def measure(rounds=5, db_path=None):
    """Set up Django, build the edition and return `first_renders(rounds)`: for `make bench`'s table."""
    setup(db_path)
    build()
    return first_renders(rounds)


def save_pages(directory):
    from django.test import Client

    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    client = Client()
    for url in [url for _, url in URLS] + OTHER_URLS:
        name = url.strip("/").replace("/", "_").replace("?", "_").replace("=", "-")
        (directory / name).write_bytes(client.get(url).content)
        (directory / f"{name}.zh").write_bytes(client.get(f"/zh-hans{url}").content)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--save", help="write each page's body to this directory first")
    parser.add_argument("--db", help="SQLite file to use (built if missing)")
    parser.add_argument("--all", action="store_true", help="time every page of make bench's table, not only five")
    options = parser.parse_args()
    setup(options.db)
    build()
    if options.save:
        save_pages(options.save)
    urls = URLS + MORE_URLS if options.all else URLS
    print("| page | first render (median) | CPU time (median) | SQL queries | size |")
    print("|---|---|---|---|---|")
    for (name, _), row in zip(urls, first_renders(options.rounds, urls), strict=True):
        size = f"{row['bytes'] / 1024:.0f} KiB"
        timing = f"{row['first_render_ms']:.0f} ms | {row['cpu_ms']:.0f} ms"
        print(f"| {name} `{row['url']}` | {timing} | {row['queries']} | {size} |")
        target = TARGETS.get(name)
        record(
            name,
            path=row["url"],
            sql=row["queries"],
            first_render=f"{row['first_render_ms']:.0f} ms" + (f" (target ≤ {target} ms)" if target else ""),
        )


if __name__ == "__main__":
    main()
