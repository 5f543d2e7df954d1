#!/usr/bin/env bash
# Profile of a sync: bench/metabase-sync.sh under Java Flight Recorder (built into the JDK), then the main thread's
# top frames (Java and native samples; bench/jfr-top.py) and each thread's share of CPU.
#
# Usage: bench/profile.sh [users] [latency-ms] [metabase-version] [heap]   (the arguments of bench/metabase-sync.sh,
#   and its environment: CONNECTOR_FLAGS, PAID, ...). The recording is kept as $OUT (default /tmp/baton-sync.jfr);
#   WITHIN keeps only the samples inside one method (e.g. WITHIN=PrincipalExpansion.run for expansion).
# Build first: ./mvnw -B -q package -DskipTests
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${OUT:-/tmp/baton-sync.jfr}
EXTRA_JAVA_OPTS="${EXTRA_JAVA_OPTS:-} -XX:StartFlightRecording=filename=$out,settings=profile" \
  "$root/bench/metabase-sync.sh" "$@" 2>&1 | grep -v '\[jfr'
jfr print --events jdk.ExecutionSample,jdk.NativeMethodSample --stack-depth 64 "$out" \
  | "$root/bench/jfr-top.py" main ${WITHIN:+"$WITHIN"}
echo "-- CPU by thread (sum of JFR's per-second thread CPU load, %)"
jfr print --events jdk.ThreadCPULoad "$out" | python3 -c '
import collections, re, sys
load = collections.defaultdict(float); user = 0.0
for line in sys.stdin:
    s = line.strip()
    if s.startswith("user ="): user = float(s.split("=")[1].strip().rstrip("%"))
    elif s.startswith("system ="): user += float(s.split("=")[1].strip().rstrip("%"))
    elif s.startswith("eventThread"):
        name = re.sub(r"\d+", "N", re.search(r"\"(.*?)\"", s).group(1)); load[name] += user
for name, v in sorted(load.items(), key=lambda kv: -kv[1])[:8]: print(f"{v:8.1f} {name}")'
