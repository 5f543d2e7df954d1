package org.batonjava.metabase.sim.users;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.batonjava.metabase.sim.api.ApiContext;
import org.batonjava.metabase.sim.api.BodyFields;
import org.batonjava.metabase.sim.api.Paging;
import org.batonjava.metabase.sim.groups.MembershipRules;
import org.batonjava.metabase.sim.groups.MembershipSpec;
import org.batonjava.metabase.sim.http.Caller;
import org.batonjava.metabase.sim.http.ErrorResponses;
import org.batonjava.metabase.sim.http.Request;
import org.batonjava.metabase.sim.http.Response;
import org.batonjava.metabase.sim.http.Route.Access;
import org.batonjava.metabase.sim.http.Router;
import org.batonjava.metabase.sim.state.SimGroup;
import org.batonjava.metabase.sim.state.SimState;
import org.batonjava.metabase.sim.state.SimUser;
import org.batonjava.metabase.sim.state.UserFilter;
import org.batonjava.metabase.sim.state.UserPage;

/** {@code /api/user}: list, current, get, create, update, deactivate, reactivate, password. */
public final class UsersApi {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private final ApiContext ctx;
  private final SimState state;
  private final UserJson json;
  private final MembershipRules rules;

  public UsersApi(ApiContext ctx) {
    this.ctx = ctx;
    this.state = ctx.state();
    this.json = new UserJson(ctx);
    this.rules = new MembershipRules(ctx);
  }

  public void register(Router router) {
    router
        .add("GET", "/api/user", Access.USER, this::list)
        .add("GET", "/api/user/current", Access.USER, this::current)
        .add("GET", "/api/user/:id", Access.USER, this::get)
        .add("POST", "/api/user", Access.SUPERUSER, this::create)
        .add("PUT", "/api/user/:id", Access.USER, this::update)
        .add("DELETE", "/api/user/:id", Access.SUPERUSER, this::deactivate)
        .add("PUT", "/api/user/:id/reactivate", Access.SUPERUSER, this::reactivate)
        .add("PUT", "/api/user/:id/password", Access.USER, this::password);
    if (ctx.version().minor() < 52) {
      router.add("POST", "/api/user/:id/send_invite", Access.SUPERUSER, r -> successTrue());
    }
  }

  private Response list(Request r) {
    requireSuperuser(r.caller());
    Paging paging = Paging.from(r);
    UserFilter.Status status;
    if (r.queryBoolean("include_deactivated", false)) {
      status = UserFilter.Status.ALL;
    } else {
      status =
          switch (r.query("status").orElse("active")) {
            case "deactivated" -> UserFilter.Status.DEACTIVATED;
            case "all" -> UserFilter.Status.ALL;
            default -> UserFilter.Status.ACTIVE;
          };
    }
    Integer groupId = null;
    if (r.query("group_id").isPresent()) {
      String raw = r.query("group_id").get();
      try {
        groupId = Integer.parseInt(raw);
      } catch (NumberFormatException e) {
        groupId = -1;
      }
      if (groupId <= 0) {
        throw ErrorResponses.schemaError(
            "group_id",
            "nullable value must be an integer greater than zero.",
            "should be a positive int",
            "\"" + raw + "\"");
      }
    }
    String query =
        r.query("query")
            .filter(q -> !q.isEmpty())
            .map(q -> q.toLowerCase(Locale.ROOT))
            .orElse(null);
    UserFilter filter = new UserFilter(status, query, groupId);
    return state.read(
        () -> {
          UserPage page = state.listUsers(filter, paging.offsetOrZero(), paging.limit());
          ObjectNode body = F.objectNode();
          ArrayNode data = body.putArray("data");
          page.users().forEach(u -> data.add(json.listItem(u)));
          body.put("total", page.total());
          paging.echo(body);
          return Response.ok(body);
        });
  }

  private Response current(Request r) {
    return state.read(() -> Response.ok(json.current(state.user(r.caller().userId()))));
  }

