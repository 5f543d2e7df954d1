package org.batonjava.sdk.c1z;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * An insert whose sync id and discovered-at text are literals in its SQL rather than parameters:
 * they are the same for many rows in a row (a page of connector grants, a batch of grants made by
 * expansion), and binding them cost two of a grant's eleven trips into SQLite (binding text copies
 * it twice; grant expansion binds hundreds of thousands of rows). The statement is prepared again
 * when either changes.
 *
 * <p>The SQL holds {@value #SYNC_ID} and {@value #DISCOVERED_AT} where the two values go. The
 * values are written as SQL string literals, so they are stored as the same text a bound string
 * would be.
 */
final class StampedStatement implements AutoCloseable {
  static final String SYNC_ID = "$sync_id";
  static final String DISCOVERED_AT = "$discovered_at";

  private final Connection db;
  private final String sql;
  private PreparedStatement statement;
  private String syncId;
  private String discoveredAt;

  StampedStatement(Connection db, String sql) {
    if (!sql.contains(SYNC_ID) || !sql.contains(DISCOVERED_AT)) {
      throw new IllegalArgumentException("no place for the sync id or the time in " + sql);
    }
    this.db = db;
    this.sql = sql;
  }

  private boolean changes(String syncId, String discoveredAt) {
    return statement == null
        || !syncId.equals(this.syncId)
        || !discoveredAt.equals(this.discoveredAt);
  }

  /**
   * The statement for this sync id and time, prepared again (and the previous one closed) when
   * either changes: execute the rows bound to the previous one first.
   */
  PreparedStatement forStamp(String syncId, String discoveredAt) throws SQLException {
    if (changes(syncId, discoveredAt)) {
      close();
      statement =
          db.prepareStatement(
              sql.replace(SYNC_ID, literal(syncId)).replace(DISCOVERED_AT, literal(discoveredAt)));
      this.syncId = syncId;
      this.discoveredAt = discoveredAt;
    }
    return statement;
  }

  @Override
  public void close() throws SQLException {
    if (statement != null) {
      PreparedStatement open = statement;
      statement = null;
      open.close();
    }
  }

  private static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }
}
