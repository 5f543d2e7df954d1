#!/usr/bin/env bash
# CPU by thread over time during a sync: bench/metabase-sync.sh, with the connector's threads (and the simulator's
# process) sampled from /proc every INTERVAL seconds (default 0.5). Prints, per interval, the cores each group of
# threads used: main (the sync engine), writer (the store's c1z-writer), sqlite (the other threads named "java":
# SQLite's sorter helpers and zstd's workers), http (page, membership, graph and HTTP client threads), gc, jit,
# other, and sim (the simulator). Threads that start and end between two samples are not seen.
#
# Usage: bench/thread-cpu.sh [users] [latency-ms] [metabase-version] [heap]   (the arguments of
#   bench/metabase-sync.sh, and its environment). Build first: ./mvnw -B -q package -DskipTests
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
samples=$(mktemp)
trap 'rm -f "$samples"' EXIT
python3 - "$samples" "${INTERVAL:-0.5}" <<'PY' &
import glob, os, subprocess, sys, time
out, step = open(sys.argv[1], "w"), float(sys.argv[2])
def newest(pattern):
    found = subprocess.run(["pgrep", "-n", "-f", pattern], capture_output=True, text=True).stdout.split()
    return found[0] if found else None
pid = None
for _ in range(3000):
    pid = newest("baton-metabase.jar.*--metabase-api-key")
    if pid: break
    time.sleep(0.02)
sim = newest("metabase-sim.jar")
start = time.time()
def ticks(stat):
    fields = stat[stat.rindex(")") + 2:].split()
    return int(fields[11]) + int(fields[12])
while pid and os.path.exists(f"/proc/{pid}"):
    now = time.time() - start
    for task in glob.glob(f"/proc/{pid}/task/*"):
        try:
            stat = open(task + "/stat").read()
        except OSError:
            continue
        name = stat[stat.index("(") + 1:stat.rindex(")")].replace(" ", "_")
        out.write(f"{now:.3f} {name}#{os.path.basename(task)} {ticks(stat)}\n")
    if sim:
        try:
            out.write(f"{now:.3f} SIM#0 {ticks(open(f'/proc/{sim}/stat').read())}\n")
        except OSError:
            pass
    out.flush()
    time.sleep(step)
PY
sampler=$!
"$root/bench/metabase-sync.sh" "$@"
wait "$sampler" || true
python3 - "$samples" "$(getconf CLK_TCK)" <<'PY'
import collections, sys
by = collections.defaultdict(dict)
for line in open(sys.argv[1]):
    t, name, ticks = line.split()
    by[float(t)][name] = int(ticks)
hz = float(sys.argv[2])
times = sorted(by)
if len(times) < 2:
    sys.exit("no samples")
final = by[times[-1]]
java = [n for n in final if n.startswith("java#")]
# The engine's thread is the busiest thread named "java" (the launcher's first thread only waits).
main = max(java, key=lambda n: final[n]) if java else None
def group(n):
    name = n.rsplit("#", 1)[0]
    if name == "SIM": return "sim"
    if n == main: return "main"
    if name == "java": return "sqlite"
    if name == "c1z-writer": return "writer"
    if name.startswith(("VM_Thread", "GC")): return "gc"
    if "Compiler" in name: return "jit"
    if name.startswith(("metabase", "HttpClient")): return "http"
    return "other"
groups = ["main", "writer", "sqlite", "http", "gc", "jit", "other", "sim"]
print("   t(s) " + " ".join(f"{g:>6}" for g in groups) + "   (cores)")
for before, after in zip(times, times[1:]):
    used = collections.Counter()
    for n, v in by[after].items():
        used[group(n)] += v - by[before].get(n, v)
    span = after - before
    print(f"{after:7.2f} " + " ".join(f"{used[g] / hz / span:6.2f}" for g in groups))
PY
