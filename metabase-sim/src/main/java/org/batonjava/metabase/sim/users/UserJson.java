package org.batonjava.metabase.sim.users;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.batonjava.metabase.sim.api.ApiContext;
import org.batonjava.metabase.sim.state.SimMembership;
import org.batonjava.metabase.sim.state.SimUser;

/** The JSON shapes of a user per version and edition. */
final class UserJson {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private final ApiContext ctx;

  UserJson(ApiContext ctx) {
    this.ctx = ctx;
  }

  static String time(Instant t) {
    return t == null ? null : t.toString();
  }

  /** "admin-or-self" columns plus {@code common_name}. */
  ObjectNode adminOrSelf(SimUser u) {
    ObjectNode o = F.objectNode();
    o.put("id", u.id());
    o.put("email", u.email());
    o.put("first_name", u.firstName());
    o.put("last_name", u.lastName());
    o.put("common_name", u.commonName());
    o.put("date_joined", time(u.dateJoined()));
    o.put("last_login", time(u.lastLogin()));
    o.put("updated_at", time(u.updatedAt()));
    o.put("is_superuser", ctx.state().isSuperuser(u.id()));
    o.put("is_active", u.active());
    o.put("is_qbnewb", u.qbnewb());
    o.put("sso_source", u.ssoSource());
    o.set(
        "login_attributes",
        u.loginAttributes() == null ? F.nullNode() : u.loginAttributes().deepCopy());
    o.put("locale", u.locale());
    if (ctx.version().tenantFields()) {
      o.putNull("tenant_id");
    }
    if (ctx.version().newestLine()) {
      o.put("is_data_analyst", false);
      o.putNull("jwt_attributes");
    }
    return o;
  }

  /** An element of GET /api/user {@code data} as an admin sees it. */
  ObjectNode listItem(SimUser u) {
    ObjectNode o = adminOrSelf(u);
    o.put("personal_collection_id", u.id());
    o.set("group_ids", groupIds(u));
    return o;
  }

  /** Single-user responses (GET/POST/PUT): admin-or-self + {@code user_group_memberships}. */
  ObjectNode withMemberships(SimUser u) {
    ObjectNode o = adminOrSelf(u);
    ArrayNode ms = o.putArray("user_group_memberships");
    for (SimMembership m : ctx.state().membershipsOf(u.id())) {
      ObjectNode item = ms.addObject().put("id", m.groupId());
      if (ctx.paid()) {
        item.put("is_group_manager", m.manager());
      }
    }
    return o;
  }

  /** GET /api/user/current. */
  ObjectNode current(SimUser u) {
    ObjectNode o = adminOrSelf(u);
    o.put("personal_collection_id", u.id());
    o.set("group_ids", groupIds(u));
    o.put("is_installer", u.id() == 1);
    o.put("has_invited_second_user", ctx.state().personalUserCount() > 1);
    o.put("has_question_and_dashboard", false);
    o.put("has_model", false);
    o.put("first_login", time(u.lastLogin() == null ? ctx.state().now() : u.lastLogin()));
    o.putNull("custom_homepage");
    return o;
  }

  private ArrayNode groupIds(SimUser u) {
    ArrayNode ids = F.arrayNode();
    ctx.state().membershipsOf(u.id()).forEach(m -> ids.add(m.groupId()));
    return ids;
  }
}
