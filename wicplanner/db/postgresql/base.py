"""Django's PostgreSQL backend, where no request waits on a silent server for longer than WAIT_TIMEOUT.

The connect and statement timeouts (settings/base.py) do not cover a connection kept between requests whose
server stops answering while the network still accepts the bytes (a hung server, a stalled proxy or pooler):
the next query would wait until gunicorn kills the worker. Here every round trip on the connection (a query,
the health check, commit, rollback) gives up after OPTIONS["wait_timeout"] seconds: the connection is closed,
the next use opens a new one, and the error is an OperationalError like any other, answered by a 503
(wicplanner/failures.py). Set it above the statement timeout, so the server's own limit speaks first.
"""

import contextlib
import contextvars
import math

import psycopg
from django.db.backends.postgresql import base

_limit = contextvars.ContextVar("database_wait_limit", default=None)


class DatabaseWaitTimeout(psycopg.OperationalError):
    pass


@contextlib.contextmanager
def wait_limit(seconds):
    """A shorter limit inside the block, for the round trips and for opening a new connection (a readiness probe
    answers fast)."""
    token = _limit.set(seconds)
    try:
        yield
    finally:
        _limit.reset(token)


class WaitLimitedConnection(psycopg.Connection):
    wait_timeout = None

    def wait(self, gen, *args, timeout=None, **kwargs):
        limits = [value for value in (timeout, self.wait_timeout, _limit.get()) if value]
        try:
            return super().wait(gen, *args, timeout=min(limits, default=None), **kwargs)
        except psycopg.errors._WaitTimeout:  # psycopg's own, private: the version is pinned in requirements.txt
            if timeout is not None and timeout == min(limits):
                raise  # psycopg's own limit (notifies, a cancellation): its caller expects this error
            # The server may answer later, mid-way through the next query: this connection cannot be reused.
            self.pgconn.finish()
            raise DatabaseWaitTimeout(f"the database did not answer within {min(limits):g} s") from None


class DatabaseWrapper(base.DatabaseWrapper):
    def get_connection_params(self):
        params = super().get_connection_params()
        params.pop("wait_timeout", None)
        limit = _limit.get()
        if limit:  # a new connection made under a shorter limit gives up as soon (libpq counts whole seconds)
            params["connect_timeout"] = min(int(params.get("connect_timeout") or limit), math.ceil(limit))
        return params

    def get_new_connection(self, conn_params):
        connection = super().get_new_connection(conn_params)
        if isinstance(connection, psycopg.Connection):
            # Same object, one overridden method: psycopg's connect() builds its own class.
            connection.__class__ = WaitLimitedConnection
            connection.wait_timeout = self.settings_dict["OPTIONS"].get("wait_timeout")
        return connection
