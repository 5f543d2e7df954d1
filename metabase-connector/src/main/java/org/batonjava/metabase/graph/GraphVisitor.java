package org.batonjava.metabase.graph;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Receives a {@link RevisionedGraph} one (group, key) cell at a time, in the order Metabase sends
 * it: for the data graph the key is a database id, for the collection graph a collection id.
 */
@FunctionalInterface
public interface GraphVisitor {
  /**
   * One cell.
   *
   * @param groupId the group
   * @param key the key as Metabase sent it (a database id, a collection id, …)
   * @param permissions that group's cell under that key, as Metabase sent them (any version's
   *     shape, granular values included)
   */
  void entry(long groupId, String key, JsonNode permissions);
}
