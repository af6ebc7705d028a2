"""The organisers' busiest admin pages on a synthetic 600-session edition, in one process.

Part of `make bench` (bench/run.py). Uses its own SQLite file (or DATABASE_URL if set) and prints one line per
page: the median of 20 requests after one to warm up, and the SQL queries of one request.
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
from results import ms, record  # noqa: E402

from agenda.models import Edition  # noqa: E402


def measure(client, label, url, repeat=20):
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
    record(
        f"admin: {label}",
        sql=len(queries),
        rate=f"{1 / median:,.0f}",
        p50=ms(median),
        p99=ms(max(timings)),
        notes=f"one process, test client; p99 is the slowest of {repeat}",
    )


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
    # The list opens on the current edition's sessions (a redirect that adds the filter): time the bench's.
    edition = Edition.objects.get(slug="bench").pk
    sessions = f"/admin/agenda/session/?edition__id__exact={edition}"
    measure(client, "sessions (100 of 600 a page, clash flags)", sessions)
    measure(client, "sessions that clash", sessions + "&clash=any")
    measure(client, "sessions, search", sessions + "&q=forum")


if __name__ == "__main__":
    main()
