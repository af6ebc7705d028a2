"""`make bench`: run every benchmark and print their figures in one table.

Each benchmark runs in a process of its own (they set Django up differently) and hands its figures over through
bench/results.py; what each prints on its own goes to a log file named at the start. Then one table: for every
public page and feed its bytes (gzip), SQL queries and first render after a programme change, requests/s with
p50/p99 under wrk and the fraction of a trivial Django view measured in the same run; the organisers' admin
pages; publishing a release; timing parity; the registration burst.

    python bench/run.py                 # everything (about 10 minutes)
    python bench/run.py throughput burst  # some of it
"""

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from results import load, table

BENCH = Path(__file__).resolve().parent
PYTHON = sys.executable
# Name, then the script and its arguments; the table's rows come in the order the benchmarks first give them.
BENCHMARKS = {
    "throughput": ["throughput.py"],
    "first_render": ["first_render.py", "--all"],
    "admin": ["admin_pages.py"],
    "releases": ["releases.py"],
    "parity": ["timing_parity.py"],
    "burst": ["registration_burst.py"],
    "burst_posts": ["registration_burst.py", "--forms-first"],
}


# The benchmarks serve plain HTTP on 127.0.0.1: a production `.env` in the project's folder (docs/deploy.md) must
# not switch on the HTTPS redirect or Secure cookies for them (the environment wins over `.env`).
LOCAL_HTTP = {
    "SECURE_SSL_REDIRECT": "false",
    "SECURE_HSTS_SECONDS": "0",
    "SESSION_COOKIE_SECURE": "false",
    "CSRF_COOKIE_SECURE": "false",
}


def main():
    chosen = sys.argv[1:] or list(BENCHMARKS)
    unknown = [name for name in chosen if name not in BENCHMARKS]
    if unknown:
        raise SystemExit(f"unknown benchmark {unknown}; choose from {', '.join(BENCHMARKS)}")
    workdir = Path(tempfile.mkdtemp(prefix="wicplanner-bench-run-"))
    results, log = workdir / "results.jsonl", workdir / "bench.log"
    results.touch()
    print(f"Each benchmark's own output: {log}", flush=True)
    failed = []
    with log.open("w") as out:
        for name in chosen:
            began = time.perf_counter()
            print(f"  {name} …", end=" ", flush=True)
            out.write(f"\n===== {name}: {' '.join(BENCHMARKS[name])}\n")
            out.flush()
            done = subprocess.run(
                [PYTHON, BENCH / BENCHMARKS[name][0], *BENCHMARKS[name][1:]],
                env={**os.environ, **LOCAL_HTTP, "BENCH_RESULTS": str(results)},
                stdout=out,
                stderr=subprocess.STDOUT,
            )
            print(f"{time.perf_counter() - began:.0f} s{'' if done.returncode == 0 else ' FAILED'}", flush=True)
            if done.returncode:
                failed.append(name)
    load_average = os.getloadavg()[0]
    print(
        f"\nWIC Planner, `make bench` of {time.strftime('%Y-%m-%d %H:%M')}: {os.cpu_count()} cores, "
        f"load average {load_average:.1f} at the end\n"
    )
    print(table(load(results)))
    if failed:
        raise SystemExit(f"\nfailed (see {log}): {', '.join(failed)}")


if __name__ == "__main__":
    main()
