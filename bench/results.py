"""Figures a benchmark hands to `bench/run.py`, which prints them all in one table.

Each benchmark still prints its own report when run alone; `record()` also appends one row to the file named
by BENCH_RESULTS (JSON lines), when `bench/run.py` set it. Rows with the same `name` are merged, so two
benchmarks can fill different columns of one page's row.
"""

import json
import os

COLUMNS = {
    "bytes": "bytes (gzip)",
    "sql": "SQL",
    "first_render": "first render",
    "rate": "requests/s",
    "p50": "p50",
    "p99": "p99",
    "of_trivial": "of trivial view",
    "notes": "notes",
}


def record(name, path=None, **figures):
    """One row of the table: `name`, the address measured (if a page), and any of COLUMNS' keys (as text)."""
    if path:
        figures["path"] = path
    unknown = set(figures) - set(COLUMNS) - {"path"}
    if unknown:
        raise ValueError(f"unknown columns: {sorted(unknown)}")
    path = os.environ.get("BENCH_RESULTS")
    if path:
        with open(path, "a", encoding="utf-8") as file:
            file.write(json.dumps({"name": name, **figures}) + "\n")


def load(path):
    rows = {}
    with open(path, encoding="utf-8") as file:
        for line in file:
            row = json.loads(line)
            rows.setdefault(row.pop("name"), {}).update(row)
    return rows


def table(rows):
    header = ["", *COLUMNS.values()]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for name, figures in rows.items():
        label = f"{name} `{figures['path']}`" if "path" in figures else name
        cells = [label, *(str(figures.get(key, "")) for key in COLUMNS)]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def ms(seconds):
    return f"{seconds * 1000:,.0f} ms" if seconds >= 0.01 else f"{seconds * 1000:.1f} ms"


def kib(size):
    return f"{size / 1024:,.1f} KiB"
