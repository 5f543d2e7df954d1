package org.batonjava.metabase.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Map;

/**
 * Every group's cell under one key (a database id, a collection id, …) of a {@link
 * RevisionedGraph}, as Metabase sent it, and the graph revision a change must quote. For the data
 * graph it comes from {@code GET /api/permissions/graph/db/:id}.
 *
 * @param revision the graph's revision when it was read
 * @param key the key, e.g. the database id
 * @param byGroup group id → that group's cell under the key (groups Metabase left out hold the
 *     least-permissive values)
 */
public record GraphSlice(long revision, String key, Map<Long, JsonNode> byGroup) {
  public GraphSlice {
    byGroup = Map.copyOf(byGroup);
  }

  /**
   * The group's cell; an empty object when Metabase elided it (everything at its least-permissive
   * value).
   */
  public JsonNode of(long groupId) {
    JsonNode entry = byGroup.get(groupId);
    return entry == null ? JsonNodeFactory.instance.objectNode() : entry;
  }
}
