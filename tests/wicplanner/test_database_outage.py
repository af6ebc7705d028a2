"""The database down or hung: a 503 with Retry-After within seconds (JSON for the API), never a 500 after 30 s."""

import contextlib
import json
import os
import select
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import psycopg
import pytest
from django.db import OperationalError, connection
from django.test import Client, RequestFactory
from django.urls import reverse

from attendees.models import Registration
from tests.factories import EditionFactory, SessionFactory
from tests.factories.attendees import delegate_data, open_registration
from wicplanner.failures import server_error

BASE_DIR = Path(__file__).resolve().parent.parent.parent
MESSAGE = "The site is briefly unavailable. Please try again in a few seconds."

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="statement timeouts are PostgreSQL's (DATABASE_URL=postgres://…)"
)


@pytest.fixture
def edition(db):
    edition = open_registration(EditionFactory(slug="2031", year=2031, is_current=True))
    SessionFactory(edition=edition, title="Digital Economy Forum", slug="digital-economy")
    return edition


@contextlib.contextmanager
def database_unreachable():
    """Every query fails as it does when the server is gone (Django's hook around each query)."""

    def fail(execute, sql, params, many, context):
        raise OperationalError("connection to server at 127.0.0.1, port 5432 failed: Connection refused")

    with connection.execute_wrapper(fail):
        yield


def assert_is_the_503_page(response):
    assert response.status_code == 503
    assert response["Retry-After"] == "10"
    assert "no-store" in response["Cache-Control"]
    assert response["Content-Type"] == "text/html; charset=utf-8"
    html = response.content.decode()
    # The page itself was rendered (it asks the database nothing), not the plain-text fallback.
    assert '<h1 class="h2">Briefly unavailable</h1>' in html
    assert MESSAGE in html
    assert "Set-Cookie" not in response.headers


# --- In this process: the database refuses every query --------------------------------------------------------------


def test_a_page_is_a_503_with_retry_after_when_the_database_is_unreachable(client, edition):
    with database_unreachable():
        response = client.get(reverse("agenda:agenda", args=[edition.slug]))

    assert_is_the_503_page(response)


def test_the_api_answers_json(client, edition):
    with database_unreachable():
        response = client.get(f"/api/editions/{edition.slug}/sessions/")

    assert response.status_code == 503
    assert response["Retry-After"] == "10"
    assert response.json() == {"detail": MESSAGE}


def test_the_page_speaks_the_language_of_its_address(client, edition):
    with database_unreachable():
        response = client.get(f"/zh-hans/{edition.slug}/agenda/")

    assert response.status_code == 503
    html = response.content.decode()
    assert '<html lang="zh-Hans">' in html
    assert "暂时无法访问" in html


def test_a_registration_sent_meanwhile_is_a_503_and_can_be_sent_again(client, edition):
    url = reverse("attendees:register", args=[edition.slug])
    data = {**delegate_data(1), "consent": "on", "phone": "", "dietary_needs": "", "accessibility_needs": ""}

    with database_unreachable():
        refused = client.post(url, data)
    again = client.post(url, data)

    assert_is_the_503_page(refused)
    assert "go back and send it again" in refused.content.decode()
    assert again.status_code == 302
    assert Registration.objects.filter(email="delegate1@example.org").count() == 1


def test_the_admin_is_a_503_even_when_a_middleware_meets_the_database(edition):
    # The admin's time zone is read by a middleware, before any view: the site's 500 handler answers that one.
    client = Client(raise_request_exception=False)

    with database_unreachable():
        response = client.get(reverse("admin:login"))

    assert_is_the_503_page(response)


def test_other_errors_are_still_the_500_page(db):
    request = RequestFactory().get("/")

    try:
        raise ValueError("a bug")
    except ValueError:
        response = server_error(request)

    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()


# --- Another process, configured as in production, with the database really unreachable ---------------------------

PROBE = """
import json, time, django
django.setup()
from django.test import Client
client = Client(raise_request_exception=False)
answers = {}
for path in PATHS:
    started = time.monotonic()
    response = client.get(path)
    answers[path] = [response.status_code, response.get("Retry-After"), round(time.monotonic() - started, 2)]
print(json.dumps(answers))
"""


