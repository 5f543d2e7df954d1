package org.batonjava.sdk.c1z;

import static org.assertj.core.api.Assertions.assertThat;

import c1.connector.v2.Resource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How {@link RowWriter} hands rows to SQLite: a few hundred at a time into the open transaction (so
 * a batch's rows never pile up in memory), and a commit only every {@code batchRows} rows.
 */
class RowWriterTest {
  @TempDir Path dir;

  @Test
  void rowsReachTheOpenTransactionInSmallBatchesAndAreCommittedPerTransaction() throws Exception {
    String url = "jdbc:sqlite:" + dir.resolve("work.db");
    try (Connection db = DriverManager.getConnection(url);
        Connection other = DriverManager.getConnection(url)) {
      C1zSchema.apply(db);
      db.setAutoCommit(false);
      Clock clock = Clock.fixed(Instant.parse("2026-12-04T10:00:00Z"), ZoneOffset.UTC);
      int perTransaction = 1_000;
      int rows = RowWriter.STATEMENT_BATCH_ROWS * 2 + 10;
      try (RowWriter writer =
          new RowWriter(
              db, new SyncTime(ZoneOffset.UTC), clock, perTransaction, () -> {}, () -> {})) {
        writer.putResources("sync1", users(0, rows));

        // Two statement batches are in the transaction; the last rows are only bound so far.
        assertThat(count(db)).isEqualTo(RowWriter.STATEMENT_BATCH_ROWS * 2);
        assertThat(count(other)).isZero();

        writer.putResources("sync1", users(rows, perTransaction + 5));
        // The thousandth row committed the transaction; the five after it are only bound.
        assertThat(count(other)).isEqualTo(perTransaction);
        assertThat(count(db)).isEqualTo(perTransaction);

        writer.flush();
        assertThat(count(other)).isEqualTo(perTransaction + 5);
        assertThat(writer.rowsWritten()).isEqualTo(perTransaction + 5);
      }
    }
  }

  private static List<Resource> users(int from, int to) {
    List<Resource> users = new ArrayList<>();
    for (int i = from; i < to; i++) {
      users.add(Rows.resource("user", Integer.toString(i), "User " + i));
    }
    return users;
  }

  private static long count(Connection db) throws SQLException {
    try (Statement st = db.createStatement();
        ResultSet rs = st.executeQuery("select count(*) from v1_resources")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
