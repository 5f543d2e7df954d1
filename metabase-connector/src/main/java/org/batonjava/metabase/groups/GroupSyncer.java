package org.batonjava.metabase.groups;

import c1.connector.v2.Entitlement;
import c1.connector.v2.Grant;
import c1.connector.v2.GroupTrait;
import c1.connector.v2.Resource;
import c1.connector.v2.ResourceId;
import c1.connector.v2.ResourceType;
import com.google.protobuf.Any;
import com.google.protobuf.ListValue;
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
 * With extended access the profile also says whether an identity provider re-writes the group's
 * memberships at every login ({@code idp_mapped}, {@code idp_providers}), from the SSO group
 * mappings read once per sync.
 */
public final class GroupSyncer implements ResourceSyncer, GrantProvisioner {
  private final GroupsApi client;
  private final CurrentServer server;
  private final MembershipProvisioner memberships;
  private final IdentityProviderGroups idp;

  public GroupSyncer(GroupsApi client, CurrentServer server) {
    this(client, server, IdentityProviderGroups.NONE);
  }

  /**
   * @param idp the SSO group mappings ({@link IdentityProviderGroups#NONE} for the Go model)
   */
  public GroupSyncer(GroupsApi client, CurrentServer server, IdentityProviderGroups idp) {
    this.client = client;
    this.server = server;
    this.idp = idp;
    this.memberships = new MembershipProvisioner(client, idp);
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
            .map(
                g ->
                    idp.known()
                        ? withIdentityProvider(g, idp.providers(page.syncId(), g.id()))
                        : toResource(g))
            .toList();
    return PageResult.last(groups);
  }

  public static Resource toResource(MetabaseGroup group) {
    return build(group, profile(group).build(), null);
  }

  /**
   * The Go shape plus {@code idp_mapped} and {@code idp_providers}, and a description naming the
   * providers.
   */
  static Resource withIdentityProvider(MetabaseGroup group, List<String> providers) {
    ListValue.Builder names = ListValue.newBuilder();
    providers.forEach(p -> names.addValues(Value.newBuilder().setStringValue(p)));
    Struct profile =
        profile(group)
            .putFields("idp_mapped", Value.newBuilder().setBoolValue(!providers.isEmpty()).build())
            .putFields("idp_providers", Value.newBuilder().setListValue(names).build())
            .build();
    String description =
        providers.isEmpty()
            ? null
            : "Memberships are managed by the identity provider ("
                + String.join(", ", providers)
                + " group sync): Metabase re-writes them at every SSO login";
    return build(group, profile, description);
  }

  private static Struct.Builder profile(MetabaseGroup group) {
    return Struct.newBuilder()
        .putFields("name", Value.newBuilder().setStringValue(group.nameOrEmpty()).build())
        .putFields(
            "member_count",
            Value.newBuilder().setNumberValue((double) group.memberCountOrZero()).build());
  }

  private static Resource build(MetabaseGroup group, Struct profile, String description) {
    String id = Long.toString(group.id());
    ResourceBuilder b =
        ResourceBuilder.of(ResourceTypes.GROUP.getId(), id, group.nameOrEmpty())
            .groupTrait(GroupTrait.newBuilder().setProfile(profile).build())
            .externalId(id);
    if (description != null) {
      b.description(description);
    }
    return b.build();
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