def answers_with_database_at(url, paths, **env):
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "wicplanner.settings.test",
        "DATABASE_URL": url,
        "DEBUG": "false",
        "SECRET_KEY": "test-only",
        "ALLOWED_HOSTS": "testserver",
        **env,
    }
    code = f"PATHS = {paths!r}\n{PROBE}"
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code], cwd=BASE_DIR, env=environment, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_with_nothing_listening_at_the_database_address_pages_api_and_admin_answer_503_at_once():
    paths = ["/", "/2024/agenda/", "/api/editions/", "/admin/login/", "/readyz", "/healthz"]

    answers = answers_with_database_at("postgres://postgres@127.0.0.1:1/wicplanner", paths)

    assert {path: answer[:2] for path, answer in answers.items()} == {
        "/": [503, "10"],
        "/2024/agenda/": [503, "10"],
        "/api/editions/": [503, "10"],
        "/admin/login/": [503, "10"],
        "/readyz": [503, "10"],
        "/healthz": [200, None],
    }
    # A refused connection is known at once, not after the 5 s connect timeout (the bound leaves room for a
    # loaded machine).
    assert max(answer[2] for answer in answers.values()) < 4


class SilentServer:
    """Accepts connections and never says a word, like a database server that hangs."""

    def __init__(self):
        self.server = socket.create_server(("127.0.0.1", 0), backlog=50)
        self.port = self.server.getsockname()[1]

    def close(self):
        self.server.close()


def test_a_database_that_never_answers_is_a_503_after_the_connect_timeout():
    silent = SilentServer()
    try:
        answers = answers_with_database_at(
            f"postgres://postgres@127.0.0.1:{silent.port}/wicplanner",
            ["/2024/agenda/", "/readyz"],
            DATABASE_CONNECT_TIMEOUT="2",
        )
    finally:
        silent.close()

    assert {path: answer[0] for path, answer in answers.items()} == {"/2024/agenda/": 503, "/readyz": 503}
    for _status, _retry, seconds in answers.values():
        assert 1.5 < seconds < 5


# --- PostgreSQL: the timeouts reach the server, and a hung statement is cut short -----------------------------------


@postgres_only
@pytest.mark.django_db
def test_connections_carry_the_connect_and_statement_timeouts():
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        (statement_timeout,) = cursor.fetchone()

    assert statement_timeout == "15s"
    assert connection.get_connection_params()["connect_timeout"] == 5


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_a_page_whose_query_hangs_is_a_503_once_the_statement_timeout_passes(client):
    edition = EditionFactory(slug="2031", year=2031, is_current=True)
    SessionFactory(edition=edition)
    url = reverse("agenda:agenda", args=[edition.slug])
    settings_dict = connection.settings_dict
    locked = threading.Event()
    release = threading.Event()

    def hold_the_table():
        # Another client (a stuck migration, a forgotten transaction) holds the editions table.
        with (
            psycopg.connect(
                host=settings_dict["HOST"],
                port=settings_dict["PORT"],
                user=settings_dict["USER"],
                password=settings_dict["PASSWORD"],
                dbname=settings_dict["NAME"],
            ) as other,
            other.transaction(),
        ):
            other.execute("LOCK TABLE agenda_edition IN ACCESS EXCLUSIVE MODE")
            locked.set()
            release.wait(timeout=30)

    holder = threading.Thread(target=hold_the_table)
    holder.start()
    try:
        assert locked.wait(timeout=10)
        with connection.cursor() as cursor:
            cursor.execute("SET statement_timeout = '400ms'")  # as DATABASE_STATEMENT_TIMEOUT=0.4 would
        started = time.monotonic()
        response = client.get(url)
        elapsed = time.monotonic() - started
    finally:
        release.set()
        holder.join()
        connection.close()

    assert_is_the_503_page(response)
    assert 0.4 <= elapsed < 3


# --- PostgreSQL behind a proxy that stalls: the kernel still takes the bytes, the server never answers ----------------


