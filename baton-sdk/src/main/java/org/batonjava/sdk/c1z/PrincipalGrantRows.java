package org.batonjava.sdk.c1z;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The grants of one sync on a set of entitlements, one principal at a time: every grant of the
 * first principal (in row-id order), then of the next. What grant expansion reads when no
 * entitlement it writes is also one it reads from: it then needs each principal's grants together
 * and nothing it has written itself.
 *
 * <p>The rows come from one query whose order SQLite makes by sorting (spilling to temporary files,
 * so memory holds one principal's rows), not through an index: it reads during a bulk load, when
 * the grant indexes are not there, and the sort has read every row before the first is returned, so
 * writing grants while the cursor is open does not change what it returns.
 */
public final class PrincipalGrantRows implements AutoCloseable {
  private static final String ENTITLEMENTS = "temp.batonjava_expansion_entitlements";

  private final Connection db;
  private final PreparedStatement statement;
  private final ResultSet rows;
  private StoredGrant next;

  private PrincipalGrantRows(Connection db, PreparedStatement statement, ResultSet rows)
      throws SQLException {
    this.db = db;
    this.statement = statement;
    this.rows = rows;
    this.next = read();
  }

  /** Opens the cursor over the grants of {@code syncId} on any of {@code entitlementIds}. */
  static PrincipalGrantRows open(Connection db, String syncId, Collection<String> entitlementIds) {
    try {
      try (Statement st = db.createStatement()) {
        st.execute("drop table if exists " + ENTITLEMENTS);
        st.execute("create table " + ENTITLEMENTS + " (id text primary key) without rowid");
      }
      try (PreparedStatement insert =
          db.prepareStatement("insert or ignore into " + ENTITLEMENTS + " (id) values (?)")) {
        for (String id : entitlementIds) {
          insert.setString(1, id);
          insert.addBatch();
        }
        insert.executeBatch();
      }
      // The unary + keeps SQLite from ordering through an index (which would read the table while
      // the caller writes to it): the order comes from a sort of all matching rows.
      PreparedStatement ps =
          db.prepareStatement(
              "select id, entitlement_id, principal_resource_type_id, principal_resource_id, data"
                  + " from v1_grants where sync_id = ? and entitlement_id in (select id from "
                  + ENTITLEMENTS
                  + ") order by +principal_resource_type_id, +principal_resource_id, +id");
      ps.setString(1, syncId);
      return new PrincipalGrantRows(db, ps, ps.executeQuery());
    } catch (SQLException e) {
      throw new C1zException("could not read grants to expand: " + e.getMessage(), e);
    }
  }

  /** The rows of the next principal, in row-id order; empty after the last. */
  public List<StoredGrant> nextPrincipal() {
    List<StoredGrant> group = new ArrayList<>();
    if (next == null) {
      return group;
    }
    StoredGrant first = next;
    try {
      while (next != null
          && next.principalType().equals(first.principalType())
          && next.principalId().equals(first.principalId())) {
        group.add(next);
        next = read();
      }
    } catch (SQLException e) {
      throw new C1zException("could not read grants to expand: " + e.getMessage(), e);
    }
    return group;
  }

  private StoredGrant read() throws SQLException {
    if (!rows.next()) {
      return null;
    }
    return new StoredGrant(
        rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4), rows.getBytes(5));
  }

  @Override
  public void close() {
    try {
      rows.close();
      statement.close();
      try (Statement st = db.createStatement()) {
        st.execute("drop table if exists " + ENTITLEMENTS);
      }
    } catch (SQLException e) {
      throw new C1zException("could not close the expansion read: " + e.getMessage(), e);
    }
  }
}
