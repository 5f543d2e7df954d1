#!/usr/bin/env python3
"""CPU of one process by thread group and by what ran, from `perf script -F comm,tid,time,ip,sym,dso` output of a
`perf record -g` (any sampling rate; pass it as the second argument to get seconds).

Usage: perf script -i sync.perf --pid PID -F comm,tid,time,ip,sym,dso | bench/perf-threads.py - RATE

Thread groups: the connector's named threads (store writer, collector, compiler, HTTP and Metabase readers), and
"main and native helpers" for the threads that carry the process's own name: the main thread, and the threads SQLite
(its sorter) and zstd start. What ran is the sampled frame's library: SQLite, Java (compiled or interpreted code),
the JVM itself, libc, zstd; in the kernel, split by the system call it serves (writes: pwrite and write, which for
the store are SQLite's pages going into the page cache; reads: pread and read).
"""
import collections
import re
import sys

GROUPS = [
    ("c1z-writer", "store writer"),
    ("VM Thread", "collector"),
    ("C1 Compiler", "compiler"),
    ("C2 Compiler", "compiler"),
    ("HttpClient", "HTTP client"),
    ("metabase-", "Metabase readers"),
]


def group(comm):
    for prefix, name in GROUPS:
        if comm.startswith(prefix):
            return name
    return "main and native helpers" if comm == "java" else "other JVM threads"


def kind(stack):
    if not stack:
        return "unknown"
    leaf = stack[0]
    if "[kernel" in leaf:
        caller = next((f for f in stack if "[kernel" not in f), "").split(" ")[0]
        if "pwrite" in caller or caller.endswith("_write") or caller == "write":
            return "kernel: writes"
        if "pread" in caller or caller.endswith("_read") or caller == "read":
            return "kernel: reads"
        return "kernel: other"
    for marker, name in (("libsqlitejdbc", "SQLite"), ("/perf-", "Java"), ("libjvm", "JVM"),
                         ("libzstd", "zstd"), ("libc.so", "libc")):
        if marker in leaf:
            return name
    return "other"


def samples(lines):
    header = re.compile(r"^\s*(.+?)\s+(-?\d+)\s+[\d.]+:")
    comm, stack = None, []
    for line in lines:
        if not line.strip():
            if comm is not None:
                yield comm, stack
            comm, stack = None, []
            continue
        if not line.startswith("\t"):  # a sample's first line (perf may pad the thread name with spaces)
            m = header.match(line)
            comm, stack = (m.group(1), []) if m else (None, [])
        elif comm is not None:  # a frame: tab-indented
            parts = line.split(None, 1)  # the address, then the symbol and its library
            stack.append(parts[1].strip() if len(parts) > 1 else parts[0])
    if comm is not None:
        yield comm, stack


def main():
    source = sys.stdin if len(sys.argv) < 2 or sys.argv[1] == "-" else open(sys.argv[1])
    rate = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0
    by_group = collections.defaultdict(collections.Counter)
    for comm, stack in samples(source):
        by_group[group(comm)][kind(stack)] += 1
    unit = "s" if rate != 1.0 else " samples"
    total = sum(sum(c.values()) for c in by_group.values())
    print(f"total {total / rate:.2f}{unit}")
    print("| thread | CPU | of which |")
    print("|---|---|---|")
    for name, kinds in sorted(by_group.items(), key=lambda kv: -sum(kv[1].values())):
        n = sum(kinds.values())
        parts = ", ".join(f"{k} {v / rate:.2f}" for k, v in kinds.most_common() if v / rate >= 0.05)
        print(f"| {name} | {n / rate:.2f}{unit} | {parts} |")


if __name__ == "__main__":
    main()
