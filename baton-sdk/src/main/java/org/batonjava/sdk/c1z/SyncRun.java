package org.batonjava.sdk.c1z;

import java.time.Instant;
import java.util.Optional;

/** One row of {@code v1_sync_runs}: a sync, finished when {@link #endedAt()} is present. */
public record SyncRun(
    String id,
    Instant startedAt,
    Optional<Instant> endedAt,
    String syncToken,
    SyncType type,
    String parentSyncId,
    boolean supportsDiff,
    Optional<String> statsJson) {

  public boolean finished() {
    return endedAt.isPresent();
  }
}