  private Response get(Request r) {
    int id = r.pathId("id");
    requireSelfOrSuperuser(r.caller(), id);
    return state.read(
        () -> {
          SimUser u = state.user(id);
          if (u == null
              || (!u.personal() && ctx.version().newestLine())
              || (!u.active() && !ctx.version().getUserReturnsDeactivated())) {
            throw ErrorResponses.notFound();
          }
          return Response.ok(json.withMemberships(u));
        });
  }

  private Response create(Request r) {
    JsonNode body = r.jsonObject();
    String email = BodyFields.email(body, "email");
    String first = BodyFields.nullableNonBlank(body, "first_name");
    String last = BodyFields.nullableNonBlank(body, "last_name");
    Map<Integer, Boolean> groups = MembershipSpec.parse(body);
    JsonNode attributes = BodyFields.nullableAttributes(body, "login_attributes");
    JsonNode password = body.get("password");
    return state.write(
        () -> {
          if (state.userByEmail(email) != null) {
            throw ErrorResponses.fieldError("email", "Email address already in use.");
          }
          SimUser u = state.createUser(SimUser.Type.PERSONAL, email, first, last, state.now());
          if (password != null && password.isTextual()) {
            state.credentials().setPassword(u, password.asText());
          } else {
            state.credentials().setRandomPassword(u);
          }
          u.loginAttributes(attributes);
          if (groups != null) {
            Map<Integer, Boolean> desired = new LinkedHashMap<>(groups);
            rules.replaceAll(u.id(), desired);
          }
          return Response.ok(json.withMemberships(u));
        });
  }

  private Response update(Request r) {
    int id = r.pathId("id");
    Caller caller = r.caller();
    if (id == SimState.INTERNAL_USER_ID) {
      throw ErrorResponses.plain(400, ErrorResponses.INTERNAL_USER);
    }
    requireSelfOrSuperuser(caller, id);
    JsonNode body = r.jsonObject();
    String email = body.hasNonNull("email") ? BodyFields.email(body, "email") : null;
    String first = BodyFields.nullableNonBlank(body, "first_name");
    String last = BodyFields.nullableNonBlank(body, "last_name");
    Map<Integer, Boolean> groups = MembershipSpec.parse(body);
    JsonNode attributes = BodyFields.nullableAttributes(body, "login_attributes");
    Boolean superuser =
        body.hasNonNull("is_superuser")
            ? BodyFields.optionalBoolean(body, "is_superuser", false)
            : null;
    return state.write(
        () -> {
          SimUser u = state.user(id);
          if (u == null || !u.active() || (!u.personal() && ctx.version().newestLine())) {
            throw ErrorResponses.notFound();
          }
          if (email != null && !email.equalsIgnoreCase(u.email())) {
            SimUser other = state.userByEmail(email);
            if (other != null && other.id() != id) {
              throw ErrorResponses.fieldError(
                  "email", "Email address already associated to another user.");
            }
          }
          checkSsoName(
              u,
              body,
              "first_name",
              first,
              u.firstName(),
              "Editing first name is not allowed for SSO users.");
          checkSsoName(
              u,
              body,
              "last_name",
              last,
              u.lastName(),
              "Editing last name is not allowed for SSO users.");
          Map<Integer, Boolean> desired = desiredGroups(u, caller, groups, superuser);
          // all checks passed: apply atomically
          if (email != null) {
            state.changeEmail(u, email);
          }
          if (body.has("first_name") || body.has("last_name")) {
            state.rename(
                u,
                body.has("first_name") ? first : u.firstName(),
                body.has("last_name") ? last : u.lastName());
          }
          if (body.has("locale")) {
            u.locale(body.get("locale").isNull() ? null : body.get("locale").asText());
          }
          if (caller.superuser() && body.has("login_attributes")) {
            u.loginAttributes(attributes);
          }
          if (desired != null) {
            rules.replaceAll(id, desired);
          }
          u.touch(state.now());
          return Response.ok(json.withMemberships(u));
        });
  }

