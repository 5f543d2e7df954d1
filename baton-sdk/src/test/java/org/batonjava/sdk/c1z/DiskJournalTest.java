package org.batonjava.sdk.c1z;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Large rewrites run with the journal in a file, are committed or rolled back as a whole, and the
 * store's in-memory journal is back afterwards.
 */
class DiskJournalTest {
  @TempDir Path dir;

  private Connection open() throws SQLException {
    Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("db"));
    try (Statement st = db.createStatement()) {
      st.execute("pragma journal_mode = memory");
      st.execute("create table t (x integer)");
      st.execute("insert into t values (1), (2), (3)");
    }
    db.setAutoCommit(false);
    return db;
  }

  private static String query(Connection db, String sql) throws SQLException {
    try (Statement st = db.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  @Test
  void theWorkRunsWithAFileJournalAndIsCommitted() throws Exception {
    try (Connection db = open()) {
      DiskJournal.run(
          db,
          () -> {
            assertThat(query(db, "pragma journal_mode")).isEqualTo("truncate");
            try (Statement st = db.createStatement()) {
              st.execute("delete from t where x > 1");
            }
          });
      assertThat(query(db, "pragma journal_mode")).isEqualTo("memory");
      assertThat(db.getAutoCommit()).isFalse();
      db.rollback();
      assertThat(query(db, "select count(*) from t")).isEqualTo("1");
    }
  }

  @Test
  void aFailureRollsTheWorkBack() throws Exception {
    try (Connection db = open()) {
      assertThatThrownBy(
              () ->
                  DiskJournal.run(
                      db,
                      () -> {
                        try (Statement st = db.createStatement()) {
                          st.execute("delete from t");
                          st.execute("insert into missing values (1)");
                        }
                      }))
          .isInstanceOf(SQLException.class);
      db.rollback();
      assertThat(query(db, "pragma journal_mode")).isEqualTo("memory");
      assertThat(query(db, "select count(*) from t")).isEqualTo("3");
    }
  }
}
