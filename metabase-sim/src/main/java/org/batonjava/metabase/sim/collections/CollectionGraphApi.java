package org.batonjava.metabase.sim.collections;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.batonjava.metabase.sim.http.ErrorResponses;
import org.batonjava.metabase.sim.http.Request;
import org.batonjava.metabase.sim.http.Response;
import org.batonjava.metabase.sim.http.Route.Access;
import org.batonjava.metabase.sim.http.Router;
import org.batonjava.metabase.sim.state.CollectionLevel;
import org.batonjava.metabase.sim.state.CollectionStore;
import org.batonjava.metabase.sim.state.SimCollection;
import org.batonjava.metabase.sim.state.SimGroup;
import org.batonjava.metabase.sim.state.SimState;

/**
 * {@code GET /api/collection/graph} (administrators): dense before 0.56.13 (every group x root and
 * every eligible collection, {@code none} included), sparse from 0.56.13 (only read/write; groups
 * without any omitted). Administrators are shown with {@code write} everywhere except {@code read}
 * on the Usage-analytics collection. Personal collections, their descendants and the Trash are
 * never in the graph.
 *
 * <p>{@code PUT /api/collection/graph} takes a partial graph: only the pairs sent are compared and
 * changed. A revision other than the current one (or none) is a 409 unless {@code force=true}
 * (0.52+); personal collections in the body are dropped silently; {@code write} on the
 * Usage-analytics collection is a 400; entries for Administrators are ignored. A change bumps the
 * revision. {@code skip_graph} (0.50+) / {@code skip-graph} (0.52+) answer with the revision only.
 */
public final class CollectionGraphApi {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private final SimState state;
  private final CollectionFeatures features;

  public CollectionGraphApi(SimState state, CollectionFeatures features) {
    this.state = state;
    this.features = features;
  }

  public void register(Router router) {
    router
        .add(
            "GET",
            "/api/collection/graph",
            Access.SUPERUSER,
            r -> state.read(() -> Response.ok(graph())))
        .add("PUT", "/api/collection/graph", Access.SUPERUSER, this::update);
  }

  /** The collections that appear in the graph, in id order. */
  private List<SimCollection> eligible() {
    CollectionStore store = state.collections();
    List<SimCollection> out = new ArrayList<>();
    for (SimCollection c : store.all()) {
      boolean namespaceOk = c.namespace() == null || "analytics".equals(c.namespace());
      if (namespaceOk
          && !c.trash()
          && !store.personal(c)
          && (!c.archived() || features.graphListsArchived())) {
        out.add(c);
      }
    }
    return out;
  }

  private ObjectNode graph() {
    CollectionStore store = state.collections();
    List<SimCollection> eligible = eligible();
    ObjectNode out = F.objectNode();
    out.put("revision", store.revision());
    ObjectNode groups = out.putObject("groups");
    List<SimGroup> all = new ArrayList<>(state.groups());
    all.sort(Comparator.comparingInt(SimGroup::id));
    for (SimGroup g : all) {
      ObjectNode entries = F.objectNode();
      boolean admin = g.id() == SimGroup.ADMINISTRATORS;
      put(
          entries,
          CollectionStore.ROOT,
          admin ? CollectionLevel.WRITE : store.level(g.id(), CollectionStore.ROOT));
      for (SimCollection c : eligible) {
        String key = Integer.toString(c.id());
        CollectionLevel level =
            admin
                ? (c.analytics() ? CollectionLevel.READ : CollectionLevel.WRITE)
                : store.level(g.id(), key);
        put(entries, key, level);
      }
      if (!entries.isEmpty()) {
        groups.set(Integer.toString(g.id()), entries);
      }
    }
    return out;
  }

  private void put(ObjectNode entries, String key, CollectionLevel level) {
    if (level != CollectionLevel.NONE || !features.sparseGraph()) {
      entries.put(key, level.apiName());
    }
  }

  private Response update(Request r) {
    JsonNode body = r.jsonObject();
    boolean force = features.force() && r.queryBoolean("force", false);
    boolean skip =
        (features.skipGraphSnakeCase() && r.queryBoolean("skip_graph", false))
            || (features.skipGraphKebabCase() && r.queryBoolean("skip-graph", false));
    JsonNode groupsNode = body.get("groups");
    if (groupsNode == null || !groupsNode.isObject()) {
      throw ErrorResponses.plain(
          400,
          "Cannot parse permissions graph because it is invalid: {:groups "
              + "[\"missing required key\"]}");
    }
    JsonNode revision = body.get("revision");
    return state.write(
        () -> {
          Map<Integer, Map<String, CollectionLevel>> changes = changes(groupsNode);
          CollectionStore store = state.collections();
          if (!force
              && (revision == null
                  || !revision.canConvertToInt()
                  || revision.asInt() != store.revision())) {
            throw ErrorResponses.plain(409, ErrorResponses.STALE_REVISION);
          }
          boolean changed = false;
          for (Map.Entry<Integer, Map<String, CollectionLevel>> g : changes.entrySet()) {
            for (Map.Entry<String, CollectionLevel> e : g.getValue().entrySet()) {
              store.set(g.getKey(), e.getKey(), e.getValue());
              changed = true;
            }
          }
          if (changed) {
            store.nextRevision();
          }
          if (skip) {
            ObjectNode out = F.objectNode();
            out.put("revision", store.revision());
            return Response.ok(out);
          }
          return Response.ok(graph());
        });
  }

  /**
   * Validates the body and returns the entries that differ from the current graph; nothing is
   * written here.
   */
  private Map<Integer, Map<String, CollectionLevel>> changes(JsonNode groupsNode) {
    CollectionStore store = state.collections();
    Map<Integer, Map<String, CollectionLevel>> changes = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> g : groupsNode.properties()) {
      int groupId = positive(g.getKey());
      if (state.group(groupId) == null) {
        throw ErrorResponses.notFound();
      }
      if (!g.getValue().isObject()) {
        throw invalid("{:groups {" + groupId + " [\"invalid type\"]}}");
      }
      Map<String, CollectionLevel> perGroup = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : g.getValue().properties()) {
        String key = e.getKey();
        CollectionLevel level = CollectionLevel.parse(e.getValue().asText(null));
        if (level == null) {
          throw invalid(
              "{:groups {"
                  + groupId
                  + " {"
                  + key
                  + " [\"should be either :write, :read or"
                  + " :none\"]}}}");
        }
        if (!key.equals(CollectionStore.ROOT)) {
          SimCollection c = store.get(positive(key));
          if (c == null) {
            throw ErrorResponses.notFound();
          }
          if (store.personal(c)) {
            continue;
          }
          if (c.analytics() && level == CollectionLevel.WRITE) {
            throw ErrorResponses.plain(400, "Unable to make audit collections writable.");
          }
        }
        if (groupId != SimGroup.ADMINISTRATORS && store.level(groupId, key) != level) {
          perGroup.put(key, level);
        }
      }
      changes.put(groupId, perGroup);
    }
    return changes;
  }

  private static int positive(String key) {
    try {
      int v = Integer.parseInt(key);
      if (v > 0) {
        return v;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw invalid("{:groups (invalid id: \"" + key + "\")}");
  }

  private static RuntimeException invalid(String detail) {
    return ErrorResponses.plain(
        400, "Cannot parse permissions graph because it is invalid: " + detail);
  }
}
