package org.batonjava.sdk.c1z;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import c1.connector.v2.Grant;
import c1.connector.v2.Resource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How {@link RowWriter} hands rows to SQLite: a few hundred at a time into the open transaction (so
 * a batch's rows never pile up in memory), a commit only every {@code batchRows} rows, in the order
 * they were written, with the sync id and time a stamped statement puts in its text.
 */
class RowWriterTest {
  private static final Clock FIXED =
      Clock.fixed(Instant.parse("2026-12-04T10:00:00Z"), ZoneOffset.UTC);

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
        writer.awaitWrites();

        // Two statement batches are in the transaction; the last rows are only gathered so far.
        assertThat(count(db)).isEqualTo(RowWriter.STATEMENT_BATCH_ROWS * 2);
        assertThat(count(other)).isZero();

        writer.putResources("sync1", users(rows, perTransaction + 5));
        writer.awaitWrites();
        // The thousandth row committed the transaction; the five after it are only gathered.
        assertThat(count(other)).isEqualTo(perTransaction);
        assertThat(count(db)).isEqualTo(perTransaction);

        writer.flush();
        assertThat(count(other)).isEqualTo(perTransaction + 5);
        assertThat(writer.rowsWritten()).isEqualTo(perTransaction + 5);
      }
    }
  }

  /**
   * The sync id and time are literals in the statement's text: the rows of one statement batch
   * share the time of its first row, a new batch in the same second of the clock takes the time of
   * that second's first row, one in a later second the time it starts at; values are stored as text
   * exactly as bound strings, and nothing bound before a change is lost.
   */
  @Test
  void encodedGrantsShareTheTimeOfTheirSecondAndKeepTheirSync() throws Exception {
    SyncRunTableTest.ManualClock clock = new SyncRunTableTest.ManualClock();
    try (Connection db = workDb()) {
      try (RowWriter writer = writer(db, clock)) {
        writer.putExpandedGrant("sync'1", encoded("g1", "first"));
        clock.advance(Duration.ofMillis(1_500));
        writer.putExpandedGrant("sync'1", encoded("g2", "second"));
        writer.flush();
        writer.putExpandedGrant("sync'1", encoded("g3", "third"));
        writer.putExpandedGrant("sync2", encoded("g4", "fourth"));
        for (int i = 0; i < RowWriter.STATEMENT_BATCH_ROWS; i++) {
          writer.putExpandedGrant("sync2", encoded("n" + i, "next"));
          clock.advance(Duration.ofMillis(1));
        }
        writer.putExpandedGrant("sync2", encoded("g5", "fifth"));
        clock.advance(Duration.ofSeconds(1));
        for (int i = 0; i < RowWriter.STATEMENT_BATCH_ROWS; i++) {
          writer.putExpandedGrant("sync2", encoded("m" + i, "more"));
        }
        writer.putExpandedGrant("sync2", encoded("g6", "sixth"));
        writer.flush();
      }
      assertThat(
              rows(
                  db,
                  "select external_id, sync_id, typeof(sync_id), discovered_at,"
                      + " typeof(discovered_at), expansion is null, needs_expansion,"
                      + " cast(data as text) from v1_grants where external_id like 'g%' order by id"))
          .containsExactly(
              "g1|sync'1|text|2026-11-01 10:00:00|text|1|0|first",
              "g2|sync'1|text|2026-11-01 10:00:00|text|1|0|second",
              "g3|sync'1|text|2026-11-01 10:00:01.5|text|1|0|third",
              "g4|sync2|text|2026-11-01 10:00:01.5|text|1|0|fourth",
              // g4 and the first "next" rows fill a batch; the last "next" row starts the one g5
              // joins, 63 ms later but in the same second.
              "g5|sync2|text|2026-11-01 10:00:01.5|text|1|0|fifth",
              // The "more" rows fill that batch; the last two start one in the next second.
              "g6|sync2|text|2026-11-01 10:00:02."
                  + (500 + RowWriter.STATEMENT_BATCH_ROWS)
                  + "|text|1|0|sixth");
      assertThat(rows(db, "select count(*) from v1_grants"))
          .containsExactly(Integer.toString(6 + 2 * RowWriter.STATEMENT_BATCH_ROWS));
    }
  }

  /**
   * Rows reach SQLite in the order they were written, across statements: an expanded grant created
   * encoded and then written again as a grant with more sources ends with the later data, and the
   * other way round.
   */
  @Test
  void rowsOfDifferentStatementsKeepTheirOrder() throws Exception {
    Resource alice = Rows.resource("user", "1", "Alice");
    Grant later =
        Rows.grant(Rows.entitlement(Rows.resource("group", "2", "Admins"), "member"), alice);
    try (Connection db = workDb();
        RowWriter writer = writer(db, FIXED)) {
      writer.putExpandedGrant("s", encoded(later.getId(), "encoded first"));
      writer.putExpandedGrants("s", List.of(later));
      writer.putExpandedGrant("s", encoded("other", "listed first"));
      writer.putExpandedGrants("s", List.of(later.toBuilder().setId("other").build()));
      writer.putExpandedGrant("s", encoded("other", "encoded last"));
      writer.flush();

      assertThat(rows(db, "select external_id, data = ? from v1_grants order by id", later))
          .containsExactly(later.getId() + "|1", "other|0");
      assertThat(rows(db, "select cast(data as text) from v1_grants where external_id = 'other'"))
          .containsExactly("encoded last");
    }
  }

  /**
   * A batch that fails on the writer's thread is reported, once, by the next call that waits for
   * it, with the transaction rolled back; the writer then goes on.
   */
  @Test
  void aFailedBatchIsReportedOnceAndTheWriterGoesOn() throws Exception {
    try (Connection db = workDb();
        RowWriter writer = writer(db, FIXED)) {
      writer.putResources("sync1", users(0, 3));
      writer.flush();
      try (Statement st = db.createStatement()) {
        st.execute("drop table v1_resources");
      }
      writer.putResources("sync1", users(3, 6));

      assertThatThrownBy(writer::flush)
          .isInstanceOf(C1zException.class)
          .hasMessageStartingWith("could not write to the store: ");
      // The rollback brought the table back with the committed rows; the next rows go in.
      writer.putResources("sync1", users(6, 8));
      writer.flush();
      assertThat(count(db)).isEqualTo(5);
    }
  }

  /** The working database with the schema, in a transaction as the store keeps it. */
  private Connection workDb() throws SQLException {
    Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("work.db"));
    C1zSchema.apply(db);
    db.setAutoCommit(false);
    return db;
  }

  /** A writer committing every 1,000 rows. */
  private static RowWriter writer(Connection db, Clock clock) {
    return new RowWriter(db, new SyncTime(ZoneOffset.UTC), clock, 1_000, () -> {}, () -> {});
  }

  private static EncodedGrant encoded(String id, String data) {
    return new EncodedGrant(
        "group", "2", "group:2:member", "user", "1", id, data.getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> rows(Connection db, String sql, Grant... bind) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (PreparedStatement ps = db.prepareStatement(sql)) {
      for (int i = 0; i < bind.length; i++) {
        ps.setBytes(i + 1, ProtoBytes.deterministic(GrantRow.of(bind[i]).stripped()));
      }
      try (ResultSet rs = ps.executeQuery()) {
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          List<String> values = new ArrayList<>();
          for (int c = 1; c <= columns; c++) {
            values.add(rs.getString(c));
          }
          rows.add(String.join("|", values));
        }
      }
    }
    return rows;
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
