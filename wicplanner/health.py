"""/healthz and /readyz for load balancers and orchestrators.

Answered by the first middleware, before the host check, the HTTPS redirect, sessions, CSRF, languages and any
throttle: a load balancer probes each server by its own address, over plain HTTP, and must get an answer about the
process, not a redirect or a 400. Neither answer says anything about the request, and neither may be cached.

- /healthz: the process answers. Touches neither the database nor the cache (restarting a process cannot fix them).
- /readyz: may this server take traffic? The database is required: without it nothing works, so 503 and the load
  balancer sends traffic elsewhere. The cache is reported but does not decide: it degrades to slower pages
  (wicplanner/cache.py), and a shared Redis that is down would otherwise take every server out at once, turning
  slower pages into no pages at all.
"""

import logging
import secrets

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import HttpResponseNotAllowed, JsonResponse
from django.utils.cache import add_never_cache_headers

from wicplanner.db.postgresql.base import wait_limit
from wicplanner.failures import RETRY_AFTER_SECONDS

logger = logging.getLogger(__name__)

HEALTH_PATH = "/healthz"
READY_PATH = "/readyz"
# A database that does not answer /readyz within this long is not ready: the probe answers before the load
# balancer's own timeout (PostgreSQL: a kept connection's round trip, wicplanner/db/postgresql).
READY_DATABASE_SECONDS = 2


def _answer(body, status=200):
    response = JsonResponse(body, status=status)
    response["Content-Length"] = len(response.content)  # this answer comes before the middleware that would add it
    add_never_cache_headers(response)
    return response


def healthz(request):
    return _answer({"status": "ok"})


def _database_state():
    try:
        with wait_limit(READY_DATABASE_SECONDS), connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        logger.warning("Readiness: database unavailable: %s", error)
        return "unavailable"
    return "ok"


def _cache_state():
    # A round trip through the cache as pages use it, under a key of its own (servers share the cache).
    key = f"readyz:{secrets.token_hex(8)}"
    try:
        cache.set(key, 1, 10)
        state = "ok" if cache.get(key) == 1 else "unavailable"
        cache.delete(key)
    except Exception as error:  # a cache that raises rather than degrades is still only reported
        logger.warning("Readiness: cache unavailable: %s", error)
        return "unavailable"
    return state


def readyz(request):
    checks = {"database": _database_state(), "cache": _cache_state()}
    ready = checks["database"] == "ok"
    response = _answer({"status": "ready" if ready else "unavailable", **checks}, status=200 if ready else 503)
    if not ready:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


PROBES = {HEALTH_PATH: healthz, READY_PATH: readyz}


class HealthCheckMiddleware:
    """First in MIDDLEWARE: answers the probes before anything else looks at the request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        probe = PROBES.get(request.path_info)
        if probe is None:
            return self.get_response(request)
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        return probe(request)
