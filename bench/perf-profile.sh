#!/usr/bin/env bash
# Whole-machine CPU profile of a sync: bench/metabase-sync.sh with `perf record -a` (cpu-clock, 499 samples a second,
# call stacks) over the connector's life, then the connector's CPU by thread group and by what ran (SQLite, Java, the
# JVM, libc, zstd, the kernel's reads and writes; bench/perf-threads.py). Unlike bench/profile.sh (JFR) it sees
# native code and the kernel: where SQLite's page writes go, and what the sorter threads SQLite starts use.
#
# Usage: bench/perf-profile.sh [users] [latency-ms] [metabase-version] [heap]   (the arguments of
#   bench/metabase-sync.sh, and its environment: CONNECTOR_FLAGS, PAID, ...). The recording is kept as $OUT (default
#   /tmp/baton-sync.perf); `perf report -i $OUT --pid <pid>` browses it (the pid is printed).
# Needs perf (Debian's linux-perf) and the right to sample the whole machine (root, or kernel.perf_event_paranoid
# at most 0). Build first: ./mvnw -B -q package -DskipTests
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${OUT:-/tmp/baton-sync.perf}
rate=499
command -v perf >/dev/null || { echo "perf-profile.sh: perf not found; install Debian's linux-perf" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The recorder waits for the connector's JVM, then samples every CPU until that process ends.
(
  for _ in $(seq 1 120000); do
    pid=$(pgrep -f 'org\.batonjava\.metabase\.app\.BatonMetabase' | head -1 || true)
    [ -n "$pid" ] && break
    sleep 0.01
  done
  [ -n "${pid:-}" ] || exit 1
  echo "$pid" > "$work/pid"
  perf record -q -a -g -F "$rate" -e cpu-clock -o "$out" -- tail --pid="$pid" -f /dev/null 2> "$work/perf.err"
) &
recorder=$!
# The JIT's code is named through the map the JVM writes when it exits (/tmp/perf-<pid>.map).
EXTRA_JAVA_OPTS="${EXTRA_JAVA_OPTS:-} -XX:+UnlockDiagnosticVMOptions -XX:+DumpPerfMapAtExit -XX:+PreserveFramePointer" \
  "$root/bench/metabase-sync.sh" "$@"
wait "$recorder" || { echo "perf-profile.sh: perf recorded nothing: $(cat "$work/perf.err" 2>/dev/null)" >&2; exit 1; }
pid=$(cat "$work/pid")
echo "-- CPU of the connector (pid $pid) by thread, seconds ($out)"
perf script -i "$out" --pid "$pid" -F comm,tid,time,ip,sym,dso 2>/dev/null | python3 "$root/bench/perf-threads.py" - "$rate"
