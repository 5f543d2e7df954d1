package org.batonjava.metabase.sim.groups;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.batonjava.metabase.sim.api.ApiContext;
import org.batonjava.metabase.sim.api.BodyFields;
import org.batonjava.metabase.sim.api.Paging;
import org.batonjava.metabase.sim.databases.PermissionModel;
import org.batonjava.metabase.sim.http.ErrorResponses;
import org.batonjava.metabase.sim.http.Request;
import org.batonjava.metabase.sim.http.Response;
import org.batonjava.metabase.sim.http.Route.Access;
import org.batonjava.metabase.sim.http.Router;
import org.batonjava.metabase.sim.state.SimDatabase;
import org.batonjava.metabase.sim.state.SimGroup;
import org.batonjava.metabase.sim.state.SimState;

/** {@code /api/permissions/group}: list, get with members, create, rename, delete. */
public final class GroupsApi {
  static final String DUPLICATE_NAME = "A group with that name already exists.";
  private final ApiContext ctx;
  private final PermissionModel permissions;
  private final SimState state;
  private final GroupJson json;

  public GroupsApi(ApiContext ctx, PermissionModel permissions) {
    this.permissions = permissions;
    this.ctx = ctx;
    this.state = ctx.state();
    this.json = new GroupJson(ctx);
  }

  public void register(Router router) {
    router
        .add("GET", "/api/permissions/group", Access.SUPERUSER, this::list)
        .add("GET", "/api/permissions/group/:id", Access.SUPERUSER, this::get)
        .add("POST", "/api/permissions/group", Access.SUPERUSER, this::create)
        .add("PUT", "/api/permissions/group/:id", Access.SUPERUSER, this::rename)
        .add("DELETE", "/api/permissions/group/:id", Access.SUPERUSER, this::delete);
  }

  private Response list(Request r) {
    Paging paging = Paging.from(r);
    return state.read(
        () -> {
          List<SimGroup> groups = state.groupsByName();
          int from = Math.min(paging.offsetOrZero(), groups.size());
          int to =
              paging.paged()
                  ? (int) Math.min((long) from + paging.limit(), groups.size())
                  : groups.size();
          ArrayNode out = JsonNodeFactory.instance.arrayNode();
          groups.subList(from, to).forEach(g -> out.add(json.listItem(g)));
          return Response.ok(out);
        });
  }

  private Response get(Request r) {
    int id = r.pathId("id");
    return state.read(
        () -> {
          SimGroup g = state.group(id);
          if (g == null) {
            throw ErrorResponses.notFound();
          }
          ObjectNode o = json.row(g);
          o.set("members", json.members(id));
          return Response.ok(o);
        });
  }

  private Response create(Request r) {
    JsonNode body = r.jsonObject();
    String name = BodyFields.nonBlank(body, "name");
    return state.write(
        () -> {
          if (state.groupByName(name) != null) {
            throw ErrorResponses.plain(400, DUPLICATE_NAME);
          }
          SimGroup g = state.createGroup(name);
          var defaults = permissions.defaultForNewGroup();
          if (defaults != null) {
            for (SimDatabase db : state.databases()) {
              if (!db.audit()) {
                state.permissions().put(g.id(), db.id(), defaults.deepCopy());
              }
            }
          }
          return Response.ok(json.row(g));
        });
  }

  private Response rename(Request r) {
    int id = r.pathId("id");
    JsonNode body = r.jsonObject();
    String name = BodyFields.nonBlank(body, "name");
    return state.write(
        () -> {
          SimGroup g = state.group(id);
          if (g == null) {
            throw ErrorResponses.notFound();
          }
          requireNotMagic(g);
          SimGroup same = state.groupByName(name);
          if (same != null && same.id() != id) {
            throw ErrorResponses.plain(400, DUPLICATE_NAME);
          }
          state.renameGroup(g, name);
          return Response.ok(json.row(g));
        });
  }

  private Response delete(Request r) {
    int id = r.pathId("id");
    return state.write(
        () -> {
          SimGroup g = state.group(id);
          if (g == null) {
            if (ctx.version().legacyPermissionGraph()) {
              return Response.noContent();
            }
            throw ErrorResponses.notFound();
          }
          requireNotMagic(g);
          state.deleteGroup(id);
          return Response.noContent();
        });
  }

  private static void requireNotMagic(SimGroup g) {
    if (g.magic()) {
      throw ErrorResponses.plain(
          400, "You cannot edit or delete the '" + g.name() + "' permissions group!");
    }
  }
}
