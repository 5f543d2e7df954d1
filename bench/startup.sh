#!/usr/bin/env bash
# Benchmark: start-up of the short commands. Runs each command N times (default 10) through its launcher and prints
# the median and the range of the wall time, and the median CPU time (user + system; steadier than wall on a busy
# machine). The Metabase URL is never contacted: capabilities and config do not call Metabase.
#
# Usage: bench/startup.sh [runs]       Environment: BATON_JAVA_OPTS as for the launchers (e.g. -Xshare:off to see the
#   time without the class-data-sharing archive).
# Build first: ./mvnw -B -q package -DskipTests
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-10}
export BATON_METABASE_BASE_URL=http://127.0.0.1:9 BATON_METABASE_API_KEY=mb_StartupBenchmark
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
measure() { # label command...
  local label=$1; shift
  : > "$work/times"
  for _ in $(seq 1 "$runs"); do
    /usr/bin/time -f "%e %U %S" -a -o "$work/times" "$@" > /dev/null 2> "$work/err" || { cat "$work/err" >&2; exit 1; }
  done
  local wall cpu
  wall=$(sort -n -k1,1 "$work/times" | awk '{ w[NR] = $1 } END { printf "%.2f s (%.2f-%.2f)", w[int((NR + 1) / 2)], w[1], w[NR] }')
  cpu=$(awk '{ print $2 + $3 }' "$work/times" | sort -n | awk '{ c[NR] = $1 } END { printf "%.2f s", c[int((NR + 1) / 2)] }')
  printf "%-34s median %s, CPU %s\n" "$label" "$wall" "$cpu"
}
measure "baton-metabase-v056 capabilities" "$root/bin/baton-metabase-v056" capabilities
measure "baton-metabase-v056 config" "$root/bin/baton-metabase-v056" config
measure "baton-metabase-v049 capabilities" "$root/bin/baton-metabase-v049" capabilities
measure "baton-metabase capabilities" "$root/bin/baton-metabase" capabilities
measure "baton-metabase config" "$root/bin/baton-metabase" config
measure "baton-metabase --help" "$root/bin/baton-metabase" --help
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
