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
# shellcheck disable=SC2086
./mvnw -q -B ${MVNW_FLAGS:-} -pl baton-sdk test-compile
# shellcheck disable=SC2086
./mvnw -q -B ${MVNW_FLAGS:-} -pl baton-sdk exec:exec \
  -Dexec.executable=java -Dexec.classpathScope=test \
  "-Dexec.args=-Xmx$heap -cp %classpath org.batonjava.sdk.bench.SyncEngineBenchmark $users $groups $members $roles $workers"
