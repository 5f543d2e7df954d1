package org.batonjava.metabase.sim.databases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.batonjava.metabase.sim.http.ErrorResponses;
import org.batonjava.metabase.sim.state.MetabaseVersion;

/**
 * The Metabase 0.50+ ("v2") data-permission model: {@code view-data}, {@code create-queries},
 * {@code download}, {@code data-model}, {@code details} (+ {@code transforms} ≈0.57+, {@code
 * workspaces} newest). Implications, as Metabase's {@code data_permissions} code applies them: a
 * database-level create-queries above {@code no} writes view-data {@code unrestricted} for the
 * whole database (table-level view-data included); {@code view-data: blocked} forces create-queries
 * {@code no} and download {@code none}; values sent unchanged are ignored.
 */
public final class CreateQueriesPermissions implements PermissionModel {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final Set<String> VIEW_DATA =
      Set.of("unrestricted", "legacy-no-self-service", "blocked", "impersonated");
  private static final Set<String> VIEW_DATA_GRANULAR =
      Set.of("unrestricted", "legacy-no-self-service", "blocked", "sandboxed");
  private static final Set<String> CREATE_QUERIES =
      Set.of("query-builder-and-native", "query-builder", "no");
  private static final Set<String> CREATE_QUERIES_GRANULAR = Set.of("query-builder", "no");
  private static final Set<String> DOWNLOAD = Set.of("full", "limited", "none");
  private static final Set<String> DATA_MODEL = Set.of("all", "none");
  private static final Set<String> YES_NO = Set.of("yes", "no");

  private final MetabaseVersion version;

  public CreateQueriesPermissions(MetabaseVersion version) {
    this.version = version;
  }

  @Override
  public boolean legacy() {
    return false;
  }

  @Override
  public ObjectNode seed(DataAccess access, String download) {
    ObjectNode e = F.objectNode();
    e.put(
        "view-data",
        switch (access) {
          case BLOCKED -> "blocked";
          case NO_SELF_SERVICE -> "legacy-no-self-service";
          default -> "unrestricted";
        });
    e.put(
        "create-queries",
        switch (access) {
          case QUERY_BUILDER -> "query-builder";
          case NATIVE -> "query-builder-and-native";
          default -> "no";
        });
    boolean canQuery = access == DataAccess.QUERY_BUILDER || access == DataAccess.NATIVE;
    e.putObject("download").put("schemas", canQuery && download != null ? download : "none");
    e.putObject("data-model").put("schemas", "none");
    e.put("details", "no");
    if (version.transformsKey()) {
      e.put("transforms", "no");
    }
    return e;
  }

  @Override
  public ObjectNode defaultForNewGroup() {
    return seed(DataAccess.NONE, null);
  }

  @Override
  public ObjectNode adminEntry() {
    ObjectNode e = F.objectNode();
    e.put("view-data", "unrestricted");
    e.put("create-queries", "query-builder-and-native");
    e.putObject("download").put("schemas", "full");
    e.putObject("data-model").put("schemas", "all");
    e.put("details", "yes");
    if (version.transformsKey()) {
      e.put("transforms", "yes");
    }
    return e;
  }

  @Override
  public ObjectNode render(ObjectNode stored) {
    ObjectNode out = F.objectNode();
    renderLevel(out, "view-data", stored.get("view-data"), "blocked", false);
    renderLevel(out, "create-queries", stored.get("create-queries"), "no", false);
    renderSchemas(out, "download", stored.get("download"));
    renderSchemas(out, "data-model", stored.get("data-model"));
    for (String k : new String[] {"details", "transforms", "workspaces"}) {
      JsonNode v = stored.get(k);
      if (v != null && "yes".equals(v.asText())) {
        out.put(k, "yes");
      }
    }
    return out;
  }

  private static void renderLevel(
      ObjectNode out, String key, JsonNode v, String least, boolean dropSchemaLevel) {
    if (v == null || v.isNull()) {
      return;
    }
    if (v.isTextual()) {
      if (!v.asText().equals(least)) {
        out.set(key, v);
      }
      return;
    }
    JsonNode p = GraphValues.pruneGranular(v, least, dropSchemaLevel);
    if (p != null) {
      out.set(key, p);
    }
  }

  private static void renderSchemas(ObjectNode out, String key, JsonNode v) {
    if (v == null || !v.isObject()) {
      return;
    }
    ObjectNode inner = F.objectNode();
    renderLevel(inner, "schemas", v.get("schemas"), "none", true);
    if (!inner.isEmpty()) {
      out.set(key, inner);
    }
  }

