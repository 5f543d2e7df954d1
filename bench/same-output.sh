#!/usr/bin/env bash
# Checks that two builds of the connector write the same c1z content for the same Metabase: every row of every
# table, in row-id order (grants: in grant-id order, without the row id), apart from the sync id and the
# discovered_at/started_at/ended_at timestamps (and the sync token and stats, which carry them). Used to show a
# performance change keeps the output identical.
#
# Usage: bench/same-output.sh <jar A> <jar B> [users] [metabase-version] [connector flags...]
#   e.g. bench/same-output.sh /tmp/old.jar dist/target/baton-metabase.jar 2000 0.56 --metabase-extended-access=false
# Needs the zstd and sqlite3 command-line tools. Exits non-zero and prints the first differences otherwise.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=bench/simulator.sh
. "$root/bench/simulator.sh"
jar_a=$1; jar_b=$2; users=${3:-2000}; version=${4:-0.56}; shift $(( $# < 4 ? $# : 4 ))
work=$(mktemp -d)
key="mb_SameOutputKey00000000000000000000000000000"
start_simulator --metabase-version "$version" --dataset scale --scale-users "$users" ${PAID:+--paid}
dump() { # jar name
  BATON_METABASE_JAR="$1" "$root/bin/baton-metabase" --metabase-base-url "http://127.0.0.1:$port" \
    --metabase-api-key "$key" --metabase-version auto --file "$work/$2.c1z" --log-level error "${@:3}"
  tail -c +6 "$work/$2.c1z" | zstd -dq > "$work/$2.db"
  for t in v1_resource_types v1_resources v1_entitlements v1_grants v1_assets v1_connector_sessions; do
    cols=$(sqlite3 "$work/$2.db" "select group_concat('quote(' || name || ')', ',') from pragma_table_info('$t')
      where name not in ('sync_id', 'discovered_at')")
    echo "== $t"
    # Grants that expansion creates are stored a principal at a time (COMPATIBILITY E10): grants are compared by
    # grant id, without their row id.
    if [ "$t" = v1_grants ]; then order="external_id"; cols=$(echo "$cols" | sed 's/quote(id),//'); else order=id; fi
    sqlite3 "$work/$2.db" "select $cols from $t order by $order" | sed 's/|/ | /g'
  done > "$work/$2.txt"
  sqlite3 "$work/$2.db" "select type, name, tbl_name, sql from sqlite_master order by rowid" >> "$work/$2.txt"
}
dump "$jar_a" a "$@"
dump "$jar_b" b "$@"
if cmp -s "$work/a.txt" "$work/b.txt"; then
  echo "same output: $(grep -c . "$work/a.txt") lines compared ($users users, Metabase $version, flags: ${*:-none})"
else
  echo "outputs differ ($users users, Metabase $version, flags: ${*:-none}):"
  diff "$work/a.txt" "$work/b.txt" | head -20
  exit 1
fi
