package org.batonjava.metabase.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Map;

/**
 * One database's slice of the data-permission graph ({@code GET /api/permissions/graph/db/:id}): every group's
 * entry for that database, as Metabase sent it, and the graph revision a change must quote.
 *
 * @param revision the graph's revision when it was read
 * @param databaseId the database
 * @param byGroup group id → that group's permissions on the database (groups Metabase left out hold the
 *     least-permissive values)
 */
public record DatabasePermissions(long revision, long databaseId, Map<Long, JsonNode> byGroup) {
  public DatabasePermissions {
    byGroup = Map.copyOf(byGroup);
  }

  /** The group's entry; an empty object when Metabase elided it (everything at its least-permissive value). */
  public JsonNode of(long groupId) {
    JsonNode entry = byGroup.get(groupId);
    return entry == null ? JsonNodeFactory.instance.objectNode() : entry;
  }
}
