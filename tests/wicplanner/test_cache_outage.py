"""Redis down or hung: pages get slower, never fail; the admin login and registration work; nothing is lost."""

import logging
import secrets
import socket
import threading
import time
import types

import pytest
from django.core.cache import cache
from django.urls import reverse

from attendees.models import Registration
from tests.factories import EditionFactory, SessionFactory
from tests.factories.attendees import delegate_data, open_registration
from wicplanner import cache as resilient_cache

pytestmark = pytest.mark.django_db

REAL_REDIS = "redis://127.0.0.1:6379/3"


def redis_cache_settings(location, *, backend="wicplanner.cache.ResilientRedisCache", **options):
    options = {"socket_connect_timeout": 0.3, "socket_timeout": 0.3, **options}
    if backend != "wicplanner.cache.ResilientRedisCache":
        options.pop("pause_seconds", None)
    return {"default": {"BACKEND": backend, "LOCATION": location, "OPTIONS": options}}


@pytest.fixture(autouse=True)
def no_pause_left_over():
    resilient_cache._paused_until.clear()
    yield
    resilient_cache._paused_until.clear()


@pytest.fixture
def dead_redis(settings):
    """Nothing listens on port 1: every connection is refused at once."""
    settings.CACHES = redis_cache_settings("redis://127.0.0.1:1/3")


class HungRedis:
    """Accepts connections and never answers, like a Redis that is stuck: counts the connections it gets."""

    def __init__(self):
        self.server = socket.create_server(("127.0.0.1", 0))
        self.server.settimeout(0.1)
        self.connections = []
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.server.getsockname()[1]}/3"

    def _accept(self):
        while not self.stopped.is_set():
            try:
                connection, _address = self.server.accept()
            except TimeoutError:
                continue
            self.connections.append(connection)

    def connections_after(self, seconds=1.0):
        """How many connections were made, once those already knocking have been let in."""
        time.sleep(seconds)
        return len(self.connections)

    def close(self):
        self.stopped.set()
        self.thread.join()
        for connection in self.connections:
            connection.close()
        self.server.close()


@pytest.fixture
def hung_redis():
    server = HungRedis()
    yield server
    server.close()


@pytest.fixture
def real_redis(settings):
    """The machine's Redis, under a key prefix of this test's own."""
    import redis

    client = redis.Redis.from_url(REAL_REDIS)
    try:
        client.ping()
    except redis.ConnectionError:
        pytest.skip("no Redis at 127.0.0.1:6379")
    prefix = f"test-{secrets.token_hex(6)}"
    settings.CACHES = redis_cache_settings(REAL_REDIS)
    settings.CACHES["default"]["KEY_PREFIX"] = prefix
    yield client
    keys = list(client.scan_iter(f"{prefix}:*"))
    if keys:
        client.delete(*keys)


@pytest.fixture
def edition():
    edition = open_registration(EditionFactory(slug="2031", year=2031, is_current=True))
    SessionFactory(edition=edition, title="Digital Economy Forum", slug="digital-economy")
    return edition


def public_pages(edition):
    return [
        reverse("agenda:home"),
        reverse("agenda:edition_home", args=[edition.slug]),
        reverse("agenda:agenda", args=[edition.slug]),
        reverse("agenda:session_detail", args=[edition.slug, "digital-economy"]),
        reverse("agenda:schedule_ics", args=[edition.slug]),
        f"/api/editions/{edition.slug}/sessions/",
    ]


def sign_in(client, organiser):
    data = {"username": "organiser", "password": "pw-organiser", "next": reverse("admin:index")}
    return client.post(reverse("admin:login"), data)


def register(client, edition, n):
    data = {**delegate_data(n), "consent": "on", "phone": "", "dietary_needs": "", "accessibility_needs": ""}
    return client.post(reverse("attendees:register", args=[edition.slug]), data)


def cache_warnings(caplog):
    return [record for record in caplog.records if record.name == "wicplanner.cache"]


# --- Redis down ----------------------------------------------------------------------------------------------------


def test_public_pages_answer_while_redis_is_down(client, edition, dead_redis, caplog):
    caplog.set_level(logging.INFO)

    codes = {url: client.get(url).status_code for url in public_pages(edition)}

    assert codes == dict.fromkeys(public_pages(edition), 200)
    assert "Digital Economy Forum" in client.get(reverse("agenda:agenda", args=[edition.slug])).content.decode()
    # One warning for the outage, not one per request.
    assert [record.levelname for record in cache_warnings(caplog)] == ["WARNING"]
    assert "Cache unavailable" in cache_warnings(caplog)[0].getMessage()


