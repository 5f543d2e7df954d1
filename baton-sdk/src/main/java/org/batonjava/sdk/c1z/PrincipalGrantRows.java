package org.batonjava.sdk.c1z;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The grants of one sync on a set of entitlements, one principal at a time: every grant of the
 * first principal (in row-id order), then of the next. What grant expansion reads when no
 * entitlement it writes is also one it reads from: it then needs each principal's grants together
 * and nothing it has written itself.
 *
 * <p>The rows come from one query whose order SQLite makes by sorting (spilling to temporary files,
 * so memory holds two chunks of rows, not the whole result), not through an index: it reads during
 * a bulk load, when the grant indexes are not there, and the sort has read every row before the
 * first is returned, so writing grants while the cursor is open does not change what it returns.
 *
 * <p>The rows are read {@value #CHUNK_ROWS} at a time on the store writer's background thread, one
 * chunk ahead: the caller works out a chunk's derived grants while that thread stores the last
 * chunk's and reads the next, and the two never wait for each other's hold on the connection.
 */
public final class PrincipalGrantRows implements AutoCloseable {
  private static final String ENTITLEMENTS = "temp.batonjava_expansion_entitlements";

  /** Rows per read ahead. */
  static final int CHUNK_ROWS = 256;

  private final Connection db;
  private final RowWriter writer;
  private final PreparedStatement statement;
  private final ResultSet rows;
  private List<StoredGrant> chunk = List.of();
  private int position;
  private CompletableFuture<List<StoredGrant>> ahead;
  private boolean exhausted;
  private StoredGrant next;

  private PrincipalGrantRows(
      Connection db, RowWriter writer, PreparedStatement statement, ResultSet rows) {
    this.db = db;
    this.writer = writer;
    this.statement = statement;
    this.rows = rows;
    this.ahead = writer.readAfterWrites(this::readChunk);
    this.next = read();
  }

  /** Opens the cursor over the grants of {@code syncId} on any of {@code entitlementIds}. */
  static PrincipalGrantRows open(
      Connection db, RowWriter writer, String syncId, Collection<String> entitlementIds) {
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
      return new PrincipalGrantRows(db, writer, ps, ps.executeQuery());
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
    while (next != null
        && next.principalType().equals(first.principalType())
        && next.principalId().equals(first.principalId())) {
      group.add(next);
      next = read();
    }
    return group;
  }

  /** The next row, from the chunk read ahead; asks for the chunk after it. */
  private StoredGrant read() {
    if (position == chunk.size()) {
      if (ahead == null) {
        return null;
      }
      chunk = collect(ahead);
      position = 0;
      ahead = chunk.size() < CHUNK_ROWS ? null : writer.readAfterWrites(this::readChunk);
      if (chunk.isEmpty()) {
        return null;
      }
    }
    return chunk.get(position++);
  }

  /** On the writer's thread: up to {@value #CHUNK_ROWS} rows. */
  private List<StoredGrant> readChunk() throws SQLException {
    List<StoredGrant> out = new ArrayList<>(CHUNK_ROWS);
    while (!exhausted && out.size() < CHUNK_ROWS) {
      if (!rows.next()) {
        exhausted = true;
        break;
      }
      out.add(
          new StoredGrant(
              rows.getLong(1),
              rows.getString(2),
              rows.getString(3),
              rows.getString(4),
              rows.getBytes(5)));
    }
    return out;
  }

  private static List<StoredGrant> collect(CompletableFuture<List<StoredGrant>> chunk) {
    try {
      return chunk.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof SQLException sql) {
        throw new C1zException("could not read grants to expand: " + sql.getMessage(), sql);
      }
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  @Override
  public void close() {
    // The connection is the caller's again once the writer is idle; what it read is not needed.
    ahead = null;
    RuntimeException writeFailure = null;
    try {
      writer.awaitWrites();
    } catch (RuntimeException e) {
      writeFailure = e;
    }
    try {
      rows.close();
      statement.close();
      try (Statement st = db.createStatement()) {
        st.execute("drop table if exists " + ENTITLEMENTS);
      }
    } catch (SQLException e) {
      C1zException failure =
          new C1zException("could not close the expansion read: " + e.getMessage(), e);
      if (writeFailure != null) {
        writeFailure.addSuppressed(failure);
        throw writeFailure;
      }
      throw failure;
    }
    if (writeFailure != null) {
      throw writeFailure;
    }
  }
}
