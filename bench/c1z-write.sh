#!/usr/bin/env bash
# Benchmark: write N synthetic grants (default 1,000,000) into a c1z through the Java store, with a small
# heap (default -Xmx256m) to show that writing streams. Results and machine notes go into BENCHMARKS.md.
#
# Usage: bench/c1z-write.sh [grants] [max heap] [rows per transaction]   e.g. bench/c1z-write.sh 100000 256m
# (defaults: 1000000, 256m, the store's default of 10000 rows per transaction)
# The grants are bulk-loaded as a sync does (indexes built at the end); BULK_LOAD=false writes them row by
# row with every index kept up to date, for comparison. Extra Maven flags (e.g. -o for offline) can be
# passed in MVNW_FLAGS; extra JVM flags in JAVA_FLAGS.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
grants=${1:-1000000}
heap=${2:-256m}
batch=${3:-10000}
cd "$root"
# baton-sdk needs its reactor siblings (baton-sdk-api; conductorone-sim for its tests), hence -am; the test
# classpath is written to a file and the benchmark runs in its own JVM, so -Xmx applies to it alone, not to Maven.
# shellcheck disable=SC2086
./mvnw -q -B ${MVNW_FLAGS:-} -pl baton-sdk -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
cp="baton-sdk/target/test-classes:baton-sdk/target/classes:$(cat baton-sdk/target/test-classpath.txt)"
# shellcheck disable=SC2086
java -Xmx"$heap" -Dc1z.bench.bulkLoad="${BULK_LOAD:-true}" ${JAVA_FLAGS:-} -cp "$cp" \
  org.batonjava.sdk.bench.C1zWriteBenchmark $grants $batch
