"""bin/serve keeps the site answering when the database is unreachable, and restarts an outbox worker that exits."""

import http.client
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PORT = 8841


def get(path):
    connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=10)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def outbox_workers(serve):
    """The process ids of the outbox workers bin/serve runs."""
    children = Path(f"/proc/{serve.pid}/task/{serve.pid}/children").read_text().split()
    found = []
    for pid in children:
        try:
            command = Path(f"/proc/{pid}/cmdline").read_bytes()
        except FileNotFoundError:
            continue  # it has just ended
        if b"send_notifications" in command:
            found.append(int(pid))
    return found


def eventually(check, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            result = check()
        except OSError:
            result = None
        if result:
            return result
        time.sleep(0.2)
    raise AssertionError(f"not within {seconds} s")


@pytest.fixture
def serve():
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "wicplanner.settings.base",
        "DEBUG": "false",
        "SECRET_KEY": "test-only",
        "ALLOWED_HOSTS": "127.0.0.1",
        # Nothing listens there: the database is down from the start.
        "DATABASE_URL": "postgres://postgres@127.0.0.1:1/wicplanner",
        "REDIS_URL": "",
        "WEB_CONCURRENCY": "1",
        "OUTBOX_POLL_SECONDS": "0.2",
    }
    command = [sys.executable, "bin/serve", "run", "--bind", f"127.0.0.1:{PORT}"]
    process = subprocess.Popen(  # noqa: S603 (our own command)
        command, cwd=BASE_DIR, env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    try:
        yield process
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(40)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="finds the worker through Linux's /proc")
def test_with_the_database_down_the_site_answers_503_and_a_worker_that_exits_is_started_again(serve):
    eventually(lambda: get("/healthz") == 200, 30)
    (worker,) = eventually(lambda: outbox_workers(serve), 10)
    time.sleep(3)  # several rounds of the worker meet the refused database

    assert serve.poll() is None
    assert outbox_workers(serve) == [worker]  # it waits for the database instead of exiting
    assert get("/readyz") == 503

    os.kill(worker, signal.SIGKILL)  # a worker that crashes
    (again,) = eventually(lambda: [pid for pid in outbox_workers(serve) if pid != worker], 10)

    assert again != worker
    assert get("/healthz") == 200  # gunicorn went on answering meanwhile
    serve.send_signal(signal.SIGINT)
    assert serve.wait(40) == 0
    output = serve.stdout.read()
    assert "database unavailable, retrying until it answers" in output
    # One warning per worker process for the whole outage, not one per try (tries 1, 2, 5… s apart).
    assert output.count("Outbox worker: database unavailable") in (1, 2)
    assert "outbox worker 1 exited with status -9: starting it again in 1 s." in output
    assert "outbox worker 1 started again." in output
