package org.batonjava.metabase.sim.databases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntPredicate;
import org.batonjava.metabase.sim.api.ApiContext;
import org.batonjava.metabase.sim.http.ErrorResponses;
import org.batonjava.metabase.sim.http.Request;
import org.batonjava.metabase.sim.http.Response;
import org.batonjava.metabase.sim.http.Route.Access;
import org.batonjava.metabase.sim.http.Router;
import org.batonjava.metabase.sim.state.SimDatabase;
import org.batonjava.metabase.sim.state.SimGroup;
import org.batonjava.metabase.sim.state.SimState;

/**
 * {@code /api/permissions/graph}: GET whole / per database / per group and PUT with revision
 * checks, partial graphs, {@code force} and {@code skip-graph}.
 */
public final class PermissionGraphApi {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private final ApiContext ctx;
  private final SimState state;
  private final PermissionModel model;

  public PermissionGraphApi(ApiContext ctx, PermissionModel model) {
    this.ctx = ctx;
    this.state = ctx.state();
    this.model = model;
  }

  public void register(Router router) {
    router
        .add("GET", "/api/permissions/graph", Access.SUPERUSER, r -> read(g -> true, d -> true))
        .add(
            "GET",
            "/api/permissions/graph/db/:id",
            Access.SUPERUSER,
            r -> {
              int db = r.pathId("id");
              return read(g -> true, d -> d == db);
            })
        .add(
            "GET",
            "/api/permissions/graph/group/:id",
            Access.SUPERUSER,
            r -> {
              int group = r.pathId("id");
              return read(g -> g == group, d -> true);
            })
        .add("PUT", "/api/permissions/graph", Access.SUPERUSER, this::update);
  }

  private Response read(IntPredicate groups, IntPredicate dbs) {
    return state.read(() -> Response.ok(graph(groups, dbs)));
  }

  /** The rendered graph for the selected groups and databases (caller holds a lock). */
  private ObjectNode graph(IntPredicate groupFilter, IntPredicate dbFilter) {
    ObjectNode out = F.objectNode();
    out.put("revision", state.permissions().revision());
    ObjectNode groups = out.putObject("groups");
    TreeMap<Integer, ObjectNode> rendered = new TreeMap<>();
    state
        .permissions()
        .all()
        .forEach(
            (gid, dbs) -> {
              if (gid == SimGroup.ADMINISTRATORS || !groupFilter.test(gid)) {
                return;
              }
              ObjectNode perGroup = F.objectNode();
              dbs.forEach(
                  (dbId, stored) -> {
                    SimDatabase db = state.database(dbId);
                    if (db == null || db.audit() || !dbFilter.test(dbId)) {
                      return;
                    }
                    ObjectNode r = model.render(stored);
                    if (ctx.paid()) {
                      PolicyOverlay.apply(
                          r, gid, db, state.policies(), ctx.version().legacyPermissionGraph());
                    }
                    if (!r.isEmpty()) {
                      perGroup.set(String.valueOf(dbId), r);
                    }
                  });
              if (!perGroup.isEmpty()) {
                rendered.put(gid, perGroup);
              }
            });
    if (groupFilter.test(SimGroup.ADMINISTRATORS)) {
      ObjectNode admin = F.objectNode();
      for (SimDatabase db : state.databases()) {
        if (!db.audit() && dbFilter.test(db.id())) {
          admin.set(String.valueOf(db.id()), model.adminEntry());
        }
      }
      if (!admin.isEmpty()) {
        rendered.put(SimGroup.ADMINISTRATORS, admin);
      }
    }
    rendered.forEach((gid, node) -> groups.set(String.valueOf(gid), node));
    return out;
  }

