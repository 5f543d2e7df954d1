package org.batonjava.metabase.sim.application;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.batonjava.metabase.sim.api.ApiContext;
import org.batonjava.metabase.sim.http.ApiException;
import org.batonjava.metabase.sim.http.ErrorResponses;
import org.batonjava.metabase.sim.http.Request;
import org.batonjava.metabase.sim.http.Response;
import org.batonjava.metabase.sim.http.Route.Access;
import org.batonjava.metabase.sim.http.Router;
import org.batonjava.metabase.sim.state.ApplicationStore;
import org.batonjava.metabase.sim.state.SimGroup;
import org.batonjava.metabase.sim.state.SimState;

/**
 * The application permission graph of a paid build, {@code
 * /api/ee/advanced-permissions/application/graph} (administrators only; a free build answers 402
 * for the whole subtree).
 *
 * <p>{@code GET}: {@code {revision, groups: {gid: {setting, monitoring, subscription}}}} with
 * {@code yes}/{@code no} for every type, listing only the groups that hold at least one
 * (Administrators always, with all three).
 *
 * <p>{@code PUT}: a closed body {@code {revision, groups, force?}}; per group a partial map of
 * types. Unknown keys, types or values are a 400. A revision other than the current one, or none,
 * is a 409 (nothing changed) unless forcing is supported (0.52+) and asked for. Only the (group,
 * type) pairs that differ from the current graph are applied (Administrators are never changed);
 * when any were sent the revision moves on. {@code skip-graph=true} (0.52+) answers with the
 * revision only, otherwise with the whole graph.
 */
public final class ApplicationGraphApi {
  /** What a free build answers for every advanced-permissions route. */
  public static final String PAID_FEATURE =
      "Advanced Permissions is a paid feature not currently available to your"
          + " instance. Please upgrade to use it. Learn more at metabase.com/upgrade/";

  private static final String PATH = "/api/ee/advanced-permissions/application/graph";
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final Set<String> BODY_KEYS = Set.of("revision", "groups", "force");

  private final ApiContext ctx;
  private final SimState state;

  public ApplicationGraphApi(ApiContext ctx) {
    this.ctx = ctx;
    this.state = ctx.state();
  }

  public void register(Router router) {
    router
        .add(
            "GET",
            PATH,
            Access.SUPERUSER,
            r -> {
              requirePaid();
              return state.read(() -> Response.ok(graph()));
            })
        .add("PUT", PATH, Access.SUPERUSER, this::update);
  }

  private void requirePaid() {
    if (!ctx.paid()) {
      throw ErrorResponses.paymentRequired(PAID_FEATURE);
    }
  }

  private ObjectNode graph() {
    ApplicationStore store = state.applications();
    ObjectNode out = F.objectNode();
    out.put("revision", store.revision());
    ObjectNode groups = out.putObject("groups");
    groups.set(Integer.toString(SimGroup.ADMINISTRATORS), cell(store, SimGroup.ADMINISTRATORS));
    for (Integer groupId : store.stored().keySet()) {
      groups.set(Integer.toString(groupId), cell(store, groupId));
    }
    return out;
  }

  private static ObjectNode cell(ApplicationStore store, int groupId) {
    ObjectNode cell = F.objectNode();
    for (String type : ApplicationStore.TYPES) {
      cell.put(type, store.has(groupId, type) ? "yes" : "no");
    }
    return cell;
  }

  private Response update(Request r) {
    requirePaid();
    JsonNode body = r.jsonObject();
    for (Map.Entry<String, JsonNode> e : body.properties()) {
      if (!BODY_KEYS.contains(e.getKey())) {
        throw invalid("{:" + e.getKey() + " [\"disallowed key\"]}");
      }
    }
    JsonNode groupsNode = body.get("groups");
    if (groupsNode == null || !groupsNode.isObject()) {
      throw invalid("{:groups [\"missing required key\"]}");
    }
    Map<Integer, Map<String, Boolean>> sent = parse(groupsNode);
    boolean forceable = ctx.version().minor() >= 52;
    boolean force =
        forceable && (r.queryBoolean("force", false) || body.path("force").asBoolean(false));
    boolean skip = forceable && r.queryBoolean("skip-graph", false);
    JsonNode revision = body.get("revision");
    return state.write(
        () -> {
          ApplicationStore store = state.applications();
          if (!force
              && (revision == null
                  || !revision.canConvertToInt()
                  || revision.asInt() != store.revision())) {
            throw ErrorResponses.plain(409, ErrorResponses.STALE_REVISION);
          }
          boolean changed = false;
          for (Map.Entry<Integer, Map<String, Boolean>> g : sent.entrySet()) {
            int groupId = g.getKey();
            if (state.group(groupId) == null) {
              throw ErrorResponses.notFound();
            }
            boolean listed =
                groupId == SimGroup.ADMINISTRATORS || store.stored().containsKey(groupId);
            for (Map.Entry<String, Boolean> e : g.getValue().entrySet()) {
              if (!listed || store.has(groupId, e.getKey()) != e.getValue()) {
                store.set(groupId, e.getKey(), e.getValue());
                changed = true;
              }
            }
          }
          if (changed) {
            store.nextRevision();
          }
          if (skip) {
            return Response.ok(F.objectNode().put("revision", store.revision()));
          }
          return Response.ok(graph());
        });
  }

  private static Map<Integer, Map<String, Boolean>> parse(JsonNode groupsNode) {
    Map<Integer, Map<String, Boolean>> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> g : groupsNode.properties()) {
      int groupId = positive(g.getKey());
      if (!g.getValue().isObject()) {
        throw invalid("{:groups {" + groupId + " [\"invalid type\"]}}");
      }
      Map<String, Boolean> cells = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : g.getValue().properties()) {
        String value = e.getValue().asText("");
        if (!ApplicationStore.known(e.getKey())) {
          throw invalid("{:groups {" + groupId + " (invalid key: \"" + e.getKey() + "\")}}");
        }
        if (!value.equals("yes") && !value.equals("no")) {
          throw invalid(
              "{:groups {"
                  + groupId
                  + " {:"
                  + e.getKey()
                  + " [\"should be either :yes or :no\"]}}}");
        }
        cells.put(e.getKey(), value.equals("yes"));
      }
      out.put(groupId, cells);
    }
    return out;
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
    throw invalid("{:groups (invalid key: \"" + key + "\")}");
  }

  private static ApiException invalid(String detail) {
    return ErrorResponses.plain(400, "Invalid application permissions graph: " + detail);
  }
}
