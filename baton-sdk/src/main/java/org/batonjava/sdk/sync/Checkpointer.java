package org.batonjava.sdk.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.batonjava.sdk.c1z.C1zStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the sync state into the sync run at most every checkpoint interval, and saves the c1z at
 * most every save interval (stretched to five times the last save's duration, so saving a large
 * file never takes more than about a sixth of the sync's time).
 */
final class Checkpointer {
  private static final Logger LOG = LoggerFactory.getLogger(Checkpointer.class);

  private final C1zStore store;
  private final String syncId;
  private final SyncState state;
  private final Clock clock;
  private final SyncOptions options;
  private Instant lastCheckpoint = Instant.EPOCH;
  private Instant lastSave;
  private Duration saveCost = Duration.ZERO;

  Checkpointer(C1zStore store, String syncId, SyncState state, Clock clock, SyncOptions options) {
    this.store = store;
    this.syncId = syncId;
    this.state = state;
    this.clock = clock;
    this.options = options;
    this.lastSave = clock.instant();
  }

  void maybe() {
    Instant now = clock.instant();
    if (Duration.between(lastCheckpoint, now).compareTo(options.checkpointInterval()) < 0) {
      return;
    }
    checkpoint();
    Duration saveEvery =
        options.saveInterval().compareTo(saveCost.multipliedBy(5)) > 0
            ? options.saveInterval()
            : saveCost.multipliedBy(5);
    if (Duration.between(lastSave, now).compareTo(saveEvery) >= 0) {
      save();
    }
  }

  /** Checkpoints and saves now. */
  void force() {
    checkpoint();
    save();
  }

  /** After a failure: keep what can be kept, never hide the original error. */
  void saveQuietly(RuntimeException cause) {
    try {
      force();
    } catch (RuntimeException e) {
      cause.addSuppressed(e);
      LOG.warn("could not save the sync's progress: {}", e.getMessage());
    }
  }

  private void checkpoint() {
    store.syncRuns().checkpoint(syncId, state.toJson());
    lastCheckpoint = clock.instant();
  }

  private void save() {
    Instant before = clock.instant();
    store.save();
    lastSave = clock.instant();
    saveCost = Duration.between(before, lastSave);
  }
}