  private Response update(Request r) {
    JsonNode body = r.jsonObject();
    boolean force = ctx.version().graphForceParam() && r.queryBoolean("force", false);
    boolean skipGraph = r.queryBoolean("skip-graph", false);
    if (!ctx.paid() && body.has("sandboxes")) {
      throw ErrorResponses.paymentRequired(
          "Sandboxes is a paid feature not currently available to your instance. "
              + "Please upgrade to use it.");
    }
    if (!ctx.paid() && body.has("impersonations")) {
      throw ErrorResponses.paymentRequired(
          "Connection impersonation is a paid feature not currently available "
              + "to your instance. Please upgrade to use it.");
    }
    JsonNode groupsNode = body.get("groups");
    if (groupsNode == null || !groupsNode.isObject()) {
      throw ErrorResponses.plain(
          400,
          "Cannot parse permissions graph because it is invalid: {:groups "
              + "[\"missing required key\"]}");
    }
    JsonNode revisionNode = body.get("revision");
    return state.write(
        () -> {
          Map<Integer, Map<Integer, ObjectNode>> changes = computeChanges(groupsNode);
          boolean changed = changes.values().stream().anyMatch(m -> !m.isEmpty());
          boolean mustCheck = !force && (!model.legacy() || changed);
          int current = state.permissions().revision();
          if (mustCheck
              && (revisionNode == null
                  || !revisionNode.canConvertToInt()
                  || revisionNode.asInt() != current)) {
            throw ErrorResponses.plain(409, ErrorResponses.STALE_REVISION);
          }
          changes.forEach(
              (gid, dbs) ->
                  dbs.forEach((dbId, perms) -> state.permissions().put(gid, dbId, perms)));
          if (!model.legacy() || changed) {
            state.permissions().nextRevision();
          }
          ObjectNode out;
          if (model.legacy()) {
            out = graph(g -> true, d -> true);
          } else {
            Set<Integer> requested = changes.keySet();
            out = graph(requested::contains, d -> true);
          }
          for (String key : List.of("sandboxes", "impersonations")) {
            if (body.has(key)) {
              out.set(key, body.get(key));
            }
          }
          if (skipGraph) {
            out.remove("groups");
          }
          return Response.ok(out);
        });
  }

  /**
   * Validates the requested groups and computes the new stored entries that differ from the current
   * ones. Nothing is written here, so a refusal leaves the graph untouched.
   */
  private Map<Integer, Map<Integer, ObjectNode>> computeChanges(JsonNode groupsNode) {
    Map<Integer, Map<Integer, ObjectNode>> changes = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = groupsNode.properties().iterator();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> g = it.next();
      int gid = parseId(g.getKey(), "group");
      if (state.group(gid) == null) {
        throw ErrorResponses.notFound();
      }
      Map<Integer, ObjectNode> perDb = new TreeMap<>();
      changes.put(gid, perDb);
      if (!g.getValue().isObject()) {
        throw ErrorResponses.plain(
            400,
            "Cannot parse permissions graph because it is invalid: {:groups {"
                + gid
                + " [\"invalid type\"]}}");
      }
      List<String> dbKeys = new ArrayList<>();
      g.getValue().fieldNames().forEachRemaining(dbKeys::add);
      for (String dbKey : new TreeSet<>(dbKeys)) {
        int dbId = parseId(dbKey, "database");
        if (dbId == SimDatabase.AUDIT_DB_ID) {
          throw ErrorResponses.plain(
              400,
              "Audit database permissions can only be changed by updating audit "
                  + "collection permissions.");
        }
        if (state.database(dbId) == null) {
          throw ErrorResponses.notFound();
        }
        if (gid == SimGroup.ADMINISTRATORS) {
          continue; // Administrators always have full access; entries for group 2 are ignored
        }
        ObjectNode currentStored = state.permissions().get(gid, dbId);
        ObjectNode next = model.apply(currentStored, g.getValue().get(dbKey), ctx.paid());
        if (!next.equals(currentStored)) {
          perDb.put(dbId, next);
        }
      }
    }
    return changes;
  }

  private static int parseId(String key, String what) {
    try {
      int v = Integer.parseInt(key);
      if (v > 0) {
        return v;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw ErrorResponses.plain(
        400,
        "Cannot parse permissions graph because it is invalid: {:groups (invalid "
            + what
            + " id: \""
            + key
            + "\")}");
  }
}
