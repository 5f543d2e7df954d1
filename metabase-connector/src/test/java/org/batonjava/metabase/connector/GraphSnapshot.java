package org.batonjava.metabase.connector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The whole permission graph as Metabase renders it ({@code GET /api/permissions/graph}), read
 * through the API.
 */
record GraphSnapshot(ObjectNode graph) {
  static GraphSnapshot read(SimAdmin admin) {
    return new GraphSnapshot((ObjectNode) admin.get("/api/permissions/graph"));
  }

  long revision() {
    return graph.path("revision").asLong();
  }

  /** One group's rendered entry for one database; an empty object when elided. */
  JsonNode entry(long groupId, long databaseId) {
    JsonNode e = graph.path("groups").path(Long.toString(groupId)).path(Long.toString(databaseId));
    return e.isMissingNode() ? graph.objectNode() : e;
  }

  /** The groups without the revision and without the given (group, database) entries. */
  ObjectNode without(long[]... entries) {
    ObjectNode groups = graph.path("groups").deepCopy();
    for (long[] e : entries) {
      JsonNode perGroup = groups.get(Long.toString(e[0]));
      if (perGroup instanceof ObjectNode g) {
        g.remove(Long.toString(e[1]));
        if (g.isEmpty()) {
          groups.remove(Long.toString(e[0]));
        }
      }
    }
    return groups;
  }

  static long[] at(long groupId, long databaseId) {
    return new long[] {groupId, databaseId};
  }
}
