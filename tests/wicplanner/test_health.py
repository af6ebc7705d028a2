"""/healthz and /readyz, as a load balancer probes them."""

import pytest
from django.db import OperationalError, connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from wicplanner import cache as resilient_cache

pytestmark = pytest.mark.django_db

DEAD_REDIS = {
    "default": {
        "BACKEND": "wicplanner.cache.ResilientRedisCache",
        "LOCATION": "redis://127.0.0.1:1/3",
        "OPTIONS": {"socket_connect_timeout": 0.3, "socket_timeout": 0.3},
    }
}


@pytest.fixture(autouse=True)
def no_pause_left_over():
    resilient_cache._paused_until.clear()
    yield
    resilient_cache._paused_until.clear()


@pytest.fixture
def production(settings):
    """HTTPS redirect on and a strict host list, as in production."""
    settings.SECURE_SSL_REDIRECT = True
    settings.ALLOWED_HOSTS = ["wic.example.org"]


def probe(path, **extra):
    # A load balancer: plain HTTP, the server's own address as Host, no cookies.
    return Client().get(path, HTTP_HOST="10.0.3.17:8000", **extra)


def assert_not_for_caches_nor_cookies(response):
    assert "no-store" in response["Cache-Control"]
    assert "Set-Cookie" not in response.headers
    assert "Vary" not in response.headers


@pytest.mark.usefixtures("production")
def test_healthz_says_the_process_answers_without_asking_the_database():
    with CaptureQueriesContext(connection) as queries:
        response = probe("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert len(queries) == 0
    assert_not_for_caches_nor_cookies(response)


@pytest.mark.usefixtures("production")
def test_readyz_checks_the_database_and_the_cache():
    with CaptureQueriesContext(connection) as queries:
        response = probe("/readyz")

    assert response.status_code == 200
    assert response.json() == {"status": "ready", "database": "ok", "cache": "ok"}
    assert len(queries) == 1
    assert_not_for_caches_nor_cookies(response)


@pytest.mark.usefixtures("production")
def test_readyz_is_a_503_when_the_database_cannot_answer():
    def fail(execute, sql, params, many, context):
        raise OperationalError("connection refused")

    with connection.execute_wrapper(fail):
        response = probe("/readyz")

    assert response.status_code == 503
    assert response["Retry-After"] == "10"
    assert response.json() == {"status": "unavailable", "database": "unavailable", "cache": "ok"}


@pytest.mark.usefixtures("production")
def test_readyz_stays_ready_when_only_the_cache_is_down(settings):
    # Pages are slower without the cache but work: a shared Redis down must not take every server out.
    settings.CACHES = DEAD_REDIS

    response = probe("/readyz")

    assert response.status_code == 200
    assert response.json() == {"status": "ready", "database": "ok", "cache": "unavailable"}


@pytest.mark.parametrize("path", ["/zh-hans/healthz", "/healthz/", "/zh-hans/readyz"])
def test_the_probes_have_one_address_each_outside_the_languages(client, path):
    response = client.get(path, follow=True)

    assert response.status_code == 404  # an edition that does not exist, not a probe


def test_the_probes_only_answer_reads(client):
    response = client.post("/readyz")

    assert response.status_code == 405
    assert client.head("/healthz").status_code == 200
