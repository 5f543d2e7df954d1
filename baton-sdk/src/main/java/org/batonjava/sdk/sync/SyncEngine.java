package org.batonjava.sdk.sync;

import org.batonjava.sdk.connector.Connector;

/**
 * Runs a full (or resources-only) sync of a {@link Connector} into a c1z file. Work in progress: the
 * engine is being written; this class fixes its public API.
 */
public final class SyncEngine {
  private final Connector connector;
  private final SyncOptions options;
  private volatile boolean cancelled;

  public SyncEngine(Connector connector, SyncOptions options) {
    this.connector = connector;
    this.options = options;
  }

  /**
   * Syncs, resuming an unfinished sync of the same type younger than 7 days, and saves the file
   * atomically. Throws {@link org.batonjava.sdk.connector.ConnectorException} or
   * {@link org.batonjava.sdk.c1z.C1zException} on failure (the sync stays resumable), and
   * {@link SyncInterruptedException} after {@link #cancel()}.
   */
  public SyncReport run() {
    throw new UnsupportedOperationException("sync engine not written yet: " + connector + options + cancelled);
  }

  /** Asks a running {@link #run()} to stop at the next safe point, checkpoint, save and return. */
  public void cancel() {
    cancelled = true;
  }
}
