#!/usr/bin/env bash
# Benchmark: the access report of a large sync. Syncs the simulator's `scale` dataset with the packaged connector
# (no injected latency), then times `baton-metabase report` (wall time, peak RSS via GNU time, HTML size) and opens
# the page in headless Chromium, reading the page's own mark of when every table was built (milliseconds from the
# start of navigation, data-ready-ms) and the browser's wall time to load and dump the page.
#
# Usage: bench/report.sh [users] [metabase-version] [heap]
#   defaults: 50000 users (500 groups, 5 groups per user, 300 databases), 0.56, -Xmx512m
# Build first: ./mvnw -B -q package -DskipTests; needs chromium (apt-get install chromium).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=bench/simulator.sh
. "$root/bench/simulator.sh"
users=${1:-50000}; version=${2:-0.56}; heap=${3:-512m}
work=$(mktemp -d)
key="mb_BenchmarkKey000000000000000000000000000000"
start_simulator --metabase-version "$version" --dataset scale --scale-users "$users"
"$root/bin/baton-metabase" --metabase-base-url "http://127.0.0.1:$port" --metabase-api-key "$key" \
  --metabase-version auto --file "$work/sync.c1z" --log-format console --log-level warn
kill $sim 2>/dev/null || true
start=$(date +%s.%N)
BATON_JAVA_OPTS="-Xmx$heap" /usr/bin/time -f "%M" -o "$work/rss" "$root/bin/baton-metabase" report \
  --file "$work/sync.c1z" --output "$work/report.html" >/dev/null
end=$(date +%s.%N)
bstart=$(date +%s.%N)
chromium --headless --no-sandbox --disable-gpu --virtual-time-budget=60000 --dump-dom \
  "file://$work/report.html" 2>/dev/null > "$work/dom.html"
bend=$(date +%s.%N)
ready=$(grep -o 'data-ready-ms="[0-9]*"' "$work/dom.html" | head -1 | grep -o '[0-9]*')
echo "users=$users metabase=$version heap=$heap"
echo "c1z_size=$(( $(stat -c %s "$work/sync.c1z") / 1024 )) KiB"
printf 'report_wall=%.1f s\n' "$(echo "$end - $start" | bc)"
echo "report_peak_rss=$(( $(cat "$work/rss") / 1024 )) MiB"
echo "html_size=$(( $(stat -c %s "$work/report.html") / 1024 )) KiB"
echo "browser_tables_built=${ready:-?} ms after navigation start"
printf 'browser_wall=%.1f s (start chromium, load, run, dump the DOM)\n' "$(echo "$bend - $bstart" | bc)"
echo "load_average=$(cut -d' ' -f1-3 /proc/loadavg)"
