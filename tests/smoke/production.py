"""The production mode, checked as CI runs it (.ci/run):

    python tests/smoke/production.py check      `manage.py check --deploy --fail-level WARNING`
    python tests/smoke/production.py gunicorn   gunicorn on PostgreSQL, DEBUG off: a page, a static file and
                                                an uploaded picture answer 200 with their types

Both run in the documented production environment, deploy/production.env.example (inline values below while
that file does not exist; a blank SECRET_KEY filled with a random one), with what only this machine can say
put over it: the database, Redis, the media directory (no bucket). `gunicorn` starts the app as `make serve`
does (bin/serve: gunicorn and the outbox worker) behind an imagined TLS proxy (X-Forwarded-Proto: https, the
Host named in ALLOWED_HOSTS), then stops it with SIGINT and expects both processes to end cleanly.

SMOKE_DATABASE_URL (a database it drops and recreates) and SMOKE_REDIS_URL point it elsewhere.
"""

import http.client
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import environ
import psycopg
from psycopg import sql

ROOT = Path(__file__).resolve().parent.parent.parent
PYTHON = sys.executable
ENV_FILE = ROOT / "deploy" / "production.env.example"
# Used only while deploy/production.env.example does not exist: a production site behind one TLS proxy.
INLINE_ENVIRONMENT = {
    "DEBUG": "false",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "wic.example.org",
    "CSRF_TRUSTED_ORIGINS": "https://wic.example.org",
    "SITE_URL": "https://wic.example.org",
    "TRUSTED_PROXY_COUNT": "1",
    "SECURE_SSL_REDIRECT": "true",
    "SECURE_HSTS_SECONDS": "31536000",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": "true",
    "SECURE_HSTS_PRELOAD": "true",
    "SESSION_COOKIE_SECURE": "true",
    "CSRF_COOKIE_SECURE": "true",
    "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
    "EMAIL_HOST": "smtp.example.org",
    "EMAIL_PORT": "587",
    "EMAIL_USE_TLS": "true",
}
DATABASE_URL = os.environ.get("SMOKE_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/wicplanner_smoke")
REDIS_URL = os.environ.get("SMOKE_REDIS_URL", "redis://127.0.0.1:6379/0")
STARTUP_SECONDS = 60
STOP_SECONDS = 45


class _FileEnv(environ.Env):
    ENVIRON = {}  # read_env fills this, not os.environ


def production_environment(*, media_root):
    if ENV_FILE.exists():
        _FileEnv.read_env(ENV_FILE, overwrite=True)
        documented, source = dict(_FileEnv.ENVIRON), ENV_FILE.relative_to(ROOT)
    else:
        documented, source = dict(INLINE_ENVIRONMENT), "the inline environment in tests/smoke/production.py"
    if not documented.get("SECRET_KEY"):
        documented["SECRET_KEY"] = secrets.token_urlsafe(50)  # the blank the file asks to fill, filled
    print(f"Production environment: {source}", flush=True)
    # Nothing from the caller's shell or a developer's .env decides a setting: only the documented values.
    environment = {name: value for name, value in os.environ.items() if name in ("PATH", "HOME", "LANG", "TMPDIR")}
    environment.update(documented)
    environment.update(
        DEBUG="false",
        DATABASE_URL=DATABASE_URL,
        REDIS_URL=REDIS_URL,
        MEDIA_ROOT=str(media_root),
        AWS_STORAGE_BUCKET_NAME="",  # pictures on this machine's disk, served by the app
        WEB_CONCURRENCY="2",
        DJANGO_SETTINGS_MODULE="wicplanner.settings.base",
    )
    return environment


def deploy_check():
    with tempfile.TemporaryDirectory() as media:
        environment = production_environment(media_root=media)
        command = [PYTHON, "manage.py", "check", "--deploy", "--fail-level", "WARNING"]
        return subprocess.run(command, cwd=ROOT, env=environment).returncode  # noqa: S603 (our own command)


