package org.batonjava.metabase.sim.groups;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.batonjava.metabase.sim.api.ApiContext;
import org.batonjava.metabase.sim.api.BodyFields;
import org.batonjava.metabase.sim.http.ErrorResponses;
import org.batonjava.metabase.sim.http.Request;
import org.batonjava.metabase.sim.http.Response;
import org.batonjava.metabase.sim.http.Route.Access;
import org.batonjava.metabase.sim.http.Router;
import org.batonjava.metabase.sim.state.SimGroup;
import org.batonjava.metabase.sim.state.SimMembership;
import org.batonjava.metabase.sim.state.SimState;
import org.batonjava.metabase.sim.state.SimUser;

/** {@code /api/permissions/membership}: the map, add, manager flag, delete, clear. */
public final class MembershipsApi {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private final ApiContext ctx;
  private final SimState state;
  private final GroupJson groups;
  private final MembershipRules rules;

  public MembershipsApi(ApiContext ctx) {
    this.ctx = ctx;
    this.state = ctx.state();
    this.groups = new GroupJson(ctx);
    this.rules = new MembershipRules(ctx);
  }

  public void register(Router router) {
    router
        .add("GET", "/api/permissions/membership", Access.SUPERUSER, this::all)
        .add("POST", "/api/permissions/membership", Access.SUPERUSER, this::add)
        .add("PUT", "/api/permissions/membership/:id/clear", Access.SUPERUSER, this::clear)
        .add("PUT", "/api/permissions/membership/:id", Access.SUPERUSER, this::setManager)
        .add("DELETE", "/api/permissions/membership/:id", Access.SUPERUSER, this::delete);
  }

  private Response all(Request r) {
    return state.read(
        () -> {
          ObjectNode out = F.objectNode();
          state
              .allMemberships()
              .forEach(
                  (uid, rows) -> {
                    ArrayNode list = out.putArray(String.valueOf(uid));
                    rows.forEach(
                        m ->
                            list.addObject()
                                .put("membership_id", m.id())
                                .put("group_id", m.groupId())
                                .put("user_id", m.userId())
                                .put("is_group_manager", m.manager()));
                  });
          return Response.ok(out);
        });
  }

  private Response add(Request r) {
    JsonNode body = r.jsonObject();
    int groupId = BodyFields.positiveInt(body, "group_id");
    int userId = BodyFields.positiveInt(body, "user_id");
    boolean manager = BodyFields.optionalBoolean(body, "is_group_manager", false);
    return state.write(
        () -> {
          if (manager && !ctx.paid()) {
            throw ErrorResponses.paymentRequired(
                ErrorResponses.advancedPermissionsMessage("group manager"));
          }
          if (manager && state.isSuperuser(userId)) {
            throw ErrorResponses.plain(400, ctx.version().adminManagerMessage());
          }
          if (groupId == SimGroup.ALL_USERS) {
            throw ErrorResponses.plain(400, ErrorResponses.ALL_USERS_MEMBERSHIP);
          }
          SimUser user = state.user(userId);
          if (user == null || state.group(groupId) == null) {
            if (ctx.version().newestLine()) {
              throw ErrorResponses.unexpected(
                  "Error inserting Permissions Group Membership", "clojure.lang.ExceptionInfo");
            }
            throw ErrorResponses.unexpected(
                "ERROR: insert or update on table \"permissions_group_membership\" "
                    + "violates foreign key constraint",
                "org.postgresql.util.PSQLException");
          }
          if (state.isMember(userId, groupId)) {
            throw ErrorResponses.unexpected(
                "ERROR: duplicate key value violates unique constraint "
                    + "\"unique_permissions_group_membership_user_id_group_id\"",
                "org.postgresql.util.PSQLException");
          }
          state.addMembership(userId, groupId, manager);
          return Response.ok(groups.members(groupId));
        });
  }

  private Response setManager(Request r) {
    int id = r.pathId("id");
    if (!ctx.paid()) {
      throw ErrorResponses.paymentRequired(
          ErrorResponses.advancedPermissionsMessage("group manager"));
    }
    boolean manager = BodyFields.requiredBoolean(r.jsonObject(), "is_group_manager");
    return state.write(
        () -> {
          SimMembership m = state.membership(id);
          if (m == null) {
            throw ErrorResponses.notFound();
          }
          if (manager && state.isSuperuser(m.userId())) {
            throw ErrorResponses.plain(400, ctx.version().adminManagerMessage());
          }
          SimMembership updated = state.setManager(id, manager);
          return Response.ok(
              F.objectNode()
                  .put("id", updated.id())
                  .put("user_id", updated.userId())
                  .put("group_id", updated.groupId())
                  .put("is_group_manager", updated.manager()));
        });
  }

  private Response delete(Request r) {
    int id = r.pathId("id");
    return state.write(
        () -> {
          SimMembership m = state.membership(id);
          if (m == null) {
            throw ErrorResponses.notFound();
          }
          if (m.groupId() == SimGroup.ALL_USERS) {
            throw ErrorResponses.plain(400, ErrorResponses.ALL_USERS_MEMBERSHIP);
          }
          if (m.groupId() == SimGroup.ADMINISTRATORS) {
            rules.requireNotLastAdmin(m.userId());
          }
          state.removeMembership(id);
          return Response.noContent();
        });
  }

  private Response clear(Request r) {
    int groupId = r.pathId("id");
    return state.write(
        () -> {
          if (state.group(groupId) == null) {
            throw ErrorResponses.notFound();
          }
          if (groupId == SimGroup.ADMINISTRATORS) {
            throw ErrorResponses.invalidRequest();
          }
          if (groupId == SimGroup.ALL_USERS) {
            throw ErrorResponses.plain(400, ErrorResponses.ALL_USERS_MEMBERSHIP);
          }
          List.copyOf(state.membershipsIn(groupId)).forEach(m -> state.removeMembership(m.id()));
          return Response.noContent();
        });
  }
}