@pytest.mark.usefixtures("dead_redis")
def test_an_organiser_signs_in_while_redis_is_down(client, organiser):
    response = sign_in(client, organiser)

    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")
    assert client.get(reverse("admin:index")).status_code == 200


@pytest.mark.usefixtures("dead_redis")
def test_registrations_are_saved_while_redis_is_down_even_beyond_the_rate(client, edition, settings, caplog):
    settings.REGISTRATION_RATE = "1/m"

    codes = [register(client, edition, n).status_code for n in range(3)]

    # The limiter cannot count: it lets every attempt through rather than lose a registration, and says so.
    assert codes == [302, 302, 302]
    assert sorted(Registration.objects.values_list("email", flat=True)) == [
        "delegate0@example.org",
        "delegate1@example.org",
        "delegate2@example.org",
    ]
    let_through = [r for r in caplog.records if r.name == "attendees.ratelimit" and r.levelname == "WARNING"]
    assert len(let_through) == 3
    assert "could not be counted" in let_through[0].getMessage()


def test_the_limiter_lets_attempts_through_when_the_cache_raises(client, edition, settings, caplog):
    """Django's own Redis backend raises when Redis is down: the limiter still does not lose the registration."""
    django_redis = "django.core.cache.backends.redis.RedisCache"
    settings.CACHES = redis_cache_settings("redis://127.0.0.1:1/3", backend=django_redis)
    settings.REGISTRATION_RATE = "1/m"

    response = register(client, edition, 1)

    assert response.status_code == 302
    assert Registration.objects.filter(email="delegate1@example.org").exists()
    assert any(r.name == "attendees.ratelimit" and "could not be counted" in r.getMessage() for r in caplog.records)


@pytest.mark.usefixtures("dead_redis")
def test_a_down_cache_reads_as_misses_and_drops_writes():
    assert cache.get("key") is None
    assert cache.get("key", "fallback") == "fallback"
    assert cache.get_or_set("key", lambda: "computed") == "computed"
    assert cache.add("key", 1) is False
    assert cache.set("key", 1) is None
    assert cache.set_many({"a": 1, "b": 2}) == ["a", "b"]
    assert cache.get_many(["a", "b"]) == {}
    assert cache.has_key("a") is False
    assert cache.delete("a") is False
    with pytest.raises(ValueError):
        cache.incr("counter")


# --- Redis hung ----------------------------------------------------------------------------------------------------


def test_a_hung_redis_costs_one_timeout_per_pause_not_one_per_request(client, edition, settings, hung_redis):
    settings.CACHES = redis_cache_settings(hung_redis.url, pause_seconds=2)
    url = reverse("agenda:agenda", args=[edition.slug])

    started = time.monotonic()
    codes = [client.get(url).status_code for _ in range(6)]
    elapsed = time.monotonic() - started

    assert codes == [200] * 6
    assert hung_redis.connections_after(0.3) == 1  # tried once, then left alone
    assert elapsed < 3  # one timeout, not one per cache call (6 requests × at least 2 calls × 0.3 s = 3.6 s)

    time.sleep(2)  # the pause is over: Redis is tried again
    assert client.get(url).status_code == 200
    assert hung_redis.connections_after(0.3) == 2


# --- Redis up ------------------------------------------------------------------------------------------------------


def test_with_redis_up_pages_are_served_from_it(client, edition, real_redis):
    url = reverse("agenda:agenda", args=[edition.slug])

    first = client.get(url)
    second = client.get(url)

    assert (first.status_code, second.status_code) == (200, 200)
    assert second.content == first.content
    prefix = cache.key_prefix
    assert any(key.startswith(f"{prefix}:".encode()) for key in real_redis.scan_iter(f"{prefix}:*programme-page*"))


def test_with_redis_up_the_organiser_signs_in_and_delegates_register_within_the_rate(
    client, edition, organiser, real_redis, settings, monkeypatch
):
    import django_ratelimit.core

    # The limiter counts per minute: keep the attempts inside one, whatever the clock says.
    monkeypatch.setattr(django_ratelimit.core, "time", types.SimpleNamespace(time=lambda: 1_800_000_000.0))
    settings.REGISTRATION_RATE = "2/m"

    assert sign_in(client, organiser).status_code == 302
    client.logout()
    codes = [register(client, edition, n).status_code for n in range(3)]

    assert codes == [302, 302, 429]  # counted in Redis
    assert Registration.objects.count() == 2
