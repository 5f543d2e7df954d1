package org.batonjava.sdk.c1z;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The SQLite schema of a c1z v1 file, exactly as baton-sdk v0.25.0 creates it: table, column and
 * index names (including the two index names that are swapped upstream), creation order, and the
 * migrations that bring older files up to date.
 */
final class C1zSchema {
  static final String RESOURCE_TYPES = "v1_resource_types";
  static final String RESOURCES = "v1_resources";
  static final String ENTITLEMENTS = "v1_entitlements";
  static final String SYNC_RUNS = "v1_sync_runs";
  static final String GRANTS = "v1_grants";
  static final String ASSETS = "v1_assets";
  static final String SESSIONS = "v1_connector_sessions";

  /** Tables whose rows belong to one sync, in creation order. */
  static final List<String> SYNC_SCOPED_TABLES =
      List.of(RESOURCE_TYPES, RESOURCES, ENTITLEMENTS, GRANTS, ASSETS, SESSIONS);

  private static final List<String> CREATE =
      List.of(
          "create table if not exists v1_resource_types (id integer primary key, external_id text not null,"
              + " data blob not null, sync_id text not null, discovered_at datetime not null)",
          "create unique index if not exists idx_resource_types_external_sync_v1"
              + " on v1_resource_types (external_id, sync_id)",
          "create table if not exists v1_resources (id integer primary key, resource_type_id text not null,"
              + " external_id text not null, parent_resource_type_id text, parent_resource_id text,"
              + " data blob not null, sync_id text not null, discovered_at datetime not null)",
          "create index if not exists idx_resources_resource_type_id_v1 on v1_resources (resource_type_id)",
          // Upstream swaps these two names; they are kept as they are so sqlite_master matches.
          "create index if not exists idx_resources_external_sync_v1"
              + " on v1_resources (parent_resource_type_id, parent_resource_id)",
          "create unique index if not exists idx_resources_parent_resource_id_v1"
              + " on v1_resources (external_id, sync_id)",
          "create table if not exists v1_entitlements (id integer primary key, resource_type_id text not null,"
              + " resource_id text not null, external_id text not null, data blob not null,"
              + " sync_id text not null, discovered_at datetime not null)",
          "create index if not exists idx_entitlements_resource_id_v1"
              + " on v1_entitlements (resource_type_id, resource_id)",
          "create unique index if not exists idx_entitlements_external_sync_v1"
              + " on v1_entitlements (external_id, sync_id)",
          "create table if not exists v1_sync_runs (id integer primary key, sync_id text not null,"
              + " started_at datetime not null, ended_at datetime, sync_token text not null,"
              + " sync_type text not null default 'full', parent_sync_id text not null default '',"
              + " linked_sync_id text not null default '', supports_diff integer not null default 0,"
              + " grants_backfilled integer not null default 0, stats text,"
              + " ingest_invariant_generation text not null default '',"
              + " ingest_invariant_coverage text not null default '',"
              + " ingest_invariant_mode text not null default '')",
          "create unique index if not exists idx_sync_runs_sync_id_v1 on v1_sync_runs (sync_id)",
          "create table if not exists v1_grants (id integer primary key, resource_type_id text not null,"
              + " resource_id text not null, entitlement_id text not null,"
              + " principal_resource_type_id text not null, principal_resource_id text not null,"
              + " external_id text not null, expansion blob, needs_expansion integer not null default 0,"
              + " data blob not null, sync_id text not null, discovered_at datetime not null)",
          "create index if not exists idx_grants_resource_type_id_resource_id_v1"
              + " on v1_grants (resource_type_id, resource_id)",
          "create index if not exists idx_grants_principal_id_v1"
              + " on v1_grants (principal_resource_type_id, principal_resource_id)",
          "create index if not exists idx_grants_entitlement_id_principal_id_v1"
              + " on v1_grants (entitlement_id, principal_resource_type_id, principal_resource_id)",
          "create unique index if not exists idx_grants_external_sync_v1 on v1_grants (external_id, sync_id)",
          "create index if not exists idx_grants_entitlement_sync_grant_v1"
              + " on v1_grants (entitlement_id, sync_id, id)",
          "create table if not exists v1_assets (id integer primary key, external_id text not null,"
              + " content_type text not null, data blob not null, sync_id text not null,"
              + " discovered_at datetime not null)",
          "create unique index if not exists idx_assets_external_sync_v1 on v1_assets (external_id, sync_id)",
          "create table if not exists v1_connector_sessions (id integer primary key, sync_id text not null,"
              + " key TEXT not null, value BLOB not null)",
          "create unique index if not exists idx_session_store_sync_key_v1"
              + " on v1_connector_sessions (sync_id, key)");