def _database(action):
    config = environ.Env.db_url_config(DATABASE_URL)
    server = {"host": config["HOST"] or None, "port": config["PORT"] or None, "user": config["USER"] or None}
    with psycopg.connect(dbname="postgres", autocommit=True, connect_timeout=5, **server) as connection:
        name = sql.Identifier(config["NAME"])
        connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
        if action == "create":
            connection.execute(sql.SQL("CREATE DATABASE {}").format(name))


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Smoke:
    def __init__(self, port, host):
        self.port = port
        # As the TLS proxy forwards a request: the site's name, and the scheme the visitor used.
        self.headers = {"Host": host, "X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.7"}

    def get(self, path):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            connection.request("GET", path, headers=self.headers)
            response = connection.getresponse()
            return response.status, response.getheader("Content-Type", ""), response.getheaders(), response.read()
        finally:
            connection.close()

    def expect(self, path, content_type):
        status, found_type, headers, body = self.get(path)
        print(f"GET {path} → {status} {found_type} ({len(body)} bytes)", flush=True)
        if status != 200 or not found_type.startswith(content_type):
            raise AssertionError(f"{path}: expected 200 {content_type}, got {status} {found_type}")
        return headers, body.decode("utf-8", "replace") if content_type.startswith("text/") else body

    def wait_until_up(self, server):
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            if server.poll() is not None:
                raise AssertionError(f"bin/serve exited with {server.returncode} before answering")
            try:
                self.get("/robots.txt")
                return
            except OSError:
                time.sleep(0.5)
        raise AssertionError(f"gunicorn did not answer within {STARTUP_SECONDS} s")


def _first(pattern, page, what):
    found = re.search(pattern, page)
    if not found:
        raise AssertionError(f"no {what} in the page")
    return found.group(1)


def gunicorn_smoke():
    with tempfile.TemporaryDirectory() as media:
        environment = production_environment(media_root=media)
        allowed = environment.get("ALLOWED_HOSTS", "localhost").split(",")
        host = next(name.strip().lstrip(".") for name in allowed if name.strip() != "*")
        _database("create")
        try:
            subprocess.run([PYTHON, "bin/serve", "prepare"], cwd=ROOT, env=environment, check=True)  # noqa: S603
            # The 2024 edition with its expo's pictures, stored as an organiser's upload would be.
            load = [PYTHON, "manage.py", "load_demo", "--edition", "2024"]
            subprocess.run(load, cwd=ROOT, env=environment, check=True)  # noqa: S603
            port = _free_port()
            serve = [PYTHON, "bin/serve", "run", "--bind", f"127.0.0.1:{port}"]
            server = subprocess.Popen(serve, cwd=ROOT, env=environment)  # noqa: S603 (our own command)
            try:
                smoke = Smoke(port, host)
                smoke.wait_until_up(server)
                headers, page = smoke.expect("/2024/expo/", "text/html")
                if any(name.lower() == "set-cookie" for name, _value in headers):
                    raise AssertionError("a public page set a cookie")
                stylesheet = _first(r'href="(/static/css/site\.[0-9a-f]+\.css)"', page, "hashed stylesheet")
                smoke.expect(stylesheet, "text/css")
                picture = _first(r'src="(/media/[^"]+)"', page, "uploaded picture")
                smoke.expect(picture, "image/")
            finally:
                if server.poll() is None:
                    server.send_signal(signal.SIGINT)  # Ctrl-C
                try:
                    stopped = server.wait(STOP_SECONDS)
                except subprocess.TimeoutExpired:
                    server.kill()
                    raise AssertionError(f"bin/serve did not stop within {STOP_SECONDS} s of Ctrl-C")
            if stopped != 0:
                raise AssertionError(f"bin/serve ended with status {stopped} after Ctrl-C")
            print("gunicorn and the outbox worker stopped on Ctrl-C.", flush=True)
        finally:
            _database("drop")
    return 0


def main():
    commands = {"check": deploy_check, "gunicorn": gunicorn_smoke}
    if len(sys.argv) != 2 or sys.argv[1] not in commands:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        return commands[sys.argv[1]]()
    except (AssertionError, subprocess.CalledProcessError) as error:
        print(f"FAILED: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
