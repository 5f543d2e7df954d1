#!/usr/bin/env python3
"""Prints the phases of a sync from its console log (--log-format console): the seconds from each phase's
first line to the next phase's, and the rows per second where the phase wrote rows.

Usage: bench/phases.py connector.log
"""
import re
import sys
from datetime import datetime

PHASES = [
    ("start-up", None),
    ("resources", "Syncing resources..."),
    ("entitlements", "Syncing entitlements..."),
    ("grants", "Syncing grants..."),
    ("expansion", "Expanding grants..."),
    ("finish and save", None),
]


def when(line):
    return datetime.strptime(line.split("\t", 1)[0][:23], "%Y-%m-%dT%H:%M:%S.%f")


def main(path):
    lines = [l.rstrip("\n") for l in open(path, encoding="utf-8") if re.match(r"\d{4}-\d\d-\d\dT", l)]
    if not lines:
        sys.exit(f"{path}: no console log lines")
    marks = {}
    for line in lines:
        msg = line.split("\t")[3] if line.count("\t") >= 3 else ""
        for name, text in PHASES:
            if text and msg == text and name not in marks:
                marks[name] = when(line)
    first, last = when(lines[0]), when(lines[-1])
    expanded = re.search(r"Grant expansion done: (\d+) grant", "\n".join(lines))
    complete = re.search(r"Sync complete\. .*?(\d+) resources, (\d+) entitlements, (\d+) grants", "\n".join(lines))
    rows = {}
    if complete:
        resources, entitlements, grants = map(int, complete.groups())
        made = int(expanded.group(1)) if expanded else 0
        rows = {"resources": resources, "entitlements": entitlements, "grants": grants - made, "expansion": made}
    order = [n for n, _ in PHASES if n in marks]
    bounds = [("start-up", first)] + [(n, marks[n]) for n in order]
    expansion_end = next((when(l) for l in lines if "Grant expansion done" in l), None)
    print(f"{'phase':<16}{'seconds':>9}{'rows':>11}{'rows/s':>10}")
    for i, (name, start) in enumerate(bounds):
        end = bounds[i + 1][1] if i + 1 < len(bounds) else (expansion_end or last)
        secs = (end - start).total_seconds()
        n = rows.get(name)
        rate = f"{n / secs:,.0f}" if n and secs > 0 else ""
        print(f"{name:<16}{secs:>9.2f}{(f'{n:,}' if n else ''):>11}{rate:>10}")
    if expansion_end:
        print(f"{'finish and save':<16}{(last - expansion_end).total_seconds():>9.2f}")
    print(f"{'total (log)':<16}{(last - first).total_seconds():>9.2f}")


if __name__ == "__main__":
    main(sys.argv[1])
