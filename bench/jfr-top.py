#!/usr/bin/env python3
"""Top frames of one thread in a JFR recording: Java and native samples together, self and inclusive.

Usage: jfr print --events jdk.ExecutionSample,jdk.NativeMethodSample --stack-depth 64 rec.jfr | bench/jfr-top.py [thread] [within]
(thread defaults to "main"; within, if given, keeps only the samples with a frame containing that text, e.g.
"GrantExpander.run" for one phase). Inclusive frames are limited to the project's, SQLite's, zstd's and protobuf's.
"""
import collections
import re
import sys

want = sys.argv[1] if len(sys.argv) > 1 else "main"
within = sys.argv[2] if len(sys.argv) > 2 else None
self_count = collections.Counter()
inclusive = collections.Counter()
samples = 0
frames, thread, in_stack = [], None, False


def flush():
    global samples
    if frames and thread == want and (within is None or any(within in f for f in frames)):
        samples += 1
        self_count[frames[0]] += 1
        for f in set(frames):
            inclusive[f] += 1


for line in sys.stdin:
    s = line.strip()
    if s.startswith("jdk.ExecutionSample") or s.startswith("jdk.NativeMethodSample"):
        flush()
        frames, thread, in_stack = [], None, False
    elif s.startswith("sampledThread"):
        m = re.search(r'"(.*?)"', s)
        thread = m.group(1) if m else s
    elif s.startswith("stackTrace = ["):
        in_stack = True
    elif in_stack:
        if s.startswith("]") or s == "...":
            in_stack = False
        else:
            m = re.match(r"(.*?)\s+line:", s)
            frames.append(m.group(1) if m else s)
flush()
print(f"{samples} samples of thread {want}")
print("-- self")
for f, c in self_count.most_common(15):
    print(f"{100 * c / max(samples, 1):5.1f}% {f}")
print("-- inclusive")
shown = 0
for f, c in inclusive.most_common(400):
    if any(k in f for k in ("batonjava", "sqlite", "zstd", "protobuf")) and shown < 30:
        print(f"{100 * c / max(samples, 1):5.1f}% {f}")
        shown += 1
