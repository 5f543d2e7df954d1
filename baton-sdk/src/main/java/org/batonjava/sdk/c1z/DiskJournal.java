package org.batonjava.sdk.c1z;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Runs work that rewrites much of the database (deleting a sync, vacuuming) with SQLite's rollback
 * journal in a file beside the working database instead of in memory. The store keeps its journal
 * in memory because its transactions are small; a transaction that deletes a sync of a million
 * grants, or the copy back at the end of a vacuum, changes most pages of the file, and an in-memory
 * journal would hold a copy of each: the process grew by the size of the database. The file journal
 * keeps the statement atomic (a failure still rolls back) without that memory.
 */
final class DiskJournal {
  private DiskJournal() {}

  /** The work; it may commit. */
  interface Work {
    void run() throws SQLException;
  }

  /** Runs {@code work} and commits; on failure rolls it back (switching modes would commit it). */
  static void run(Connection db, Work work) throws SQLException {
    if (!db.getAutoCommit()) {
      db.commit();
    }
    mode(db, "truncate");
    try {
      work.run();
      if (!db.getAutoCommit()) {
        db.commit();
      }
    } catch (SQLException | RuntimeException e) {
      try {
        db.rollback();
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    } finally {
      mode(db, "memory");
    }
  }

  /** Sets the journal mode; it can change only outside a transaction, hence autocommit. */
  private static void mode(Connection db, String mode) throws SQLException {
    boolean autoCommit = db.getAutoCommit();
    db.setAutoCommit(true);
    try (Statement st = db.createStatement();
        ResultSet rs = st.executeQuery("pragma journal_mode = " + mode)) {
      if (!rs.next() || !rs.getString(1).equalsIgnoreCase(mode)) {
        throw new SQLException("could not set the journal mode to " + mode);
      }
    } finally {
      db.setAutoCommit(autoCommit);
    }
  }
}
