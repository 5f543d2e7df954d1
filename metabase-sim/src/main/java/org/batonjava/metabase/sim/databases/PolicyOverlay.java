package org.batonjava.metabase.sim.databases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.batonjava.metabase.sim.state.PolicyStore;
import org.batonjava.metabase.sim.state.SimDatabase;

/**
 * Shows sandboxes and impersonations in a group's rendered graph entry, as Metabase merges them: an
 * impersonated database has view-data {@code impersonated} (0.49: {@code data.schemas
 * impersonated}); a sandboxed table is {@code sandboxed} (0.49: {@code segmented}) inside a
 * per-table view-data map whose other tables keep the group's level.
 */
final class PolicyOverlay {
  private PolicyOverlay() {}

  static void apply(
      ObjectNode entry, int groupId, SimDatabase db, PolicyStore policies, boolean legacy) {
    for (PolicyStore.Impersonation i : policies.impersonations()) {
      if (i.groupId() == groupId && i.dbId() == db.id()) {
        if (legacy) {
          entry.withObjectProperty("data").put("schemas", "impersonated");
        } else {
          entry.put("view-data", "impersonated");
        }
      }
    }
    ObjectNode map = null;
    for (PolicyStore.Sandbox s : policies.sandboxes()) {
      if (s.groupId() != groupId) {
        continue;
      }
      SimDatabase.Table table =
          db.tables().stream().filter(t -> t.id() == s.tableId()).findFirst().orElse(null);
      if (table == null) {
        continue;
      }
      if (map == null) {
        JsonNode current = legacy ? entry.path("data").path("schemas") : entry.path("view-data");
        String level = current.isTextual() ? current.asText() : (legacy ? "all" : "unrestricted");
        map =
            current.isObject()
                ? ((ObjectNode) current).deepCopy()
                : JsonNodeFactory.instance.objectNode();
        for (SimDatabase.Table t : db.tables()) {
          ObjectNode schema = map.withObjectProperty(t.schema());
          if (!schema.has(Integer.toString(t.id()))) {
            schema.put(Integer.toString(t.id()), level);
          }
        }
      }
      map.withObjectProperty(table.schema())
          .put(Integer.toString(table.id()), legacy ? "segmented" : "sandboxed");
    }
    if (map != null) {
      if (legacy) {
        entry.withObjectProperty("data").set("schemas", map);
      } else {
        entry.set("view-data", map);
      }
    }
  }
}
