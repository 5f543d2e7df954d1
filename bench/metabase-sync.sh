#!/usr/bin/env bash
# Benchmark: a full sync of the Metabase simulator's `scale` dataset by the packaged connector, over HTTP with
# injected latency. Reports wall time, HTTP requests (from the simulator's counters), the connector's peak RSS
# (GNU time) and the c1z size. The simulator runs in its own JVM so its memory is not counted.
#
# Usage: bench/metabase-sync.sh [users] [latency-ms] [metabase-version] [heap]
#   heap "default" passes no -Xmx (the launcher's defaults apply, docs/JVM.md).
#   defaults: 50000 users (500 groups, 5 groups per user, 300 databases, 2000 collections, 100 API keys), 5 ms, 0.56,
#   -Xmx512m. Environment: COLLECTIONS and API_KEYS change the scale dataset's collections and keys; CONNECTOR_FLAGS
#   adds connector flags (e.g. --metabase-extended-access=false for the Go model only); PAID=1 simulates a paid build
#   (application permissions, fine-grained data rights, sandbox and impersonation lists). EXTRA_JAVA_OPTS adds JVM
#   options; KEEP_LOG and KEEP_STDOUT name files to keep the connector's stderr and stdout in.
# Build first: ./mvnw -B -q package -DskipTests
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
users=${1:-50000}; latency=${2:-5}; version=${3:-0.56}; heap=${4:-512m}
collections=${COLLECTIONS:-2000}; keys=${API_KEYS:-100}
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
work=$(mktemp -d)
key="mb_BenchmarkKey000000000000000000000000000000"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$root/bin/metabase-sim" --metabase-version "$version" --dataset scale --scale-users "$users" \
  --scale-collections "$collections" --scale-api-keys "$keys" ${PAID:+--paid} \
  --latency-ms "$latency" --port "$port" --api-key "$key" > "$work/sim.out" 2> "$work/sim.err" &
sim=$!
trap 'kill $sim 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$port/api/health" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fs -X DELETE -H "X-API-Key: $key" "http://127.0.0.1:$port/__sim/counters" >/dev/null
start=$(date +%s.%N)
heap_opt="-Xmx$heap"; [ "$heap" = default ] && heap_opt=""
BATON_JAVA_OPTS="$heap_opt ${EXTRA_JAVA_OPTS:-}" /usr/bin/time -f "%M" -o "$work/rss" "$root/bin/baton-metabase" \
  --metabase-base-url "http://127.0.0.1:$port" --metabase-api-key "$key" --metabase-version auto \
  --file "$work/sync.c1z" --log-format console --log-level info ${CONNECTOR_FLAGS:-} 2> "$work/connector.log" \
  > "$work/connector.out"
end=$(date +%s.%N)
[ -n "${KEEP_STDOUT:-}" ] && cp "$work/connector.out" "$KEEP_STDOUT"
requests=$(curl -fs -H "X-API-Key: $key" "http://127.0.0.1:$port/__sim/counters" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d.get("total", d))')
echo "users=$users collections=$collections api_keys=$keys latency=${latency}ms metabase=$version heap=$heap paid=${PAID:-0} flags=${CONNECTOR_FLAGS:-none}"
printf 'wall=%.1f s\n' "$(echo "$end - $start" | bc)"
echo "http_requests=$requests"
echo "peak_rss=$(( $(cat "$work/rss") / 1024 )) MiB"
echo "c1z_size=$(( $(stat -c %s "$work/sync.c1z") / 1024 )) KiB"
[ -n "${KEEP_LOG:-}" ] && cp "$work/connector.log" "$KEEP_LOG"
grep -E "Grant expansion done|Sync complete" "$work/connector.log" | sed 's/^[^\t]*\t[^\t]*\t[^\t]*\t/  /' || true
