"""The shared cache (Redis) as a cache only: when Redis is down or hung, pages are computed again, never broken.

Django's RedisCache raises on every call while Redis cannot be reached, which turns every cached page, the admin login
and the registration limiter into a 500. Here a failed read is a miss and a failed write is dropped, with short
timeouts, and after a failure Redis is left alone for a few seconds: a dead or hung server costs each process one
timeout per pause, not one per request.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

# Shared by the threads of a process (Django gives each thread its own cache object): {location: monotonic time}.
_paused_until: dict[str, float] = {}
_UNAVAILABLE = object()


class ResilientRedisCache(RedisCache):
    """Django's RedisCache that degrades instead of failing.

    OPTIONS take Redis's own connection options (`socket_connect_timeout`, `socket_timeout` …) plus `pause_seconds`:
    how long Redis is skipped after a failure (default 5).
    """

    def __init__(self, server, params):
        options = dict(params.get("OPTIONS") or {})
        self.pause_seconds = float(options.pop("pause_seconds", 5))
        options.setdefault("socket_connect_timeout", 0.5)
        options.setdefault("socket_timeout", 0.5)
        super().__init__(server, {**params, "OPTIONS": options})
        self._location = ",".join(self._servers)

    def _attempt(self, operation, fallback, *args, **kwargs):
        paused_until = _paused_until.get(self._location)
        if paused_until is not None and time.monotonic() < paused_until:
            return fallback
        try:
            result = operation(*args, **kwargs)
        except RedisError as error:
            _paused_until[self._location] = time.monotonic() + self.pause_seconds
            if paused_until is None:
                logger.warning(
                    "Cache unavailable (%s: %s); pages are computed without it, Redis is tried again every %g s.",
                    type(error).__name__,
                    error,
                    self.pause_seconds,
                )
            return fallback
        if paused_until is not None:
            _paused_until.pop(self._location, None)
            logger.info("Cache available again.")
        return result

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt(super().add, False, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._attempt(super().get, default, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt(super().set, None, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt(super().touch, False, key, timeout, version)

    def delete(self, key, version=None):
        return self._attempt(super().delete, False, key, version)

    def get_many(self, keys, version=None):
        return self._attempt(super().get_many, {}, keys, version)

    def has_key(self, key, version=None):
        return self._attempt(super().has_key, False, key, version)

    def incr(self, key, delta=1, version=None):
        result = self._attempt(super().incr, _UNAVAILABLE, key, delta, version)
        if result is _UNAVAILABLE:
            # What Django's caches raise for a key they do not hold: callers (django-ratelimit) expect it.
            raise ValueError(f"Key {key!r} not found: the cache is unavailable.")
        return result

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt(super().set_many, list(data), data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._attempt(super().delete_many, None, keys, version)

    def clear(self):
        return self._attempt(super().clear, False)
