package org.batonjava.sdk.c1z;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.Arrays;

/**
 * Merges grants stored more than once with the same {@code (external_id, sync_id)} during a bulk
 * load (see {@link BulkLoad}) into the state the writer's upsert would have left: the row with the
 * lowest id (the first written) stays, with the data and expansion of the last one written; its
 * {@code needs_expansion} is folded over the rows in order with the upsert's rule (0 without
 * expansion; 1 when the expansion is new or changed; unchanged otherwise). A row grant expansion
 * wrote (from the id {@link BulkLoad#expansionFrom} gives) replaces the data only, as expansion's
 * upsert does. The other rows go.
 *
 * <p>The duplicate keys are found by one sort of the table and kept in a temporary table (on disk:
 * the sort spills to temporary files), so memory holds one group of duplicates at a time.
 */
final class DuplicateGrants {
  private static final String DUPS = "temp.batonjava_duplicate_grants";

  private final Connection db;

  DuplicateGrants(Connection db) {
    this.db = db;
  }

  /** Whether any grant of {@code syncId} is stored more than once (one sort of its grants). */
  static boolean exist(Connection db, String syncId) throws SQLException {
    try (PreparedStatement ps =
        db.prepareStatement(
            "select 1 from v1_grants where sync_id = ? group by external_id"
                + " having count(*) > 1 limit 1")) {
      ps.setString(1, syncId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** Merges every group of duplicates; returns the number of rows removed. */
  long merge() throws SQLException {
    try (Statement st = db.createStatement()) {
      st.execute("drop table if exists " + DUPS);
      st.execute(
          "create table "
              + DUPS
              + " as select id, external_id, sync_id from v1_grants"
              + " where (external_id, sync_id) in (select external_id, sync_id from v1_grants"
              + " group by external_id, sync_id having count(*) > 1)");
    }
    long removed = 0;
    long expansionFrom = BulkLoad.expansionFrom(db);
    try (Statement st = db.createStatement();
        ResultSet rs =
            st.executeQuery(
                "select id, external_id, sync_id from "
                    + DUPS
                    + " order by external_id, sync_id, id");
        PreparedStatement read =
            db.prepareStatement(
                "select data, expansion, needs_expansion from v1_grants where id = ?");
        PreparedStatement keep =
            db.prepareStatement(
                "update v1_grants set data = ?, expansion = ?, needs_expansion = ? where id = ?");
        PreparedStatement drop = db.prepareStatement("delete from v1_grants where id = ?")) {
      Group group = null;
      while (rs.next()) {
        long id = rs.getLong(1);
        String key = rs.getString(2) + '\0' + rs.getString(3);
        if (group == null || !group.key.equals(key)) {
          if (group != null) {
            group.store(keep);
          }
          group = new Group(key, id);
          group.start(read);
          continue;
        }
        group.apply(read, id, id >= expansionFrom);
        drop.setLong(1, id);
        drop.executeUpdate();
        removed++;
      }
      if (group != null) {
        group.store(keep);
      }
    }
    try (Statement st = db.createStatement()) {
      st.execute("drop table " + DUPS);
    }
    return removed;
  }

  /** The running state of one group: the surviving row and what the upserts made of it. */
  private static final class Group {
    private final String key;
    private final long firstId;
    private byte[] data;
    private byte[] expansion;
    private int needsExpansion;

    Group(String key, long firstId) {
      this.key = key;
      this.firstId = firstId;
    }

    void start(PreparedStatement read) throws SQLException {
      read.setLong(1, firstId);
      try (ResultSet rs = read.executeQuery()) {
        rs.next();
        data = rs.getBytes(1);
        expansion = rs.getBytes(2);
        needsExpansion = rs.getInt(3);
      }
    }

    /**
     * The upsert of {@link RowWriter} that wrote a later row: the connector grants' one, or
     * expansion's, which replaces the data only.
     */
    void apply(PreparedStatement read, long id, boolean byExpansion) throws SQLException {
      read.setLong(1, id);
      try (ResultSet rs = read.executeQuery()) {
        rs.next();
        if (byExpansion) {
          data = rs.getBytes(1);
          return;
        }
        byte[] laterExpansion = rs.getBytes(2);
        if (laterExpansion == null) {
          needsExpansion = 0;
        } else if (expansion == null || !Arrays.equals(expansion, laterExpansion)) {
          needsExpansion = 1;
        }
        data = rs.getBytes(1);
        expansion = laterExpansion;
      }
    }

    void store(PreparedStatement keep) throws SQLException {
      keep.setBytes(1, data);
      if (expansion == null) {
        keep.setNull(2, Types.BLOB);
      } else {
        keep.setBytes(2, expansion);
      }
      keep.setInt(3, needsExpansion);
      keep.setLong(4, firstId);
      keep.executeUpdate();
    }
  }
}
