#!/usr/bin/env bash
# The fetch floor of a sync: how fast the simulator alone answers the requests a sync makes, read by curl with no
# other work on the machine. Starts the simulator's `scale` dataset with the given latency, warms it up as
# bench/metabase-sync.sh does, then times, per round: every page of users read four at a time (the connector's
# default page concurrency), and the membership answer read once. The simulator's CPU for each is printed too.
#
# Usage: bench/fetch-floor.sh [users=50000] [latency-ms=5] [rounds=3]   (needs curl 7.66 or later for --parallel)
# Build first: ./mvnw -B -q package -DskipTests
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=bench/simulator.sh
. "$root/bench/simulator.sh"
users=${1:-50000}; latency=${2:-5}; rounds=${3:-3}
work=$(mktemp -d)
key="mb_BenchmarkKey000000000000000000000000000000"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
start_simulator --metabase-version 0.56 --dataset scale --scale-users "$users" --latency-ms "$latency"
for offset in $(seq 0 100 $(( users - 1 ))); do
  echo "url = \"http://127.0.0.1:$port/api/user?limit=100&offset=$offset&status=all\""
  echo "output = /dev/null"
done > "$work/pages.curl"
sim_cpu() { awk '{print $14 + $15}' "/proc/$sim/stat"; }
pages() { curl -s --parallel --parallel-max 4 -H "X-API-Key: $key" --config "$work/pages.curl" 2>/dev/null; }
members() { curl -fs -H "X-API-Key: $key" -o /dev/null "http://127.0.0.1:$port/api/permissions/membership"; }
for _ in 1 2 3; do pages; members; done
for _ in $(seq 1 60); do
  before=$(sim_cpu); sleep 0.5
  [ $(( $(sim_cpu) - before )) -le 1 ] && break
done
hz=$(getconf CLK_TCK)
echo "round   pages (s)  simulator CPU (s)   membership (s)  simulator CPU (s)"
for r in $(seq 1 "$rounds"); do
  c0=$(sim_cpu); t0=$(date +%s.%N); pages; t1=$(date +%s.%N); c1=$(sim_cpu)
  members; t2=$(date +%s.%N); c2=$(sim_cpu)
  awk -v r="$r" -v a="$t0" -v b="$t1" -v c="$t2" -v x="$c0" -v y="$c1" -v z="$c2" -v hz="$hz" \
    'BEGIN {printf "%5d %11.2f %18.2f %16.2f %18.2f\n", r, b - a, (y - x) / hz, c - b, (z - y) / hz}'
done