  /** Columns added to older files by migration: (table, column, declaration). */
  private static final List<String[]> ADDED_COLUMNS =
      List.of(
          new String[] {SYNC_RUNS, "sync_type", "text not null default 'full'"},
          new String[] {SYNC_RUNS, "parent_sync_id", "text not null default ''"},
          new String[] {SYNC_RUNS, "linked_sync_id", "text not null default ''"},
          new String[] {SYNC_RUNS, "supports_diff", "integer not null default 0"},
          new String[] {SYNC_RUNS, "grants_backfilled", "integer not null default 0"},
          new String[] {SYNC_RUNS, "stats", "text"},
          new String[] {SYNC_RUNS, "ingest_invariant_generation", "text not null default ''"},
          new String[] {SYNC_RUNS, "ingest_invariant_coverage", "text not null default ''"},
          new String[] {SYNC_RUNS, "ingest_invariant_mode", "text not null default ''"},
          new String[] {GRANTS, "expansion", "blob"},
          new String[] {GRANTS, "needs_expansion", "integer not null default 0"});

  /** Partial indexes every open (re)creates. */
  private static final List<String> PARTIAL_INDEXES =
      List.of(
          "create index if not exists idx_grants_sync_expansion_v1 on v1_grants (sync_id)"
              + " where expansion is not null",
          "create index if not exists idx_grants_sync_needs_expansion_v1 on v1_grants (sync_id)"
              + " where needs_expansion = 1");

  private C1zSchema() {}

  /** Creates the tables of a new file, or migrates an existing one. Idempotent. */
  static void apply(Connection db) throws SQLException {
    apply(db, Set.of());
  }

  /**
   * Like {@link #apply(Connection)}, but leaves out the indexes named in {@code deferred}: those a
   * bulk load in progress has dropped and builds at its end (see {@link BulkLoad}).
   */
  static void apply(Connection db, Set<String> deferred) throws SQLException {
    try (Statement st = db.createStatement()) {
      for (String[] column : ADDED_COLUMNS) {
        if (tableExists(db, column[0]) && !columns(db, column[0]).contains(column[1])) {
          st.execute("alter table " + column[0] + " add column " + column[1] + " " + column[2]);
        }
      }
      for (String sql : CREATE) {
        if (!deferred.contains(indexName(sql))) {
          st.execute(sql);
        }
      }
      for (String sql : PARTIAL_INDEXES) {
        if (!deferred.contains(indexName(sql))) {
          st.execute(sql);
        }
      }
    }
  }

  /** The name an index statement creates; empty for a table. */
  private static String indexName(String sql) {
    String marker = " index if not exists ";
    int at = sql.indexOf(marker);
    if (at < 0) {
      return "";
    }
    int start = at + marker.length();
    return sql.substring(start, sql.indexOf(' ', start));
  }

  private static boolean tableExists(Connection db, String table) throws SQLException {
    try (var ps =
        db.prepareStatement("select 1 from sqlite_master where type = 'table' and name = ?")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static Set<String> columns(Connection db, String table) throws SQLException {
    Set<String> names = new HashSet<>();
    try (Statement st = db.createStatement();
        ResultSet rs = st.executeQuery("pragma table_info(" + table + ")")) {
      while (rs.next()) {
        names.add(rs.getString("name"));
      }
    }
    return names;
  }
}