  private Map<Integer, Boolean> desiredGroups(
      SimUser u, Caller caller, Map<Integer, Boolean> groups, Boolean superuser) {
    if (!caller.superuser()) {
      if (groups != null && !groups.keySet().equals(currentGroups(u).keySet())) {
        throw ErrorResponses.forbidden();
      }
      return null;
    }
    if (groups != null) {
      if (!groups.containsKey(SimGroup.ALL_USERS)) {
        throw ErrorResponses.plain(400, ErrorResponses.ALL_USERS_MEMBERSHIP);
      }
      if (superuser != null && superuser != groups.containsKey(SimGroup.ADMINISTRATORS)) {
        throw ErrorResponses.fieldError(
            "is_superuser",
            "Value of is_superuser must correspond to presence of Admin group ID in group_ids.");
      }
      return groups;
    }
    if (superuser == null) {
      return null;
    }
    Map<Integer, Boolean> desired = currentGroups(u);
    if (superuser) {
      desired.putIfAbsent(SimGroup.ADMINISTRATORS, false);
    } else {
      desired.remove(SimGroup.ADMINISTRATORS);
    }
    return desired;
  }

  private Map<Integer, Boolean> currentGroups(SimUser u) {
    Map<Integer, Boolean> current = new LinkedHashMap<>();
    state.membershipsOf(u.id()).forEach(m -> current.put(m.groupId(), m.manager()));
    return current;
  }

  private static void checkSsoName(
      SimUser u, JsonNode body, String field, String value, String existing, String msg) {
    if (u.ssoSource() != null && body.has(field) && !java.util.Objects.equals(value, existing)) {
      throw ErrorResponses.fieldError(field, msg);
    }
  }

  private Response deactivate(Request r) {
    int id = r.pathId("id");
    if (id == SimState.INTERNAL_USER_ID) {
      throw ErrorResponses.plain(400, ErrorResponses.INTERNAL_USER);
    }
    boolean strict = ctx.version().strictDeactivate();
    return state.write(
        () -> {
          SimUser u = state.user(id);
          if (u == null || !u.personal()) {
            throw strict ? ErrorResponses.notFound() : ErrorResponses.internal();
          }
          if (!u.active()) {
            if (strict) {
              return successTrue();
            }
            throw ErrorResponses.internal();
          }
          rules.requireNotLastAdmin(id);
          state.setActive(u, false);
          u.touch(state.now());
          return successTrue();
        });
  }

  private Response reactivate(Request r) {
    int id = r.pathId("id");
    return state.write(
        () -> {
          SimUser u = state.user(id);
          if (u == null || !u.personal()) {
            throw ErrorResponses.notFound();
          }
          if (u.active()) {
            throw ErrorResponses.message(400, "Not able to reactivate an active user");
          }
          state.setActive(u, true);
          var admin = state.membershipOf(id, SimGroup.ADMINISTRATORS);
          if (admin != null) {
            state.removeMembership(admin.id());
          }
          u.touch(state.now());
          return Response.ok(json.adminOrSelf(u));
        });
  }

  private Response password(Request r) {
    int id = r.pathId("id");
    Caller caller = r.caller();
    requireSelfOrSuperuser(caller, id);
    JsonNode body = r.jsonObject();
    String password = BodyFields.nonBlank(body, "password");
    if (password.length() < 6 || !password.matches(".*\\d.*")) {
      throw ErrorResponses.fieldError("password", "password is too common.");
    }
    return state.write(
        () -> {
          SimUser u = state.user(id);
          if (u == null || !u.active() || !u.personal()) {
            throw ErrorResponses.notFound();
          }
          state.credentials().setPassword(u, password);
          if (caller.userId() != id) {
            return Response.noContent();
          }
          String session = state.credentials().login(u.email(), password);
          return Response.ok(F.objectNode().put("success", true).put("session_id", session));
        });
  }

  private static Response successTrue() {
    return Response.ok(F.objectNode().put("success", true));
  }

  static void requireSuperuser(Caller caller) {
    if (!caller.superuser()) {
      throw ErrorResponses.forbidden();
    }
  }

  private static void requireSelfOrSuperuser(Caller caller, int id) {
    if (!caller.superuser() && caller.userId() != id) {
      throw ErrorResponses.forbidden();
    }
  }
}
