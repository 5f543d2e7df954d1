package org.batonjava.metabase.sim.groups;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.batonjava.metabase.sim.api.ApiContext;
import org.batonjava.metabase.sim.state.SimGroup;
import org.batonjava.metabase.sim.state.SimMembership;
import org.batonjava.metabase.sim.state.SimUser;

/** The JSON shapes of groups and group members per version. */
final class GroupJson {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final Comparator<SimUser> MEMBER_ORDER =
      Comparator.comparing(
              (SimUser u) -> lower(u.firstName()), Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(u -> lower(u.lastName()), Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparingInt(SimUser::id);
  private final ApiContext ctx;

  GroupJson(ApiContext ctx) {
    this.ctx = ctx;
  }

  /** The group row (as returned by create/rename), version-specific extra fields included. */
  ObjectNode row(SimGroup g) {
    ObjectNode o = F.objectNode();
    o.put("id", g.id());
    o.put("name", g.name());
    if (ctx.version().extendedGroupFields()) {
      o.put("entity_id", g.entityId());
    }
    if (ctx.version().magicGroupType()) {
      o.put("magic_group_type", g.magicGroupType());
    }
    if (ctx.version().tenantFields()) {
      o.put("is_tenant_group", false);
    }
    return o;
  }

  /** A list element: the row plus {@code member_count} of active members. */
  ObjectNode listItem(SimGroup g) {
    return row(g).put("member_count", ctx.state().activeMemberCount(g.id()));
  }

  /** The active members of a group, sorted by lower(first_name), lower(last_name). */
  ArrayNode members(int groupId) {
    List<SimMembership> rows = new ArrayList<>();
    for (SimMembership m : ctx.state().membershipsIn(groupId)) {
      if (ctx.state().user(m.userId()).active()) {
        rows.add(m);
      }
    }
    rows.sort(Comparator.comparing(m -> ctx.state().user(m.userId()), MEMBER_ORDER));
    ArrayNode out = F.arrayNode();
    rows.forEach(m -> out.add(member(ctx.state().user(m.userId()), m)));
    return out;
  }

  private ObjectNode member(SimUser u, SimMembership m) {
    ObjectNode o = F.objectNode();
    boolean extended = ctx.version().extendedGroupFields();
    if (extended) {
      o.put("id", u.id());
    }
    o.put("user_id", u.id());
    o.put("first_name", u.firstName());
    o.put("last_name", u.lastName());
    o.put("email", u.email());
    if (extended) {
      o.put("is_superuser", ctx.state().isSuperuser(u.id()));
      o.put("group_id", m.groupId());
      o.put("common_name", u.commonName());
    }
    o.put("membership_id", m.id());
    if (ctx.paid()) {
      o.put("is_group_manager", m.manager());
    }
    if (ctx.version().newestLine()) {
      o.put("type", u.personal() ? "personal" : "api-key");
    }
    return o;
  }

  private static String lower(String s) {
    return s == null ? null : s.toLowerCase(Locale.ROOT);
  }
}