class StallingProxy:
    """Forwards to PostgreSQL until paused, then reads and forwards nothing (a hung server or pooler, or one
    stopped with `kill -STOP`): connections stay open and writes still succeed, but no answer ever comes."""

    def __init__(self, host, port):
        self.upstream = (host, port)
        self.server = socket.create_server(("127.0.0.1", 0), backlog=50)
        self.port = self.server.getsockname()[1]
        self.flowing = threading.Event()
        self.flowing.set()
        self.closed = threading.Event()
        self.sockets = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while not self.closed.is_set():
            try:
                client, _ = self.server.accept()
            except OSError:
                return
            upstream = socket.create_connection(self.upstream)
            self.sockets += [client, upstream]
            for source, target in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(source, target), daemon=True).start()

    def _pump(self, source, target):
        try:
            while not self.closed.is_set():
                self.flowing.wait()
                data = source.recv(65536)
                if not data:
                    break
                self.flowing.wait()  # what was read when the pause came is held too
                target.sendall(data)
        except OSError:
            pass
        finally:
            source.close()
            target.close()

    def pause(self):
        self.flowing.clear()
        time.sleep(0.2)  # a pump blocked in recv() reads one more packet and then holds it

    def resume(self):
        self.flowing.set()

    def close(self):
        self.closed.set()
        self.flowing.set()
        self.server.close()
        for each in self.sockets:  # the server's sessions end, and the test database can be dropped
            with contextlib.suppress(OSError):
                each.shutdown(socket.SHUT_RDWR)  # close() alone leaves a recv() under way, and the socket, open
            each.close()


CONVERSATION = """
import json, sys, time, django
django.setup()
from django.db import close_old_connections
from django.test import Client
client = Client(raise_request_exception=False)
for line in sys.stdin:
    started = time.monotonic()
    # What a WSGI server's request_started and request_finished do, and the test client leaves out.
    close_old_connections()
    response = client.get(line.strip())
    close_old_connections()
    answer = [response.status_code, response.get("Retry-After"), round(time.monotonic() - started, 2)]
    print(json.dumps(answer), flush=True)
"""


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_a_kept_connection_to_a_database_that_stops_answering_is_a_503_within_seconds_then_recovers():
    edition = EditionFactory(slug="2031", year=2031, is_current=True)
    SessionFactory(edition=edition)
    settings_dict = connection.settings_dict
    proxy = StallingProxy(settings_dict["HOST"] or "127.0.0.1", int(settings_dict["PORT"] or 5432))
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "wicplanner.settings.test",
        "DATABASE_URL": f"postgres://{settings_dict['USER']}@127.0.0.1:{proxy.port}/{settings_dict['NAME']}",
        "DATABASE_CONN_MAX_AGE": "60",  # the connection is kept between requests, as in production
        "DATABASE_CONNECT_TIMEOUT": "3",
        "DATABASE_WAIT_TIMEOUT": "3",
        "DEBUG": "false",
        "SECRET_KEY": "test-only",
        "ALLOWED_HOSTS": "testserver",
    }
    site = subprocess.Popen(  # noqa: S603
        [sys.executable, "-c", CONVERSATION],
        cwd=BASE_DIR,
        env=environment,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )

    def get(path):
        site.stdin.write(path + "\n")
        site.stdin.flush()
        answered, _, _ = select.select([site.stdout], [], [], 25)  # where gunicorn would kill the worker
        assert answered, f"{path}: no answer within 25 s"
        return json.loads(site.stdout.readline())

    try:
        warm = [get("/readyz"), get("/api/editions/")]
        proxy.pause()
        readiness = get("/readyz")  # its own 2 s limit, on the kept connection and on a new one
        proxy.resume()
        ready_again = get("/readyz")
        proxy.pause()
        page = get("/2031/agenda/")  # DATABASE_WAIT_TIMEOUT, then DATABASE_CONNECT_TIMEOUT for a new connection
        proxy.resume()
        recovered = [get("/2031/agenda/"), get("/readyz")]
    finally:
        site.kill()
        site.wait()
        proxy.close()

    assert [answer[0] for answer in warm] == [200, 200]
    assert readiness[:2] == [503, "10"]
    assert 2 <= readiness[2] < 5.5
    assert ready_again[0] == 200
    assert page[:2] == [503, "10"]
    assert 6 <= page[2] < 8
    assert [answer[0] for answer in recovered] == [200, 200]
