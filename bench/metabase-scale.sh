#!/usr/bin/env bash
# Benchmark: the Metabase sync at several sizes, to show how wall time, requests, peak RSS and c1z size grow.
# Runs bench/metabase-sync.sh once per size (same latency, version and heap; same environment, e.g.
# CONNECTOR_FLAGS=--metabase-extended-access=false for the Go model, PAID=1) and prints one table row per size,
# with time and memory per 1,000 users.
#
# Usage: bench/metabase-scale.sh [sizes] [latency-ms] [metabase-version] [heap]
#   defaults: "10000 50000 200000", 5 ms, 0.56, "default" (the launcher's own memory settings).
# Build first: ./mvnw -B -q package -DskipTests
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
sizes=${1:-10000 50000 200000}; latency=${2:-5}; version=${3:-0.56}; heap=${4:-default}
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg); flags: ${CONNECTOR_FLAGS:-none}; paid: ${PAID:-0}"
printf '| users | wall | requests | peak RSS | c1z | CPU (user+sys) | grants | wall per 1k users |\n'
printf '|---|---|---|---|---|---|---|---|\n'
for users in $sizes; do
  out=$("$root/bench/metabase-sync.sh" "$users" "$latency" "$version" "$heap")
  wall=$(sed -n 's/^wall=\([0-9.]*\) s$/\1/p' <<< "$out")
  requests=$(sed -n 's/^http_requests=//p' <<< "$out")
  rss=$(sed -n 's/^peak_rss=//p' <<< "$out")
  c1z=$(sed -n 's/^c1z_size=\([0-9]*\) KiB$/\1/p' <<< "$out")
  cpu=$(sed -n 's/^connector_cpu=\([0-9.]*\) s user + \([0-9.]*\) s system$/\1 \2/p' <<< "$out")
  grants=$(sed -n 's/.*entitlements, \([0-9]*\) grants in.*/\1/p' <<< "$out")
  printf '| %s | %s s | %s | %s | %s MiB | %s s | %s | %.3f s |\n' "$users" "$wall" "$requests" "$rss" \
    "$(( c1z / 1024 ))" "$(awk '{printf "%.1f", $1 + $2}' <<< "$cpu")" "$grants" \
    "$(awk -v w="$wall" -v u="$users" 'BEGIN {print w * 1000 / u}')"
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
