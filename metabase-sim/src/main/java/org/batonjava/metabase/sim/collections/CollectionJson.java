package org.batonjava.metabase.sim.collections;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.batonjava.metabase.sim.state.CollectionStore;
import org.batonjava.metabase.sim.state.SimCollection;

/** Collections as {@code GET /api/collection} items and {@code GET /api/collection/:id} answers. */
final class CollectionJson {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private CollectionJson() {}

  /** The pseudo entry for the root collection. */
  static ObjectNode root(boolean canWrite) {
    ObjectNode o = F.objectNode();
    o.put("id", CollectionStore.ROOT);
    o.put("name", "Our analytics");
    o.putNull("description");
    o.put("location", "");
    o.putNull("personal_owner_id");
    o.putNull("namespace");
    o.put("archived", false);
    o.putNull("type");
    o.putNull("authority_level");
    o.put("is_personal", false);
    o.put("can_write", canWrite);
    return o;
  }

  static ObjectNode of(
      SimCollection c, boolean personal, boolean canWrite, CollectionFeatures features) {
    ObjectNode o = F.objectNode();
    o.put("id", c.id());
    o.put("name", c.name());
    o.put("description", c.description());
    o.put("location", c.location());
    if (c.personalOwnerId() == null) {
      o.putNull("personal_owner_id");
    } else {
      o.put("personal_owner_id", c.personalOwnerId());
    }
    o.put("namespace", c.namespace());
    o.put("archived", c.archived());
    o.put("type", c.type());
    o.putNull("authority_level");
    o.put("entity_id", c.entityId());
    o.put("slug", c.name().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "_"));
    o.put("created_at", c.createdAt().toString());
    o.put("can_write", canWrite);
    if (features.newestFields()) {
      o.put("is_personal", personal);
      if (c.parentId() == null) {
        o.putNull("parent_id");
      } else {
        o.put("parent_id", c.parentId());
      }
      o.put("can_delete", false);
    }
    return o;
  }
}
