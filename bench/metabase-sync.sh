#!/usr/bin/env bash
# Benchmark: a full sync of the Metabase simulator's `scale` dataset by the packaged connector, over HTTP with
# injected latency. Reports wall time, HTTP requests (from the simulator's counters), the connector's peak RSS
# (GNU time) and the c1z size. The simulator runs in its own JVM so its memory is not counted.
#
# Usage: bench/metabase-sync.sh [users] [latency-ms] [metabase-version] [heap]
#   defaults: 50000 users (500 groups, 5 groups per user, 300 databases, 2000 collections, 100 API keys), 5 ms, 0.56,
#   -Xmx512m ("default" passes no -Xmx: the launcher's own memory settings apply, docs/JVM.md). Environment: COLLECTIONS and API_KEYS change the scale dataset's collections and keys; CONNECTOR_FLAGS
#   adds connector flags (e.g. --metabase-extended-access=false for the Go model only); PAID=1 simulates a paid build
#   (application permissions, fine-grained data rights, sandbox and impersonation lists); EXTRA_JAVA_OPTS adds JVM
#   options (bench/profile.sh uses it for JFR); KEEP_LOG, KEEP_STDOUT and KEEP_C1Z name files to keep the
#   connector's stderr, stdout and c1z in. The phase table comes from
#   the log (bench/phases.py).
# Build first: ./mvnw -B -q package -DskipTests
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=bench/simulator.sh
. "$root/bench/simulator.sh"
users=${1:-50000}; latency=${2:-5}; version=${3:-0.56}; heap=${4:-512m}
collections=${COLLECTIONS:-2000}; keys=${API_KEYS:-100}
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
work=$(mktemp -d)
key="mb_BenchmarkKey000000000000000000000000000000"
start_simulator --metabase-version "$version" --dataset scale --scale-users "$users" \
  --scale-collections "$collections" --scale-api-keys "$keys" ${PAID:+--paid} --latency-ms "$latency"
# Warm the simulator up (a production Metabase is warm): its JIT otherwise spends seconds of the machine's two cores
# compiling while the connector is being measured. Every endpoint a sync reads is read three times (every page of
# users four at a time, as the connector reads them; curl's progress meter, which --parallel shows despite -s, is
# dropped), then the script waits until the simulator's compiler has finished (its CPU idle for half a second).
# With only 300 pages read once, the simulator still used 2.4-3.5 s of CPU during a 50,000-user sync, against
# 1.2-2.2 s after this warm-up (BENCHMARKS.md). The requests made here are not counted.
for _ in 1 2 3; do
  for path in /api/permissions/membership /api/permissions/graph /api/permissions/group /api/database \
      /api/collection/graph /api/collection /api/api-key /api/ee/advanced-permissions/application/graph; do
    echo "url = \"http://127.0.0.1:$port$path\""; echo "output = /dev/null"
  done
  for offset in $(seq 0 100 $(( users - 1 ))); do
    echo "url = \"http://127.0.0.1:$port/api/user?limit=100&offset=$offset&status=all\""
    echo "output = /dev/null"
  done
done > "$work/warm.curl"
curl -s --parallel --parallel-max 4 -H "X-API-Key: $key" --config "$work/warm.curl" 2>/dev/null || true
sim_cpu() { awk '{print $14 + $15}' "/proc/$sim/stat"; }
for _ in $(seq 1 60); do
  before=$(sim_cpu); sleep 0.5
  [ $(( $(sim_cpu) - before )) -le 1 ] && break
done
curl -fs -X DELETE -H "X-API-Key: $key" "http://127.0.0.1:$port/__sim/counters" >/dev/null
sim_before=$(sim_cpu)
start=$(date +%s.%N)
# heap "default" (or "") leaves the launcher's own memory settings alone.
java_opts="${EXTRA_JAVA_OPTS:-}"
case "$heap" in ""|default) heap=default ;; *) java_opts="-Xmx$heap $java_opts" ;; esac
if [ -n "${java_opts// /}" ]; then export BATON_JAVA_OPTS="$java_opts"; else unset BATON_JAVA_OPTS; fi
/usr/bin/time -f "%M %U %S" -o "$work/rss" "$root/bin/baton-metabase" \
  --metabase-base-url "http://127.0.0.1:$port" --metabase-api-key "$key" --metabase-version auto \
  --file "$work/sync.c1z" --log-format console --log-level info ${CONNECTOR_FLAGS:-} 2> "$work/connector.log" \
  > "$work/connector.out"
end=$(date +%s.%N)
sim_after=$(sim_cpu)
[ -n "${KEEP_STDOUT:-}" ] && cp "$work/connector.out" "$KEEP_STDOUT"
requests=$(curl -fs -H "X-API-Key: $key" "http://127.0.0.1:$port/__sim/counters" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d.get("total", d))')
echo "users=$users collections=$collections api_keys=$keys latency=${latency}ms metabase=$version heap=$heap paid=${PAID:-0} flags=${CONNECTOR_FLAGS:-none}"
printf 'wall=%.1f s\n' "$(echo "$end - $start" | bc)"
echo "http_requests=$requests"
read -r rss_kib cpu_user cpu_sys < "$work/rss"
echo "peak_rss=$(( rss_kib / 1024 )) MiB"
echo "connector_cpu=${cpu_user} s user + ${cpu_sys} s system"
echo "simulator_cpu=$(awk -v a="$sim_before" -v b="$sim_after" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.1f", (b - a) / hz}') s"
echo "c1z_size=$(( $(stat -c %s "$work/sync.c1z") / 1024 )) KiB"
[ -n "${KEEP_LOG:-}" ] && cp "$work/connector.log" "$KEEP_LOG"
[ -n "${KEEP_C1Z:-}" ] && cp "$work/sync.c1z" "$KEEP_C1Z"
grep -E "Grant expansion done|Sync complete" "$work/connector.log" | sed 's/^[^\t]*\t[^\t]*\t[^\t]*\t/  /' || true
python3 "$root/bench/phases.py" "$work/connector.log" || true
