package org.batonjava.metabase.graph;

import com.fasterxml.jackson.databind.JsonNode;
import io.grpc.Status;
import java.util.Optional;
import org.batonjava.sdk.connector.ConnectorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One change to one cell of a {@link RevisionedGraph} (one group's permissions on one database,
 * collection, …), as a read-modify-write: read the key's slice (for the data graph {@code GET
 * /api/permissions/graph/db/:id}) with the current {@code revision}, let the caller decide what
 * that group's cell must become, and write back only that cell ({@code PUT} with a partial graph
 * and the revision read). Metabase answers 409 when someone else changed the graph in between; then
 * everything is read and decided again, up to {@link #MAX_ATTEMPTS} times in all. Other groups and
 * keys are never part of the request, so they cannot be overwritten.
 */
public final class GraphEdit {
  /**
   * How many read-decide-write rounds are tried before giving up on a graph that keeps changing.
   */
  public static final int MAX_ATTEMPTS = 5;

  private static final Logger LOG = LoggerFactory.getLogger(GraphEdit.class);
  private static final long BACKOFF_MILLIS = 50;

  /**
   * Decides the cell to write for the group, given the key's current slice of the graph (the
   * group's cell is {@code slice.of(groupId)}); empty when nothing has to change.
   */
  @FunctionalInterface
  public interface Change {
    Optional<? extends JsonNode> on(GraphSlice slice);
  }

  /** Whether the graph was written. */
  public enum Outcome {
    CHANGED,
    UNCHANGED
  }

  private final RevisionedGraph graph;
  private final String keyNoun;

  /**
   * @param graph the graph to change
   * @param keyNoun what the graph's keys name, for messages: {@code database}, {@code collection},
   *     …
   */
  public GraphEdit(RevisionedGraph graph, String keyNoun) {
    this.graph = graph;
    this.keyNoun = keyNoun;
  }

  public Outcome apply(long groupId, String key, Change change) {
    for (int attempt = 1; ; attempt++) {
      GraphSlice slice = graph.slice(key);
      Optional<? extends JsonNode> entry = change.on(slice);
      if (entry.isEmpty()) {
        return Outcome.UNCHANGED;
      }
      try {
        graph.write(slice.revision(), groupId, key, entry.get());
        return Outcome.CHANGED;
      } catch (ConnectorException e) {
        if (e.code() != Status.Code.ABORTED) {
          throw e;
        }
        if (attempt >= MAX_ATTEMPTS) {
          throw new ConnectorException(
              Status.Code.ABORTED,
              "the Metabase permission graph changed "
                  + MAX_ATTEMPTS
                  + " times while group "
                  + groupId
                  + "'s permissions on "
                  + keyNoun
                  + " "
                  + key
                  + " were being written"
                  + " (someone else is editing permissions); nothing was changed, try again later",
              e);
        }
        LOG.debug(
            "permission graph revision {} is stale (someone else changed it); reading it again"
                + " (attempt {} of {})",
            slice.revision(),
            attempt + 1,
            MAX_ATTEMPTS);
        pause(attempt);
      }
    }
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(BACKOFF_MILLIS * attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConnectorException(
          Status.Code.CANCELLED, "interrupted while retrying a permission change", e);
    }
  }
}
