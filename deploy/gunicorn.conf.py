"""gunicorn's settings for WIC Planner: `gunicorn -c deploy/gunicorn.conf.py wicplanner.wsgi`.

Each value can be given in the environment (bin/serve and `make serve` start gunicorn with this file).
Sizing and the reasons: docs/deploy.md.
"""

import os


def _int(name, default):
    return int(os.environ.get(name) or default)


# Where to listen: the address the proxy or load balancer forwards to (`--bind` overrides it).
bind = [os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")]
# Pages are mostly CPU (rendering, or a cache hit): about two processes per core. WEB_CONCURRENCY is the name
# platforms and gunicorn itself use.
workers = _int("WEB_CONCURRENCY", 2 * (os.cpu_count() or 1))
# A request still running after this many seconds is killed and its worker replaced. The slowest page (a large
# edition's first render after a change) takes about a second; the database and the cache answer in a few, and a
# database that does not is a 503 first (DATABASE_WAIT_TIMEOUT plus DATABASE_CONNECT_TIMEOUT: keep them below).
timeout = _int("GUNICORN_TIMEOUT", 30)
# On SIGTERM (a deploy, Ctrl-C in bin/serve) requests under way may finish for this long.
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 20)
# Behind a load balancer that keeps connections open: longer than gunicorn's 2 s default.
keepalive = _int("GUNICORN_KEEPALIVE", 5)
# A worker is replaced after this many requests (with jitter, not all at once), so memory cannot creep.
max_requests = _int("GUNICORN_MAX_REQUESTS", 2000)
max_requests_jitter = max_requests // 10

# One line per request on stdout, with its duration in milliseconds; errors on stderr.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = "-"
access_log_format = '%(h)s %(t)s "%(r)s" %(s)s %(b)s %(M)sms "%(f)s" "%(a)s"'

# Heartbeat files in memory, not on a disk that may stall (containers).
_memory = "/dev/shm"  # noqa: S108 (gunicorn's own advice; the files hold no data)
worker_tmp_dir = _memory if os.path.isdir(_memory) else None
# No control socket: its default path is shared by every gunicorn of the account (bench, tests, a second app).
control_socket_disable = True