  @Override
  public ObjectNode apply(ObjectNode current, JsonNode requested, boolean paid) {
    if (requested == null || !requested.isObject()) {
      throw GraphValues.invalid(
          "{database permissions must be a map, received: " + requested + "}");
    }
    ObjectNode next = current == null ? defaultForNewGroup() : current.deepCopy();
    JsonNode viewData = null;
    JsonNode createQueries = null;
    for (Iterator<Map.Entry<String, JsonNode>> it = requested.properties().iterator();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String key = field.getKey();
      JsonNode v = field.getValue();
      switch (key) {
        case "view-data" -> {
          GraphValues.check(key, v, VIEW_DATA, VIEW_DATA_GRANULAR);
          if (!paid && GraphValues.contains(v, "blocked")) {
            throw ErrorResponses.paymentRequired(
                ErrorResponses.advancedPermissionsMessage("blocked"));
          }
          viewData =
              GraphValues.replaceLevels(
                  v, Map.of("impersonated", "unrestricted", "sandboxed", "unrestricted"));
        }
        case "create-queries" -> {
          GraphValues.check(key, v, CREATE_QUERIES, CREATE_QUERIES_GRANULAR);
          createQueries = v;
        }
        case "download" -> next.set(key, schemas(key, v, DOWNLOAD));
        case "data-model" -> next.set(key, schemas(key, v, DATA_MODEL));
        case "details" -> next.set(key, yesNo(key, v));
        case "transforms" -> acceptOptional(next, key, v, version.transformsKey());
        case "workspaces" -> acceptOptional(next, key, v, version.newestLine());
        default -> {
          if (version.newestLine()) {
            throw GraphValues.invalid(
                "Invalid DB permissions: unrecognized permissions for a database.");
          }
        }
      }
    }
    // The request is validated as sent: the only refusal is native together with blocked in the
    // same entry
    // (StrictDbGraph). Metabase then applies only what differs from the stored graph (a value sent
    // unchanged
    // is dropped), create-queries before view-data (0.56 order). A database-level create-queries
    // above "no"
    // also writes view-data "unrestricted" for the whole database, replacing any table-level
    // view-data;
    // view-data "blocked" forces create-queries "no" and download "none".
    if (viewData != null
        && viewData.isTextual()
        && viewData.asText().equals("blocked")
        && createQueries != null
        && createQueries.isTextual()
        && createQueries.asText().equals("query-builder-and-native")) {
      throw GraphValues.invalid(
          "Invalid DB permissions: If you have write access for native queries, you must "
              + "have data access to all schemas.");
    }
    if (createQueries != null
        && createQueries.equals(current == null ? null : current.get("create-queries"))) {
      createQueries = null;
    }
    if (viewData != null && viewData.equals(current == null ? null : current.get("view-data"))) {
      viewData = null;
    }
    if (createQueries != null) {
      next.set("create-queries", createQueries);
      if (GraphValues.anyAbove(createQueries, "no")
          && (createQueries.isTextual() || next.get("view-data").isTextual())) {
        next.put("view-data", "unrestricted");
      }
    }
    if (viewData != null) {
      next.set("view-data", viewData);
      if (viewData.isTextual() && viewData.asText().equals("blocked")) {
        next.put("create-queries", "no");
        next.putObject("download").put("schemas", "none");
      }
    }
    return next;
  }

  private static void acceptOptional(ObjectNode next, String key, JsonNode v, boolean known) {
    if (known) {
      next.set(key, yesNo(key, v));
    }
  }

  private static JsonNode yesNo(String key, JsonNode v) {
    GraphValues.check(key, v, YES_NO, Set.of());
    return v;
  }

  private static ObjectNode schemas(String key, JsonNode v, Set<String> levels) {
    if (v == null || !v.isObject() || !v.has("schemas")) {
      throw GraphValues.invalid(
          "{" + key + " (should be a map with schemas, received: " + v + ")}");
    }
    GraphValues.check(key + ".schemas", v.get("schemas"), levels, levels);
    ObjectNode out = F.objectNode();
    out.set("schemas", v.get("schemas"));
    return out;
  }

  @Override
  public boolean canRead(ObjectNode stored) {
    return GraphValues.anyAbove(stored.get("create-queries"), "no");
  }
}
