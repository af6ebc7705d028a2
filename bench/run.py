"""Benchmarks: build a synthetic edition and time what organisers and attendees load most.

Run with `make bench`. Uses its own SQLite file (or DATABASE_URL if set) and prints one line per
measurement; copy the figures into docs/performance.md with the machine they were taken on.
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wicplanner.settings.base")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{tempfile.gettempdir()}/wicplanner-bench.sqlite3")
os.environ.setdefault("DEBUG", "true")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402


def measure(client, url, repeat=20):
    client.get(url)  # warm up
    timings = []
    reset_queries()
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    for _ in range(repeat):
        began = time.perf_counter()
        response = client.get(url)
        timings.append(time.perf_counter() - began)
        assert response.status_code == 200, (url, response.status_code)
    median = statistics.median(timings)
    print(f"{url:<55} {median * 1000:8.1f} ms median  {1 / median:7.1f} req/s  {len(queries):3d} queries")


def main():
    # Keep one connection, as a server process would, so queries are counted across requests.
    from django.core import signals
    from django.db import close_old_connections

    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    call_command("migrate", verbosity=0)
    began = time.perf_counter()
    call_command("generate_summit", slug="bench", sessions=600, rooms=30, speakers=1200, days=4, replace=True)
    print(f"generate_summit 600 sessions: {time.perf_counter() - began:.1f} s")
    user, _ = get_user_model().objects.get_or_create(
        username="bench", defaults={"is_staff": True, "is_superuser": True}
    )
    client = Client()
    client.force_login(user)
    reset_queries()
    measure(client, "/admin/agenda/session/")
    measure(client, "/admin/agenda/session/?clash=any")
    measure(client, "/admin/agenda/session/?q=forum")


if __name__ == "__main__":
    main()
