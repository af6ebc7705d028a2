"""Throughput of the public pages and feeds under gunicorn with 2 workers, as attendees' apps hit them.

Builds a throw-away SQLite database with a synthetic 600-session edition, starts gunicorn on
127.0.0.1:8765 (DEBUG off), warms each URL once, then loads it with wrk (Debian's `wrk`) for a few
seconds and prints requests per second, each as a fraction of a trivial Django view (bench/urls.py) measured
in the same run, through the same middleware. wrk asks for gzip, as browsers and most apps do. Run with
`make bench`.
"""

import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from results import kib, ms, record

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
PORT = int(os.environ.get("BENCH_PORT", "8765"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "8"))

TRIVIAL = ("trivial Django view", "/bench-trivial/")
URLS = [
    ("home", "/bench/"),
    ("agenda (one day, list)", "/bench/agenda/"),
    ("agenda (one day, grid)", "/bench/agenda/?day=2030-11-20&view=grid"),
    ("agenda search", "/bench/agenda/?day=all&q=forum+0042"),
    ("session page", "/bench/sessions/session-0100/"),
    ("speakers list", "/bench/speakers/"),
    ("speaker page", "/bench/speakers/person-0007/"),
    ("organisations", "/bench/organisations/"),
    ("schedule.ics", "/bench/schedule.ics"),
    ("schedule.xml", "/bench/schedule.xml"),
    ("schedule.json", "/bench/schedule.json"),
    ("API sessions", "/api/editions/bench/sessions/"),
]


def run(*args, env):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


def fetch(url, headers=None):
    began = time.perf_counter()
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers or {}), timeout=60) as response:
        body = response.read()
    return time.perf_counter() - began, len(body)


def wrk(url):
    command = ["wrk", "-t2", "-c8", f"-d{SECONDS}s", "--latency", "-H", "Accept-Encoding: gzip", url]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return rate, latency(out, "50%"), latency(out, "99%"), int(non2xx.group(1)) if non2xx else 0


def latency(wrk_output, percentile):
    """wrk's latency at a percentile, in seconds (it prints e.g. 812.00us, 9.83ms or 1.02s)."""
    value, unit = re.search(rf"{percentile}\s+([\d.]+)(us|ms|s)\b", wrk_output).groups()
    return float(value) / {"us": 1e6, "ms": 1e3, "s": 1}[unit]


def main():
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install wrk")
    workdir = Path(tempfile.mkdtemp(prefix="wicplanner-bench-"))
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{workdir / 'bench.sqlite3'}",
        "DEBUG": "false",
        "SECRET_KEY": "bench-only-secret-key-0123456789abcdef",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "LOG_LEVEL": "WARNING",
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "PYTHONPATH": str(ROOT),
    }
    run("migrate", "--noinput", env=env)
    run("collectstatic", "--noinput", env=env)
    run("generate_summit", "--slug", "bench", "--sessions", "600", "--rooms", "30", "--speakers", "1200", env=env)
    server = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "wicplanner.wsgi", "-w", "2", "-b", f"127.0.0.1:{PORT}", "--log-level", "warning"],
        cwd=ROOT,
        env=env,
    )
    try:
        for _ in range(50):
            try:
                fetch(f"http://127.0.0.1:{PORT}/editions/")
                break
            except OSError:
                time.sleep(0.2)
        print("| page | size | gzip size | cached requests/s | of trivial view | p50 | p99 | errors |")
        print("|---|---|---|---|---|---|---|---|")
        trivial_rate = None
        for name, path in [TRIVIAL, *URLS]:
            url = f"http://127.0.0.1:{PORT}{path}"
            for _ in range(6):  # every worker renders its own copy first (in-process cache), not during the load
                _, size = fetch(url)
                fetch(url, {"Accept-Encoding": "gzip"})
            _, gzip_size = fetch(url, {"Accept-Encoding": "gzip"})
            rate, p50, p99, errors = wrk(url)
            trivial_rate = trivial_rate or rate
            row = [f"{name} `{path}`", kib(size), kib(gzip_size), f"{rate:.0f}", f"{rate / trivial_rate:.0%}"]
            print("| " + " | ".join([*row, ms(p50), ms(p99), str(errors)]) + " |")
            record(
                name,
                path=path,
                bytes=f"{kib(size)} ({kib(gzip_size)})",
                rate=f"{rate:,.0f}",
                p50=ms(p50),
                p99=ms(p99),
                of_trivial=f"{rate / trivial_rate:.0%}",
                **({"notes": f"{errors} errors"} if errors else {}),
            )
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=20)
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
