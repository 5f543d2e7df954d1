package org.batonjava.metabase.groups;

import c1.connector.v2.Entitlement;
import c1.connector.v2.Grant;
import c1.connector.v2.Resource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.batonjava.metabase.resources.ResourceTypes;
import org.batonjava.sdk.connector.BatonIds;
import org.batonjava.sdk.connector.GrantBuilder;

/**
 * A user's group-membership grants, shaped as the Go connectors emit them: {@code
 * group:<gid>:member:user:<uid>}, or {@code group:<gid>:manager:user:<uid>} for a group manager
 * (instead of, not besides, member). The grant's entitlement carries only the group's id and the
 * principal only the user's id.
 */
public final class MembershipGrants {
  public static final String MEMBER = "member";
  public static final String MANAGER = "manager";

  private MembershipGrants() {}

  /**
   * The grants of one user's memberships.
   *
   * @param paidPlan with the paid plan a manager holds {@code manager}; without it that entitlement
   *     does not exist, so the manager is reported as a {@code member}
   */
  public static List<Grant> forUser(
      Resource user, List<GroupMembership> memberships, boolean paidPlan) {
    Resource principal = Resource.newBuilder().setId(user.getId()).build();
    List<Grant> grants = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (GroupMembership m : memberships) {
      String slug = m.manager() && paidPlan ? MANAGER : MEMBER;
      Resource group =
          Resource.newBuilder()
              .setId(BatonIds.resourceId(ResourceTypes.GROUP.getId(), Long.toString(m.groupId())))
              .build();
      Entitlement entitlement =
          Entitlement.newBuilder()
              .setId(BatonIds.entitlementId(group.getId(), slug))
              .setResource(group)
              .build();
      Grant grant = GrantBuilder.of(entitlement, principal).build();
      if (seen.add(grant.getId())) {
        grants.add(grant);
      }
    }
    return grants;
  }
}
