package org.batonjava.sdk.c1z;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.EnumMap;
import java.util.Map;

/**
 * The statements {@link RowWriter} writes through, one per {@link Kind}, used by one thread at a
 * time (the writer's background thread, or the caller's while the writer is idle). Rows are upserts
 * on (external_id, sync_id); during a bulk load of grants ({@link C1zStore#beginBulkLoad()}) grants
 * are appended instead (the unique index an upsert needs is not there), and {@link BulkLoad} merges
 * repeats when the load ends. Grant statements are therefore prepared lazily, for the mode in
 * force.
 */
final class RowStatements implements AutoCloseable {
  /** What a row is: which table, and how it is written. */
  enum Kind {
    RESOURCE_TYPE(false),
    RESOURCE(false),
    ENTITLEMENT(false),
    /** A connector grant: its nine columns; the sync id and time are in the statement's text. */
    GRANT(true),
    /** A grant made by expansion, from a {@code Grant}: all eleven columns bound. */
    EXPANDED_GRANT(false),
    /** A grant made by expansion, already encoded: seven columns bound. */
    ENCODED_GRANT(true),
    /** Expansion's new data for a stored grant, by row id. */
    EXPANDED_GRANT_DATA(false);

    private final boolean stamped;

    Kind(boolean stamped) {
      this.stamped = stamped;
    }

    /**
     * Whether the sync id and time are literals in the statement (see {@link StampedStatement}).
     */
    boolean stamped() {
      return stamped;
    }
  }

  private static final String UPSERT_DATA =
      " on conflict (external_id, sync_id) do update set data = excluded.data";
  private static final String GRANT_COLUMNS =
      "insert into v1_grants (resource_type_id, resource_id, entitlement_id,"
          + " principal_resource_type_id, principal_resource_id, external_id, expansion,"
          + " needs_expansion, data, sync_id, discovered_at) values ";
  private static final String GRANT_INSERT = GRANT_COLUMNS + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String STAMPED_GRANT_INSERT =
      GRANT_COLUMNS
          + "(?, ?, ?, ?, ?, ?, ?, ?, ?, "
          + StampedStatement.SYNC_ID
          + ", "
          + StampedStatement.DISCOVERED_AT
          + ")";
  private static final String GRANT_UPSERT =
      " on conflict (external_id, sync_id) do update set data = excluded.data,"
          + " expansion = excluded.expansion,"
          + " needs_expansion = case when excluded.expansion is null then 0"
          + " when v1_grants.expansion is null or v1_grants.expansion <> excluded.expansion then 1"
          + " else v1_grants.needs_expansion end";

  /** A grant made by expansion, already encoded: never any expansion data of its own. */
  private static final String ENCODED_GRANT_INSERT =
      GRANT_COLUMNS
          + "(?, ?, ?, ?, ?, ?, null, 0, ?, "
          + StampedStatement.SYNC_ID
          + ", "
          + StampedStatement.DISCOVERED_AT
          + ")";

  private final Connection db;
  private final Map<Kind, PreparedStatement> plain = new EnumMap<>(Kind.class);
  private final Map<Kind, StampedStatement> stamped = new EnumMap<>(Kind.class);
  private boolean bulkLoad;

  /**
   * Prepares the statements that do not depend on the mode, so a store that cannot take writes
   * fails here.
   */
  RowStatements(Connection db) throws SQLException {
    this.db = db;
    plain.put(
        Kind.RESOURCE_TYPE,
        db.prepareStatement(
            "insert into v1_resource_types (external_id, data, sync_id, discovered_at) values (?, ?, ?, ?)"
                + UPSERT_DATA));
    plain.put(
        Kind.RESOURCE,
        db.prepareStatement(
            "insert into v1_resources (resource_type_id, external_id, parent_resource_type_id,"
                + " parent_resource_id, data, sync_id, discovered_at) values (?, ?, ?, ?, ?, ?, ?)"
                + UPSERT_DATA));
    plain.put(
        Kind.ENTITLEMENT,
        db.prepareStatement(
            "insert into v1_entitlements (resource_type_id, resource_id, external_id, data, sync_id,"
                + " discovered_at) values (?, ?, ?, ?, ?, ?)"
                + UPSERT_DATA));
  }

  /** Switches between upserting and appending grants; closes the grant statements. */
  void bulkLoad(boolean on) {
    closeGrantStatements();
    bulkLoad = on;
  }

  /** Binds the batch's rows and hands them to SQLite, in order. */
  void execute(RowBatch batch) throws SQLException {
    PreparedStatement ps = statement(batch);
    for (Object[] row : batch.rows) {
      for (int i = 0; i < row.length; i++) {
        bind(ps, i + 1, row[i]);
      }
      ps.addBatch();
    }
    ps.executeBatch();
  }

  private PreparedStatement statement(RowBatch batch) throws SQLException {
    if (batch.kind.stamped()) {
      StampedStatement s = stamped.get(batch.kind);
      if (s == null) {
        s = new StampedStatement(db, sql(batch.kind));
        stamped.put(batch.kind, s);
      }
      return s.forStamp(batch.syncId, batch.discoveredAt);
    }
    PreparedStatement ps = plain.get(batch.kind);
    if (ps == null) {
      ps = db.prepareStatement(sql(batch.kind));
      plain.put(batch.kind, ps);
    }
    return ps;
  }

  private String sql(Kind kind) {
    return switch (kind) {
      case GRANT -> bulkLoad ? STAMPED_GRANT_INSERT : STAMPED_GRANT_INSERT + GRANT_UPSERT;
      case ENCODED_GRANT -> bulkLoad ? ENCODED_GRANT_INSERT : ENCODED_GRANT_INSERT + UPSERT_DATA;
      // Grants made by expansion keep whatever expansion data the row already has; during a bulk
      // load they are appended, and DuplicateGrants applies the same rule to repeats.
      case EXPANDED_GRANT -> bulkLoad ? GRANT_INSERT : GRANT_INSERT + UPSERT_DATA;
      case EXPANDED_GRANT_DATA -> "update v1_grants set data = ? where id = ?";
      default -> throw new IllegalStateException("prepared at construction: " + kind);
    };
  }

  private static void bind(PreparedStatement ps, int index, Object value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.NULL);
    } else if (value instanceof String s) {
      ps.setString(index, s);
    } else if (value instanceof byte[] b) {
      ps.setBytes(index, b);
    } else if (value instanceof Integer n) {
      ps.setInt(index, n);
    } else if (value instanceof Long n) {
      ps.setLong(index, n);
    } else {
      throw new IllegalArgumentException("cannot store a " + value.getClass().getName());
    }
  }

  @Override
  public void close() {
    closeGrantStatements();
    for (PreparedStatement ps : plain.values()) {
      closeQuietly(ps);
    }
    plain.clear();
  }

  private void closeGrantStatements() {
    for (Kind k : new Kind[] {Kind.EXPANDED_GRANT, Kind.EXPANDED_GRANT_DATA}) {
      closeQuietly(plain.remove(k));
    }
    for (StampedStatement s : stamped.values()) {
      closeQuietly(s);
    }
    stamped.clear();
  }

  private static void closeQuietly(AutoCloseable statement) {
    if (statement == null) {
      return;
    }
    try {
      statement.close();
    } catch (Exception ignored) {
      // Closing a statement cannot lose data: its rows were executed, committed or failed already.
    }
  }
}
