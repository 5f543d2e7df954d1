package org.batonjava.sdk.c1z;

import c1.connector.v2.Entitlement;
import c1.connector.v2.Grant;
import c1.connector.v2.Resource;
import c1.connector.v2.ResourceType;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.batonjava.sdk.c1z.RowStatements.Kind;

/**
 * Streams rows into the store with upsert semantics on (external_id, sync_id) (appends during a
 * bulk load of grants; see {@link RowStatements}). Rows are made on the caller's thread, gathered
 * into batches of {@value #STATEMENT_BATCH_ROWS}, and bound and executed by a background thread
 * ({@link BackgroundWrites}) in the order they were written, so the caller makes the next rows
 * while SQLite stores the last. A commit is queued every {@code batchRows} rows, so memory stays
 * bounded no matter how many rows a sync writes. Call {@link #executePending()} before reading on
 * this store's connection, and {@link #flush()} before anything that must see the rows on disk:
 * both wait until the background thread is idle, after which the connection is the caller's again.
 */
public final class RowWriter implements AutoCloseable {
  /**
   * Rows per batch handed to SQLite, in the open transaction; a commit still comes every {@code
   * batchRows} rows. Kept small so a batch's rows die young: a whole transaction's rows (10,000
   * grants of about 1 KiB) outlived several young collections, filled the old generation and made a
   * full collection every 50-80 ms of grant expansion (BENCHMARKS.md).
   */
  static final int STATEMENT_BATCH_ROWS = 64;

  /**
   * Batches (or commits) waiting for the background thread: enough to keep it busy while the caller
   * makes the next batch, few enough that their rows stay young.
   */
  private static final int QUEUED_BATCHES = 2;

  private final Connection db;
  private final SyncTime time;
  private final Clock clock;
  private final int batchRows;
  private final Runnable markDirty;
  private final Runnable beforeExpandedGrants;
  private final RowStatements statements;
  private final BackgroundWrites background;
  private RowBatch open;
  private int uncommitted;
  private long written;
  private String stamp;
  private long stampSecond;

  RowWriter(
      Connection db,
      SyncTime time,
      Clock clock,
      int batchRows,
      Runnable markDirty,
      Runnable beforeExpandedGrants) {
    this.db = db;
    this.time = time;
    this.clock = clock;
    this.batchRows = batchRows;
    this.markDirty = markDirty;
    this.beforeExpandedGrants = beforeExpandedGrants;
    try {
      this.statements = new RowStatements(db);
    } catch (SQLException e) {
      throw new C1zException("could not prepare the store for writing: " + e.getMessage(), e);
    }
    this.background = new BackgroundWrites("c1z-writer", QUEUED_BATCHES, this::failed);
  }

  /**
   * Switches between upserting grants (the unique index exists) and appending them (a bulk load has
   * dropped the indexes; see {@link BulkLoad}). Flushes first.
   */
  void bulkLoad(boolean on) {
    flush();
    statements.bulkLoad(on);
  }

  public void putResourceTypes(String syncId, Iterable<ResourceType> types) {
    String now = now();
    for (ResourceType type : types) {
      requireId(type.getId(), "resource type");
      add(
          Kind.RESOURCE_TYPE,
          syncId,
          new Object[] {type.getId(), ProtoBytes.deterministic(type), syncId, now});
    }
  }

  public void putResources(String syncId, Iterable<Resource> list) {
    String now = now();
    for (Resource r : list) {
      String type = r.getId().getResourceType();
      requireId(type, "resource type of a resource");
      requireId(r.getId().getResource(), "resource");
      boolean parent = r.hasParentResourceId();
      add(
          Kind.RESOURCE,
          syncId,
          new Object[] {
            type,
            type + ":" + r.getId().getResource(),
            parent ? r.getParentResourceId().getResourceType() : null,
            parent ? r.getParentResourceId().getResource() : null,
            ProtoBytes.deterministic(r),
            syncId,
            now
          });
    }
  }

