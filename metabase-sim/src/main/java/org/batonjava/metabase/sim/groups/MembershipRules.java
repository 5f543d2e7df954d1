package org.batonjava.metabase.sim.groups;

import java.util.List;
import java.util.Map;
import org.batonjava.metabase.sim.api.ApiContext;
import org.batonjava.metabase.sim.http.ErrorResponses;
import org.batonjava.metabase.sim.state.SimGroup;
import org.batonjava.metabase.sim.state.SimMembership;
import org.batonjava.metabase.sim.state.SimState;
import org.batonjava.metabase.sim.state.SimUser;

/** Membership rules shared by the user and membership endpoints (callers hold the write lock). */
public final class MembershipRules {
  private final ApiContext ctx;

  public MembershipRules(ApiContext ctx) {
    this.ctx = ctx;
  }

  /** 400 when removing this user from Administrators would leave no active administrator. */
  public void requireNotLastAdmin(int userId) {
    SimState s = ctx.state();
    SimUser u = s.user(userId);
    if (u != null
        && u.active()
        && s.isSuperuser(userId)
        && s.activeMemberCount(SimGroup.ADMINISTRATORS) <= 1) {
      throw ErrorResponses.plain(400, ErrorResponses.LAST_ADMIN);
    }
  }

  /**
   * Makes a user's memberships exactly {@code desired} (group id → manager flag); All Users is
   * never touched. Manager flags are honoured only on paid builds.
   */
  public void replaceAll(int userId, Map<Integer, Boolean> desired) {
    SimState s = ctx.state();
    for (Integer gid : desired.keySet()) {
      if (s.group(gid) == null) {
        throw ErrorResponses.unexpected(
            "ERROR: insert or update on table \"permissions_group_membership\" "
                + "violates foreign key constraint \"fk_permissions_group_group_id\"",
            "org.postgresql.util.PSQLException");
      }
    }
    if (!desired.containsKey(SimGroup.ADMINISTRATORS)) {
      requireNotLastAdmin(userId);
    }
    for (SimMembership m : List.copyOf(s.membershipsOf(userId))) {
      if (m.groupId() != SimGroup.ALL_USERS && !desired.containsKey(m.groupId())) {
        s.removeMembership(m.id());
      }
    }
    desired.forEach(
        (gid, manager) -> {
          if (gid == SimGroup.ALL_USERS) {
            return;
          }
          boolean flag = ctx.paid() && manager && gid != SimGroup.ADMINISTRATORS;
          SimMembership existing = s.membershipOf(userId, gid);
          if (existing == null) {
            s.addMembership(userId, gid, flag);
          } else if (ctx.paid() && existing.manager() != flag) {
            s.setManager(existing.id(), flag);
          }
        });
  }
}
