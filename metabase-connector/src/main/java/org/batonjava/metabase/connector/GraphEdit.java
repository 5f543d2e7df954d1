package org.batonjava.metabase.connector;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grpc.Status;
import java.util.Optional;
import org.batonjava.metabase.client.DatabasePermissions;
import org.batonjava.metabase.client.MetabaseClient;
import org.batonjava.sdk.connector.ConnectorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One change to one group's permissions on one database, as a read-modify-write of the permission graph: read the
 * database's slice ({@code GET /api/permissions/graph/db/:id}, with the current {@code revision}), let the caller
 * decide what that group's entry must become, and write back only that entry ({@code PUT /api/permissions/graph}
 * with a partial graph and the revision read). Metabase answers 409 when someone else changed the graph in
 * between; then everything is read and decided again, up to {@link #MAX_ATTEMPTS} times in all. Other groups and
 * databases are never part of the request, so they cannot be overwritten.
 */
final class GraphEdit {
  /** How many read-decide-write rounds are tried before giving up on a graph that keeps changing. */
  static final int MAX_ATTEMPTS = 5;
  private static final Logger LOG = LoggerFactory.getLogger(GraphEdit.class);
  private static final long BACKOFF_MILLIS = 50;

  /**
   * Decides the keys to write for the group, given the database's current slice of the graph (the group's entry is
   * {@code slice.of(groupId)}); empty when nothing has to change.
   */
  @FunctionalInterface
  interface Change {
    Optional<ObjectNode> on(DatabasePermissions slice);
  }

  /** Whether the graph was written. */
  enum Outcome { CHANGED, UNCHANGED }

  private final MetabaseClient client;

  GraphEdit(MetabaseClient client) {
    this.client = client;
  }

  Outcome apply(long groupId, long databaseId, Change change) {
    for (int attempt = 1; ; attempt++) {
      DatabasePermissions slice = client.databasePermissions(databaseId);
      Optional<ObjectNode> entry = change.on(slice);
      if (entry.isEmpty()) {
        return Outcome.UNCHANGED;
      }
      try {
        client.updateDatabasePermissions(slice.revision(), groupId, databaseId, entry.get());
        return Outcome.CHANGED;
      } catch (ConnectorException e) {
        if (e.code() != Status.Code.ABORTED) {
          throw e;
        }
        if (attempt >= MAX_ATTEMPTS) {
          throw new ConnectorException(Status.Code.ABORTED, "the Metabase permission graph changed " + MAX_ATTEMPTS
              + " times while group " + groupId + "'s permissions on database " + databaseId + " were being written"
              + " (someone else is editing permissions); nothing was changed, try again later", e);
        }
        LOG.debug("permission graph revision {} is stale (someone else changed it); reading it again"
            + " (attempt {} of {})", slice.revision(), attempt + 1, MAX_ATTEMPTS);
        pause(attempt);
      }
    }
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(BACKOFF_MILLIS * attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConnectorException(Status.Code.CANCELLED, "interrupted while retrying a permission change", e);
    }
  }
}