  public void putEntitlements(String syncId, Iterable<Entitlement> list) {
    String now = now();
    for (Entitlement e : list) {
      requireId(e.getId(), "entitlement");
      add(
          Kind.ENTITLEMENT,
          syncId,
          new Object[] {
            e.getResource().getId().getResourceType(),
            e.getResource().getId().getResource(),
            e.getId(),
            ProtoBytes.deterministic(e),
            syncId,
            now
          });
    }
  }

  /**
   * Grants from a connector: a {@code GrantExpandable} annotation moves into the expansion column.
   * Rows written in the same second share one time (see {@link #now()}).
   */
  public void putGrants(String syncId, Iterable<Grant> list) {
    for (Grant g : list) {
      add(Kind.GRANT, syncId, grantColumns(g, 9));
    }
  }

  /**
   * Grants made by grant expansion: existing expansion data of the row is kept. Ends a bulk load
   * first (expansion reads the grants through their indexes).
   */
  public void putExpandedGrants(String syncId, Iterable<Grant> list) {
    beforeExpandedGrants.run();
    String now = now();
    for (Grant g : list) {
      Object[] row = grantColumns(g, 11);
      row[9] = syncId;
      row[10] = now;
      add(Kind.EXPANDED_GRANT, syncId, row);
    }
  }

  /**
   * A grant made by grant expansion, already encoded as the store keeps it (no {@code
   * GrantExpandable} annotation in {@code data}); existing expansion data of the row is kept.
   * During a bulk load it is appended.
   */
  public void putExpandedGrant(String syncId, EncodedGrant grant) {
    requireId(grant.id(), "grant");
    add(
        Kind.ENCODED_GRANT,
        syncId,
        new Object[] {
          grant.entitlementResourceType(),
          grant.entitlementResourceId(),
          grant.entitlementId(),
          grant.principalType(),
          grant.principalId(),
          grant.id(),
          grant.data()
        });
  }

  /**
   * Grant expansion's change to a stored grant, by row id (as read from the store): its data
   * becomes {@code grant}, as {@link #putExpandedGrants} would store it; nothing else changes.
   * Works with or without a bulk load.
   */
  public void updateExpandedGrant(long rowId, Grant grant) {
    add(
        Kind.EXPANDED_GRANT_DATA,
        null,
        new Object[] {ProtoBytes.deterministic(GrantRow.of(grant).stripped()), rowId});
  }

  /** The nine columns every grant statement starts with, in a row of {@code width} parameters. */
  private static Object[] grantColumns(Grant g, int width) {
    requireId(g.getId(), "grant");
    GrantRow row = GrantRow.of(g);
    var entitlementResource = g.getEntitlement().getResource().getId();
    Object[] values = new Object[width];
    values[0] = entitlementResource.getResourceType();
    values[1] = entitlementResource.getResource();
    values[2] = g.getEntitlement().getId();
    values[3] = g.getPrincipal().getId().getResourceType();
    values[4] = g.getPrincipal().getId().getResource();
    values[5] = g.getId();
    if (row.expansion().isPresent()) {
      values[6] = ProtoBytes.deterministic(row.expansion().get());
      values[7] = 1;
    } else {
      values[6] = null;
      values[7] = 0;
    }
    values[8] = ProtoBytes.deterministic(row.stripped());
    return values;
  }

  /** Writes every pending row and commits; waits until it is done. */
  public void flush() {
    submitOpen();
    if (uncommitted > 0) {
      uncommitted = 0;
      submit(db::commit);
    }
    await();
  }

  /**
   * Writes every pending row into the open transaction without committing it, and waits until it is
   * done: enough for reads on this store's connection to see them, and the connection is idle until
   * the next row. The transaction is committed after {@code batchRows} rows or by {@link #flush()}.
   */
  void executePending() {
    submitOpen();
    await();
  }

  /** Waits for what was handed to the background thread, without handing over the open batch. */
  void awaitWrites() {
    await();
  }

  /** A read on this store's connection. */
  interface Read<T> {
    T run() throws SQLException;
  }

