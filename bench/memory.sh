#!/usr/bin/env bash
# Benchmark: where a sync's memory goes. Runs bench/metabase-sync.sh with the JVM's Native Memory Tracking and prints
# the peak RSS (GNU time) next to the JVM's own accounting at exit (committed memory per NMT category: Java heap,
# class metadata, code cache, GC, threads, symbols, ...). What RSS holds beyond the NMT total is memory the JVM does
# not track: SQLite's page cache and zstd's buffers (native libraries allocating with malloc), glibc arenas, and
# the mapped jar and class-data archive.
#
# Usage: bench/memory.sh [users] [heap]        defaults: 50000 users, heap "default" (the launcher's defaults)
#   Environment as for bench/metabase-sync.sh (CONNECTOR_FLAGS, EXTRA_JAVA_OPTS, PAID, ...); latency 5 ms, 0.56.
# Build first: ./mvnw -B -q package -DskipTests
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
users=${1:-50000}; heap=${2:-default}
nmt=$(mktemp)
trap 'rm -f "$nmt"' EXIT
EXTRA_JAVA_OPTS="-XX:NativeMemoryTracking=summary -XX:+UnlockDiagnosticVMOptions -XX:+PrintNMTStatistics ${EXTRA_JAVA_OPTS:-}" \
  KEEP_STDOUT="$nmt" "$root/bench/metabase-sync.sh" "$users" 5 0.56 "$heap"
echo "NMT at exit, committed (MiB):"
awk '
  function mib(text,   v) { v = text; sub(/committed=/, "", v); if (v ~ /KB$/) { sub(/KB/, "", v); return v / 1024 }
                             return v / 1048576 }
  /^Total:/ { match($0, /committed=[0-9]+(KB)?/); printf "  %-36s %7.1f\n", "Total (tracked)", mib(substr($0, RSTART, RLENGTH)) }
  /^-/ { line = $0; sub(/^- */, "", line); name = line; sub(/ *\(reserved.*/, "", name)
         if (match(line, /committed=[0-9]+(KB)?/)) { v = mib(substr(line, RSTART, RLENGTH)); if (v >= 0.5) printf "  %-36s %7.1f\n", name, v } }
  /^ *\((arena|malloc)=.*peak=/ { if (match($0, /peak=[0-9]+/)) { p = substr($0, RSTART + 5, RLENGTH - 5) / 1048576
         if (p >= 8) printf "  %-36s %7.1f\n", "  " name ", peak during the run", p } }
' "$nmt"
