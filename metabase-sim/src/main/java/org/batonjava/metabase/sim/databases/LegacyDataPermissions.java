package org.batonjava.metabase.sim.databases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.batonjava.metabase.sim.http.ErrorResponses;

/**
 * The Metabase 0.49 ("v1") data-permission model: per database {@code data: {native, schemas}},
 * {@code download: {native, schemas}}, {@code data-model: {schemas}} and {@code details}. Stored
 * entries are explicit (every key present); absent/least-permissive values are elided when
 * rendered.
 */
public final class LegacyDataPermissions implements PermissionModel {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final Set<String> NATIVE = Set.of("write", "none");
  private static final Set<String> SCHEMAS = Set.of("all", "none", "block", "impersonated");
  private static final Set<String> SCHEMAS_GRANULAR = Set.of("all", "none", "segmented");
  private static final Set<String> DOWNLOAD = Set.of("full", "limited", "none");
  private static final Set<String> DATA_MODEL = Set.of("all", "none");

  @Override
  public boolean legacy() {
    return true;
  }

  @Override
  public ObjectNode seed(DataAccess access, String download) {
    ObjectNode e = F.objectNode();
    ObjectNode data = e.putObject("data");
    switch (access) {
      case QUERY_BUILDER -> data.put("native", "none").put("schemas", "all");
      case NATIVE -> data.put("native", "write").put("schemas", "all");
      case BLOCKED -> data.put("native", "none").put("schemas", "block");
      default -> data.put("native", "none").put("schemas", "none");
    }
    String dl = download == null ? "none" : download;
    e.putObject("download")
        .put("native", access == DataAccess.NATIVE ? dl : "none")
        .put("schemas", dl);
    e.putObject("data-model").put("schemas", "none");
    e.put("details", "no");
    return e;
  }

  @Override
  public ObjectNode defaultForNewGroup() {
    return null;
  }

  @Override
  public ObjectNode adminEntry() {
    ObjectNode e = F.objectNode();
    e.putObject("data").put("native", "write").put("schemas", "all");
    e.putObject("download").put("native", "full").put("schemas", "full");
    e.putObject("data-model").put("schemas", "all");
    e.put("details", "yes");
    return e;
  }

  @Override
  public ObjectNode render(ObjectNode stored) {
    ObjectNode out = F.objectNode();
    ObjectNode data = pruned(stored.get("data"), "native", "schemas");
    if (data != null) {
      out.set("data", data);
    }
    ObjectNode download = pruned(stored.get("download"), "native", "schemas");
    if (download != null) {
      out.set("download", download);
    }
    ObjectNode dataModel = pruned(stored.get("data-model"), "schemas");
    if (dataModel != null) {
      out.set("data-model", dataModel);
    }
    if ("yes".equals(text(stored.get("details")))) {
      out.put("details", "yes");
    }
    return out;
  }

  private static ObjectNode pruned(JsonNode node, String... keys) {
    if (node == null || !node.isObject()) {
      return null;
    }
    ObjectNode out = F.objectNode();
    for (String k : keys) {
      JsonNode v = node.get(k);
      if (v == null || v.isNull() || "none".equals(text(v))) {
        continue;
      }
      if (v.isObject()) {
        JsonNode p = GraphValues.pruneGranular(v, "none", true);
        if (p != null) {
          out.set(k, p);
        }
      } else {
        out.set(k, v);
      }
    }
    return out.isEmpty() ? null : out;
  }

