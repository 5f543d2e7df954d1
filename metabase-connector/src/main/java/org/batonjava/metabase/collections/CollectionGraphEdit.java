package org.batonjava.metabase.collections;

import io.grpc.Status;
import java.util.Optional;
import java.util.function.Function;
import org.batonjava.sdk.connector.ConnectorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One change to one cell (group x collection) of the collection permission graph as a read-modify-write: read the
 * graph (streamed; only that cell and the revision are kept), let the caller decide the cell's new level, and write
 * back only that cell with the revision just read. Metabase answers 409 when someone else changed the graph in
 * between (or created a collection, from 0.55); then everything is read and decided again, up to
 * {@link #MAX_ATTEMPTS} rounds. No other cell is ever sent, so no one else's change can be overwritten, and
 * {@code force} is never used.
 */
final class CollectionGraphEdit {
  /** How many read-decide-write rounds are tried before giving up on a graph that keeps changing. */
  static final int MAX_ATTEMPTS = 5;
  private static final Logger LOG = LoggerFactory.getLogger(CollectionGraphEdit.class);
  private static final long BACKOFF_MILLIS = 50;

  /** Whether the graph was written. */
  enum Outcome { CHANGED, UNCHANGED }

  private final CollectionCalls calls;

  CollectionGraphEdit(CollectionCalls calls) {
    this.calls = calls;
  }

  /**
   * @param decide from the cell's current level ({@code none} when absent) to the level to write, or empty when
   *     nothing has to change
   */
  Outcome apply(long groupId, String collection, Function<String, Optional<String>> decide) {
    for (int attempt = 1; ; attempt++) {
      String[] current = {CollectionAccess.NONE};
      long revision = calls.readGraph((g, c, level) -> {
        if (g == groupId && c.equals(collection)) {
          current[0] = level;
        }
      });
      Optional<String> target = decide.apply(current[0]);
      if (target.isEmpty()) {
        return Outcome.UNCHANGED;
      }
      try {
        calls.writeCell(revision, groupId, collection, target.get());
        return Outcome.CHANGED;
      } catch (ConnectorException e) {
        if (e.code() != Status.Code.ABORTED) {
          throw e;
        }
        if (attempt >= MAX_ATTEMPTS) {
          throw new ConnectorException(Status.Code.ABORTED, "the Metabase collection permission graph changed "
              + MAX_ATTEMPTS + " times while group " + groupId + "'s access to collection " + collection
              + " was being written (someone else is editing permissions); nothing was changed, try again later", e);
        }
        LOG.debug("collection graph revision {} is stale (someone else changed it); reading it again"
            + " (attempt {} of {})", revision, attempt + 1, MAX_ATTEMPTS);
        pause(attempt);
      }
    }
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(BACKOFF_MILLIS * attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConnectorException(Status.Code.CANCELLED, "interrupted while retrying a collection permission change",
          e);
    }
  }
}
