package org.batonjava.metabase.groups;

import c1.connector.v2.Entitlement;
import c1.connector.v2.Grant;
import c1.connector.v2.GroupTrait;
import c1.connector.v2.Resource;
import c1.connector.v2.ResourceId;
import c1.connector.v2.ResourceType;
import com.google.protobuf.Any;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.batonjava.metabase.resources.ResourceTypes;
import org.batonjava.metabase.server.CurrentServer;
import org.batonjava.sdk.connector.EntitlementBuilder;
import org.batonjava.sdk.connector.GrantProvisioner;
import org.batonjava.sdk.connector.PageRequest;
import org.batonjava.sdk.connector.PageResult;
import org.batonjava.sdk.connector.ResourceBuilder;
import org.batonjava.sdk.connector.ResourceSyncer;

/**
 * {@code group}: every permission group (All Users and Administrators included) from one {@code GET
 * /api/permissions/group}, ordered by id; the {@code member} entitlement, plus {@code manager} with
 * the paid plan. No grants here: memberships are emitted by the users' {@code UserSyncer}, as in
 * the Go connectors. Granting and revoking memberships is the {@link MembershipProvisioner}'s job.
 */
public final class GroupSyncer implements ResourceSyncer, GrantProvisioner {
  private final GroupsApi client;
  private final CurrentServer server;
  private final MembershipProvisioner memberships;

  public GroupSyncer(GroupsApi client, CurrentServer server) {
    this.client = client;
    this.server = server;
    this.memberships = new MembershipProvisioner(client);
  }

  @Override
  public ResourceType resourceType() {
    return ResourceTypes.GROUP;
  }

  @Override
  public PageResult<Resource> list(Optional<ResourceId> parent, PageRequest page) {
    List<Resource> groups =
        client.listGroups().stream()
            .sorted(Comparator.comparingLong(MetabaseGroup::id))
            .map(GroupSyncer::toResource)
            .toList();
    return PageResult.last(groups);
  }

  public static Resource toResource(MetabaseGroup group) {
    String id = Long.toString(group.id());
    Struct profile =
        Struct.newBuilder()
            .putFields("name", Value.newBuilder().setStringValue(group.nameOrEmpty()).build())
            .putFields(
                "member_count",
                Value.newBuilder().setNumberValue((double) group.memberCountOrZero()).build())
            .build();
    return ResourceBuilder.of(ResourceTypes.GROUP.getId(), id, group.nameOrEmpty())
        .groupTrait(GroupTrait.newBuilder().setProfile(profile).build())
        .externalId(id)
        .build();
  }

  @Override
  public PageResult<Entitlement> entitlements(Resource resource, PageRequest page) {
    String name = resource.getDisplayName();
    List<Entitlement> entitlements = new ArrayList<>();
    entitlements.add(
        EntitlementBuilder.assignment(resource, MembershipGrants.MEMBER)
            .displayName(name + " Member")
            .description("Is a Member of " + name + " group in Metabase")
            .grantableTo(ResourceTypes.USER)
            .build());
    if (server.profile().paidPlan()) {
      entitlements.add(
          EntitlementBuilder.assignment(resource, MembershipGrants.MANAGER)
              .displayName(name + " Manager")
              .description("Is a Manager of " + name + " group in Metabase")
              .grantableTo(ResourceTypes.USER)
              .build());
    }
    return PageResult.last(entitlements);
  }

  @Override
  public PageResult<Grant> grants(Resource resource, PageRequest page) {
    return PageResult.empty();
  }

  @Override
  public List<Any> grant(Resource principal, Entitlement entitlement) {
    return memberships.grant(principal, entitlement);
  }

  @Override
  public List<Any> revoke(Grant grant) {
    return memberships.revoke(grant);
  }
}
