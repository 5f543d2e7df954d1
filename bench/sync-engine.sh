#!/usr/bin/env bash
# Benchmark: a full sync through the Java sync engine of a generated organisation: users, groups with members
# (the direct grants) and roles granted to groups (expanded to members). Defaults: 100,000 users, 1,000 groups
# of 1,000 members (1,000,000 direct grants), 20 roles (100,000 expanded grants), -Xmx512m.
#
# Usage: bench/sync-engine.sh [users groups membersPerGroup roles workers heap]
# Extra Maven flags (e.g. -o for offline) can be passed in MVNW_FLAGS.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
users=${1:-100000}; groups=${2:-1000}; members=${3:-1000}; roles=${4:-20}; workers=${5:-1}; heap=${6:-512m}
cd "$root"
# baton-sdk needs its reactor siblings (baton-sdk-api; conductorone-sim for its tests), hence -am; the test
# classpath is written to a file and the benchmark runs in its own JVM, so -Xmx applies to it alone, not to Maven.
# shellcheck disable=SC2086
./mvnw -q -B ${MVNW_FLAGS:-} -pl baton-sdk -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
cp="baton-sdk/target/test-classes:baton-sdk/target/classes:$(cat baton-sdk/target/test-classpath.txt)"
# shellcheck disable=SC2086
java -Xmx"$heap" -cp "$cp" org.batonjava.sdk.bench.SyncEngineBenchmark $users $groups $members $roles $workers
