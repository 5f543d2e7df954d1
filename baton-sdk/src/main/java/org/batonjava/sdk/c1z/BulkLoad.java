package org.batonjava.sdk.c1z;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Bulk-load mode of {@code v1_grants}: while a sync loads its grants, the table's indexes are not
 * kept up to date row by row (a random B-tree insert into five indexes that outgrow the page cache
 * is what made the insert rate fall as a sync grew); they are dropped when the load begins and
 * built once, by sorting, when it ends.
 *
 * <p>The file stays the same as without bulk loading:
 *
 * <ul>
 *   <li>The schema: before dropping anything, the whole schema table ({@code sqlite_master}) is
 *       recorded, in order, in the table {@value #TABLE}. The end rebuilds every object from the
 *       first dropped index on in the recorded order (tables after it are renamed, recreated from
 *       their recorded SQL and refilled, keeping their row ids), then drops {@value #TABLE}: names,
 *       definitions and order are as before.
 *   <li>Upserts: without the unique {@code (external_id, sync_id)} index a grant written twice is
 *       stored twice. The end tries to build the unique index; only if that fails, {@link
 *       DuplicateGrants} merges each duplicate into its first row as the upsert would have.
 * </ul>
 *
 * <p>The recording lives in the database, so a checkpoint saved during the load and opened again (a
 * resumed sync) is still in bulk-load mode and ends exactly the same way.
 */
final class BulkLoad {
  /** The record of a load in progress; absent from every file whose load has ended. */
  static final String TABLE = "batonjava_bulk_load";

  /** The only table whose indexes a bulk load defers. */
  static final String LOADED_TABLE = C1zSchema.GRANTS;

  static final String UNIQUE_INDEX = "idx_grants_external_sync_v1";

  /**
   * SQLite sorter helper threads while the indexes are built (sorts of the whole table): with two,
   * and the store's 4 MiB runs, the seven index builds of a 50,000-user sync took 3.1-3.2 s instead
   * of 4.4 s with none (sqlite3 on the same database; BENCHMARKS.md).
   */
  static final int SORT_THREADS = 2;

  /**
   * The first row id grant expansion wrote during the load, when it wrote any: repeats from there
   * on are merged with the expansion's upsert rule (see {@link DuplicateGrants}).
   */
  static final String EXPANSION_TABLE = "batonjava_bulk_load_expansion";

  private BulkLoad() {}

  /** Whether the database is in the middle of a bulk load. */
  static boolean inProgress(Connection db) throws SQLException {
    return tableExists(db, TABLE);
  }

  private static boolean tableExists(Connection db, String name) throws SQLException {
    try (PreparedStatement ps =
        db.prepareStatement("select 1 from sqlite_master where type = 'table' and name = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** Indexes a load in progress has dropped (so opening the file must not create them). */
  static Set<String> deferredIndexes(Connection db) throws SQLException {
    Set<String> names = new HashSet<>();
    if (!inProgress(db)) {
      return names;
    }
    try (Statement st = db.createStatement();
        ResultSet rs = st.executeQuery("select name from " + TABLE + " where deferred = 1")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return names;
  }

  /** Records the schema and drops the indexes of {@code v1_grants}; the caller commits. */
  static void begin(Connection db) throws SQLException {
    if (inProgress(db)) {
      return;
    }
    List<SchemaObject> schema = SchemaObject.all(db);
    try (Statement st = db.createStatement()) {
      st.execute(
          "create table "
              + TABLE
              + " (position integer primary key, type text not null, name text not null,"
              + " tbl_name text not null, sql text not null, deferred integer not null)");
    }
    try (PreparedStatement ps =
        db.prepareStatement(
            "insert into "
                + TABLE
                + " (position, type, name, tbl_name, sql, deferred) values (?, ?, ?, ?, ?, ?)")) {
      int position = 0;
      for (SchemaObject o : schema) {
        ps.setInt(1, position++);
        ps.setString(2, o.type());
        ps.setString(3, o.name());
        ps.setString(4, o.table());
        ps.setString(5, o.sql());
        ps.setInt(6, deferred(o) ? 1 : 0);
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (Statement st = db.createStatement()) {
      for (SchemaObject o : schema) {
        if (deferred(o)) {
          st.execute("drop index " + quote(o.name()));
        }
      }
    }
  }

  /**
   * Records that grant expansion writes from the next row id on; the caller commits. Keeps the
   * first mark when expansion runs again (a resumed sync).
   */
  static void markExpansion(Connection db) throws SQLException {
    try (Statement st = db.createStatement()) {
      st.execute("create table if not exists " + EXPANSION_TABLE + " (first_id integer not null)");
      st.execute(
          "insert into "
              + EXPANSION_TABLE
              + " select coalesce(max(id), 0) + 1 from "
              + LOADED_TABLE
              + " where not exists (select 1 from "
              + EXPANSION_TABLE
              + ")");
    }
  }

  /** The first row id written by grant expansion during the load; none: {@code Long.MAX_VALUE}. */
  static long expansionFrom(Connection db) throws SQLException {
    if (!tableExists(db, EXPANSION_TABLE)) {
      return Long.MAX_VALUE;
    }
    try (Statement st = db.createStatement();
        ResultSet rs = st.executeQuery("select min(first_id) from " + EXPANSION_TABLE)) {
      return rs.next() && rs.getObject(1) != null ? rs.getLong(1) : Long.MAX_VALUE;
    }
  }

  /**
   * Builds the deferred indexes, merging duplicate grants first if the unique index needs it, and
   * restores the recorded schema order; the caller commits. Idempotent: a no-op when no load is in
   * progress.
   */
  static void end(Connection db) throws SQLException {
    if (!inProgress(db)) {
      return;
    }
    List<SchemaObject> recorded = new ArrayList<>();
    Set<String> deferred = new HashSet<>();
    try (Statement st = db.createStatement();
        ResultSet rs =
            st.executeQuery(
                "select type, name, tbl_name, sql, deferred from "
                    + TABLE
                    + " order by position")) {
      while (rs.next()) {
        SchemaObject o =
            new SchemaObject(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
        recorded.add(o);
        if (rs.getInt(5) == 1) {
          deferred.add(o.name());
        }
      }
    }
    int first = 0;
    while (first < recorded.size() && !deferred.contains(recorded.get(first).name())) {
      first++;
    }
    try (Statement st = db.createStatement()) {
      st.execute("pragma threads = " + SORT_THREADS);
      for (SchemaObject o : recorded.subList(first, recorded.size())) {
        switch (o.type()) {
          case "table" -> rebuildTable(st, o);
          case "index" -> {
            st.execute("drop index if exists " + quote(o.name()));
            createIndex(db, st, o);
          }
          default -> {
            st.execute("drop " + o.type() + " if exists " + quote(o.name()));
            st.execute(o.sql());
          }
        }
      }
      st.execute("drop table " + TABLE);
      st.execute("drop table if exists " + EXPANSION_TABLE);
      st.execute("pragma threads = 0");
    }
  }

  private static void createIndex(Connection db, Statement st, SchemaObject index)
      throws SQLException {
    if (!index.name().equals(UNIQUE_INDEX)) {
      st.execute(index.sql());
      return;
    }
    try {
      st.execute(index.sql());
    } catch (SQLException e) {
      if (!e.getMessage().contains("UNIQUE constraint failed")) {
        throw e;
      }
      // A grant was written twice during the load: merge as the upsert would have, then retry.
      new DuplicateGrants(db).merge();
      st.execute(index.sql());
    }
  }

  /**
   * Moves a table behind the rebuilt indexes without changing its rows: rename, create it again
   * from its recorded SQL, copy the rows (ids included), drop the renamed one and its indexes
   * (those come later in the recorded order and are created again there).
   */
  private static void rebuildTable(Statement st, SchemaObject table) throws SQLException {
    if (table.name().equals(LOADED_TABLE) || table.name().equals(TABLE)) {
      throw new SQLException("bulk load: unexpected schema order around " + table.name());
    }
    String old = quote(table.name() + "_bulk_load_old");
    st.execute("drop table if exists " + old);
    st.execute("alter table " + quote(table.name()) + " rename to " + old);
    st.execute(table.sql());
    st.execute("insert into " + quote(table.name()) + " select * from " + old + " order by rowid");
    st.execute("drop table " + old);
  }

  private static boolean deferred(SchemaObject o) {
    return o.type().equals("index") && o.table().equals(LOADED_TABLE) && o.sql() != null;
  }

  private static String quote(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  /** One row of {@code sqlite_master}, in its order; internal objects left out. */
  record SchemaObject(String type, String name, String table, String sql) {
    static List<SchemaObject> all(Connection db) throws SQLException {
      List<SchemaObject> all = new ArrayList<>();
      try (Statement st = db.createStatement();
          ResultSet rs =
              st.executeQuery(
                  "select type, name, tbl_name, sql from sqlite_master"
                      + " where name not like 'sqlite_%' and sql is not null order by rowid")) {
        while (rs.next()) {
          all.add(
              new SchemaObject(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
        }
      }
      return all;
    }
  }
}
