package org.batonjava.sdk.c1z;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;

/**
 * How a store is opened.
 *
 * @param tempDir where the working database is unpacked ({@code --c1z-temp-dir}); the system temp
 *     folder when empty
 * @param batchRows rows per write transaction
 * @param keepSyncCount full syncs that cleanup keeps ({@code BATON_KEEP_SYNC_COUNT}, default 2)
 * @param clock time source for sync runs and row timestamps
 * @param zone time zone of the text timestamps (the writer's local zone, like the Go SDK)
 */
public record C1zOptions(
    Optional<Path> tempDir, int batchRows, int keepSyncCount, Clock clock, ZoneId zone) {

  public static final int DEFAULT_BATCH_ROWS = 10_000;
  public static final int DEFAULT_KEEP_SYNC_COUNT = 2;

  public C1zOptions {
    if (batchRows < 1) {
      throw new IllegalArgumentException("batchRows must be at least 1");
    }
    if (keepSyncCount < 1) {
      throw new IllegalArgumentException("keepSyncCount must be at least 1");
    }
  }

  public static C1zOptions defaults() {
    return new C1zOptions(
        Optional.empty(),
        DEFAULT_BATCH_ROWS,
        DEFAULT_KEEP_SYNC_COUNT,
        Clock.systemUTC(),
        ZoneId.systemDefault());
  }

  public C1zOptions withTempDir(Path dir) {
    return new C1zOptions(Optional.of(dir), batchRows, keepSyncCount, clock, zone);
  }

  public C1zOptions withBatchRows(int rows) {
    return new C1zOptions(tempDir, rows, keepSyncCount, clock, zone);
  }

  public C1zOptions withKeepSyncCount(int count) {
    return new C1zOptions(tempDir, batchRows, count, clock, zone);
  }

  public C1zOptions withClock(Clock c) {
    return new C1zOptions(tempDir, batchRows, keepSyncCount, c, zone);
  }
}