  /**
   * Runs {@code read} on the background thread, after every row handed over so far: a read ahead
   * that the caller collects later, while the connection stays the background thread's. The caller
   * must not use the connection itself until it has the result (or has called {@link
   * #executePending()}).
   */
  <T> CompletableFuture<T> readAfterWrites(Read<T> read) {
    submitOpen();
    CompletableFuture<T> result = new CompletableFuture<>();
    submit(
        new BackgroundWrites.Task() {
          @Override
          public void run() {
            try {
              result.complete(read.run());
            } catch (SQLException | RuntimeException e) {
              result.completeExceptionally(e);
            }
          }

          @Override
          public void drop() {
            result.completeExceptionally(
                new C1zException("the store's writer stopped before the read"));
          }
        });
    return result;
  }

  /** Rows handed to this writer so far (flushed or pending). */
  public long rowsWritten() {
    return written;
  }

  /** Stops the background thread (dropping what it has not written) and closes the statements. */
  @Override
  public void close() {
    open = null;
    background.close();
    statements.close();
  }

  /**
   * Adds a row to the open batch. Rows go to SQLite in the order they were added, across statements
   * too: a batch is handed over before another statement takes a row (grant expansion writes a
   * grant it creates, then may upsert the same grant again with more sources, through another
   * statement). A stamped statement's batch also ends when the sync id changes; a new one takes the
   * time it starts at, unless it follows a batch of the same statement.
   */
  private void add(Kind kind, String syncId, Object[] row) {
    if (open != null && !open.accepts(kind, syncId)) {
      RowBatch previous = open;
      submitOpen();
      if (kind.stamped() && previous.kind == kind) {
        open = new RowBatch(kind, syncId, previous.discoveredAt);
      }
    }
    if (open == null) {
      open = new RowBatch(kind, kind.stamped() ? syncId : null, kind.stamped() ? now() : null);
    }
    open.rows.add(row);
    written++;
    markDirty.run();
    if (++uncommitted >= batchRows) {
      flushAsync();
    } else if (open.rows.size() >= STATEMENT_BATCH_ROWS) {
      submitOpen();
    }
  }

  /** Hands the open batch and a commit to the background thread, without waiting. */
  private void flushAsync() {
    submitOpen();
    uncommitted = 0;
    submit(db::commit);
  }

  private void submitOpen() {
    if (open == null) {
      return;
    }
    RowBatch batch = open;
    open = null;
    submit(() -> statements.execute(batch));
  }

  private void submit(BackgroundWrites.Task task) {
    try {
      background.submit(task);
    } catch (RuntimeException e) {
      forgetPending();
      throw e;
    }
  }

  private void await() {
    try {
      background.await();
    } catch (RuntimeException e) {
      forgetPending();
      throw e;
    }
  }

  /** After a failure: what was not written is gone with the rolled-back transaction. */
  private void forgetPending() {
    open = null;
    uncommitted = 0;
  }

  /** On the background thread: rolls the transaction back and describes the failure. */
  private RuntimeException failed(SQLException e) {
    try {
      db.rollback();
    } catch (SQLException ignored) {
      // The original failure is the one to report.
    }
    return new C1zException("could not write to the store: " + e.getMessage(), e);
  }

  /**
   * The discovered-at time of rows written now: that of the first row written in the current second
   * of the clock. The rows of one Go SDK call share one time; here the rows of one second do, so a
   * stamped statement ({@link StampedStatement}) is prepared about once a second instead of for
   * every batch (every 64 rows: 13,000 prepares, 6 % of the writer thread's time in a 50,000-user
   * sync's grant expansion).
   */
  private String now() {
    Instant instant = clock.instant();
    if (stamp == null || instant.getEpochSecond() != stampSecond) {
      stamp = time.format(instant);
      stampSecond = instant.getEpochSecond();
    }
    return stamp;
  }

  private static void requireId(String id, String what) {
    if (id == null || id.isEmpty()) {
      throw new C1zException("cannot store a " + what + " without an id");
    }
  }
}
