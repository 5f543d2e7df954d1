#!/usr/bin/env bash
# The storage floor of a sync: what SQLite and zstd alone take, with no Java at all, to write the grants of a c1z
# the way the connector must (one table, then its seven indexes by sorting, then the compressed file). Takes a c1z
# kept from a sync (bench/metabase-sync.sh with KEEP_C1Z=...), and times, on a fresh database with the store's
# settings (16 KiB pages, 4 MiB page cache, two sorter threads for the index builds):
#   copy     every grant row into an empty v1_grants (INSERT ... SELECT: SQLite's cheapest insert, no binding);
#   indexes  the seven v1_grants indexes, each from the kept file's own SQL;
#   zstd     level 1 on two threads of the resulting database (the connector's setting).
# A sync has to do at least this much after its last grant is known, besides fetching and everything else, as long
# as the c1z is written through SQLite's own insert and index builds.
#
# Usage: bench/storage-floor.sh file.c1z [rounds]   (needs python3 with sqlite3, and the zstd command)
set -euo pipefail
c1z=${1:?usage: bench/storage-floor.sh file.c1z [rounds]}; rounds=${2:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A v1 c1z is the 5-byte magic "C1ZF\0" and one zstd frame of the SQLite database.
tail -c +6 "$c1z" | zstd -q -d -o "$work/source.db"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$work" "$rounds" <<'PY'
import os, sqlite3, subprocess, sys, time
work, rounds = sys.argv[1], int(sys.argv[2])
source = os.path.join(work, "source.db")
src = sqlite3.connect(source)
table_sql = src.execute("select sql from sqlite_master where type = 'table' and name = 'v1_grants'").fetchone()[0]
index_sql = [r[0] for r in src.execute(
    "select sql from sqlite_master where type = 'index' and tbl_name = 'v1_grants' and sql is not null order by rowid")]
rows = src.execute("select count(*) from v1_grants").fetchone()[0]
src.close()
print(f"{rows} grants, {len(index_sql)} indexes")
print("round    copy  indexes     zstd      sum   (seconds)")
for r in range(1, rounds + 1):
    target = os.path.join(work, "floor.db")
    for leftover in (target, target + ".zst"):
        if os.path.exists(leftover):
            os.remove(leftover)
    db = sqlite3.connect(target, isolation_level=None)
    for pragma in ("page_size = 16384", "cache_size = -4096", "journal_mode = MEMORY", "synchronous = OFF",
                   "locking_mode = EXCLUSIVE", "temp_store = FILE"):
        db.execute("pragma " + pragma)
    db.execute(table_sql)
    db.execute(f"attach '{source}' as source")
    start = time.perf_counter()
    db.execute("begin")
    db.execute("insert into v1_grants select * from source.v1_grants order by id")
    db.execute("commit")
    copy = time.perf_counter() - start
    db.execute("detach source")
    db.execute("pragma threads = 2")
    start = time.perf_counter()
    db.execute("begin")
    for sql in index_sql:
        db.execute(sql)
    db.execute("commit")
    indexes = time.perf_counter() - start
    db.close()
    start = time.perf_counter()
    subprocess.run(["zstd", "-q", "-1", "-T2", "-o", target + ".zst", target], check=True)
    compress = time.perf_counter() - start
    print(f"{r:5d} {copy:7.2f} {indexes:8.2f} {compress:8.2f} {copy + indexes + compress:8.2f}")
PY