  @Override
  public ObjectNode apply(ObjectNode current, JsonNode requested, boolean paid) {
    if (requested == null || !requested.isObject()) {
      throw GraphValues.invalid(
          "{database permissions must be a map, received: " + requested + "}");
    }
    ObjectNode base = current == null ? seed(DataAccess.NONE, null) : current.deepCopy();
    for (Iterator<Map.Entry<String, JsonNode>> it = requested.properties().iterator();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      JsonNode v = field.getValue();
      switch (field.getKey()) {
        case "data" -> base.set("data", data(v, paid));
        case "download" -> {
          ObjectNode next = pair(v, "download", DOWNLOAD, "none");
          requirePaidForChange(paid, "download", base.get("download"), next);
          base.set("download", next);
        }
        case "data-model" -> {
          ObjectNode next = F.objectNode();
          next.set("schemas", level(v, "schemas", "data-model", DATA_MODEL, "none"));
          requirePaidForChange(paid, "data-model", base.get("data-model"), next);
          base.set("data-model", next);
        }
        case "details" -> {
          if (!v.isTextual() || !Set.of("yes", "no").contains(v.asText())) {
            throw GraphValues.invalid(
                "{details (should be either yes or no, received: " + v + ")}");
          }
          if (!paid && !v.asText().equals(text(base.get("details")))) {
            throw ErrorResponses.paymentRequired(
                ErrorResponses.advancedPermissionsMessage("details"));
          }
          base.put("details", v.asText());
        }
        default -> {
          // the v1 schema is an open map: other keys are ignored
        }
      }
    }
    return base;
  }

  private static ObjectNode data(JsonNode v, boolean paid) {
    if (v == null || !v.isObject()) {
      throw GraphValues.invalid("{data (should be a map, received: " + v + ")}");
    }
    JsonNode nativeV = v.get("native");
    if (nativeV != null && !nativeV.isNull()) {
      GraphValues.check("native", nativeV, NATIVE, Set.of());
    }
    JsonNode schemas = v.get("schemas");
    if (schemas != null && !schemas.isNull()) {
      GraphValues.check("schemas", schemas, SCHEMAS, SCHEMAS_GRANULAR);
    }
    String nativeLevel = nativeV == null || nativeV.isNull() ? "none" : nativeV.asText();
    JsonNode schemaLevel = schemas == null || schemas.isNull() ? F.textNode("none") : schemas;
    // Metabase 0.49 checks "native write needs all schemas" only in its dev/test schema
    // instrumentation; the
    // API validates the lenient shape, so a production server stores native write beside any schema
    // access.
    if (!paid && GraphValues.contains(schemaLevel, "block")) {
      throw ErrorResponses.paymentRequired(ErrorResponses.advancedPermissionsMessage("block"));
    }
    JsonNode stored =
        GraphValues.replaceLevels(schemaLevel, Map.of("impersonated", "all", "segmented", "all"));
    ObjectNode out = F.objectNode();
    out.put("native", nativeLevel);
    out.set("schemas", stored);
    return out;
  }

  private static ObjectNode pair(JsonNode v, String key, Set<String> levels, String least) {
    if (v == null || !v.isObject()) {
      throw GraphValues.invalid("{" + key + " (should be a map, received: " + v + ")}");
    }
    ObjectNode out = F.objectNode();
    out.set("native", level(v, "native", key, levels, least));
    out.set("schemas", level(v, "schemas", key, levels, least));
    return out;
  }

  private static JsonNode level(
      JsonNode parent, String field, String key, Set<String> levels, String least) {
    if (parent == null || !parent.isObject()) {
      throw GraphValues.invalid("{" + key + " (should be a map, received: " + parent + ")}");
    }
    JsonNode v = parent.get(field);
    if (v == null || v.isNull()) {
      return F.textNode(least);
    }
    GraphValues.check(key + "." + field, v, levels, field.equals("native") ? Set.of() : levels);
    return v;
  }

  private static void requirePaidForChange(
      boolean paid, String feature, JsonNode before, JsonNode after) {
    if (!paid && !Objects.equals(before, after)) {
      throw ErrorResponses.paymentRequired(ErrorResponses.advancedPermissionsMessage(feature));
    }
  }

  @Override
  public boolean canRead(ObjectNode stored) {
    JsonNode schemas = stored.path("data").get("schemas");
    return schemas != null
        && GraphValues.anyAbove(schemas, "none")
        && !"block".equals(text(schemas));
  }

  private static String text(JsonNode n) {
    return n == null || !n.isTextual() ? null : n.asText();
  }
}
