package org.batonjava.sdk.c1z;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Prepared statements kept by their SQL text, so a query asked for again (a page of a listing, a
 * lookup by id) is not compiled again: compiling was a sixth of a sync's time. Holds at most
 * {@value #CAPACITY} statements, dropping the least recently used. A statement is handed out for
 * one execution at a time; SQLite compiles it again by itself when the schema changes.
 */
final class StatementCache {
  static final int CAPACITY = 64;

  private final Connection db;
  private final LinkedHashMap<String, PreparedStatement> statements =
      new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
          if (size() <= CAPACITY) {
            return false;
          }
          closeQuietly(eldest.getValue());
          return true;
        }
      };

  StatementCache(Connection db) {
    this.db = db;
  }

  PreparedStatement get(String sql) throws SQLException {
    PreparedStatement ps = statements.get(sql);
    if (ps == null) {
      ps = db.prepareStatement(sql);
      statements.put(sql, ps);
    }
    return ps;
  }

  void close() {
    statements.values().forEach(StatementCache::closeQuietly);
    statements.clear();
  }

  private static void closeQuietly(PreparedStatement ps) {
    try {
      ps.close();
    } catch (SQLException ignored) {
      // A statement that fails to close holds nothing the caller needs.
    }
  }
}
