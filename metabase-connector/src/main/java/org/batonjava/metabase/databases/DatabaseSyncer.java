package org.batonjava.metabase.databases;

import c1.connector.v2.Entitlement;
import c1.connector.v2.Grant;
import c1.connector.v2.Resource;
import c1.connector.v2.ResourceId;
import c1.connector.v2.ResourceType;
import com.google.protobuf.Any;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.batonjava.metabase.groups.MembershipGrants;
import org.batonjava.metabase.resources.MetabaseIds;
import org.batonjava.metabase.resources.PerSync;
import org.batonjava.metabase.resources.ResourceTypes;
import org.batonjava.metabase.server.CurrentServer;
import org.batonjava.sdk.connector.BatonIds;
import org.batonjava.sdk.connector.EntitlementBuilder;
import org.batonjava.sdk.connector.GrantBuilder;
import org.batonjava.sdk.connector.GrantProvisioner;
import org.batonjava.sdk.connector.PageRequest;
import org.batonjava.sdk.connector.PageResult;
import org.batonjava.sdk.connector.ResourceBuilder;
import org.batonjava.sdk.connector.ResourceSyncer;

/**
 * {@code database}: every database from one {@code GET /api/database}, ordered by id; the two
 * entitlements of the server's {@link PermissionModel}, grantable to groups; and the groups holding
 * them, from the sync's {@link PermissionGraph}. Each grant is expandable to the group's members
 * (and managers with the paid plan), so the platform shows which users reach a database through
 * which group. Granting and revoking them (to groups) is the {@link
 * DatabasePermissionProvisioner}'s job.
 */
public final class DatabaseSyncer implements ResourceSyncer, GrantProvisioner {
  private final DatabasesApi client;
  private final CurrentServer server;
  private final PerSync<PermissionGraph> graph;
  private final DatabasePermissionProvisioner provisioner;

  public DatabaseSyncer(DatabasesApi client, CurrentServer server, PerSync<PermissionGraph> graph) {
    this.client = client;
    this.server = server;
    this.graph = graph;
    this.provisioner = new DatabasePermissionProvisioner(client, server);
  }

  @Override
  public ResourceType resourceType() {
    return ResourceTypes.DATABASE;
  }

  @Override
  public PageResult<Resource> list(Optional<ResourceId> parent, PageRequest page) {
    List<Resource> databases =
        client.listDatabases().stream()
            .sorted(Comparator.comparingLong(MetabaseDatabase::id))
            .map(
                db ->
                    ResourceBuilder.of(
                            ResourceTypes.DATABASE.getId(),
                            Long.toString(db.id()),
                            db.nameOrEmpty())
                        .externalId(Long.toString(db.id()))
                        .build())
            .toList();
    return PageResult.last(databases);
  }

  @Override
  public PageResult<Entitlement> entitlements(Resource resource, PageRequest page) {
    String name = resource.getDisplayName();
    List<Entitlement> entitlements = new ArrayList<>();
    for (DatabasePermission p : model().permissions()) {
      entitlements.add(
          EntitlementBuilder.permission(resource, p.slug())
              .displayName(p.displayName(name))
              .description(p.description(name))
              .grantableTo(ResourceTypes.GROUP)
              .build());
    }
    return PageResult.last(entitlements);
  }

  @Override
  public PageResult<Grant> grants(Resource resource, PageRequest page) {
    long databaseId = MetabaseIds.of(resource);
    PermissionModel model = model();
    PermissionGraph permissions =
        graph.get(page.syncId(), () -> PermissionGraph.read(client, model));
    boolean paidPlan = server.profile().paidPlan();
    List<Grant> grants = new ArrayList<>();
    for (PermissionGraph.GroupPermission gp : permissions.on(databaseId)) {
      ResourceId group =
          BatonIds.resourceId(ResourceTypes.GROUP.getId(), Long.toString(gp.groupId()));
      Entitlement entitlement =
          Entitlement.newBuilder()
              .setId(BatonIds.entitlementId(resource.getId(), gp.permission().slug()))
              .setResource(resource)
              .build();
      List<String> expandFrom =
          paidPlan
              ? List.of(
                  BatonIds.entitlementId(group, MembershipGrants.MEMBER),
                  BatonIds.entitlementId(group, MembershipGrants.MANAGER))
              : List.of(BatonIds.entitlementId(group, MembershipGrants.MEMBER));
      grants.add(
          GrantBuilder.of(entitlement, Resource.newBuilder().setId(group).build())
              .expandableFrom(expandFrom, List.of(), false)
              .build());
    }
    return PageResult.last(grants);
  }

  private PermissionModel model() {
    return PermissionModel.of(server.profile())
        .orElseThrow(() -> new IllegalStateException("no permission model for databases"));
  }

  @Override
  public List<Any> grant(Resource principal, Entitlement entitlement) {
    return provisioner.grant(principal, entitlement);
  }

  @Override
  public List<Any> revoke(Grant grant) {
    return provisioner.revoke(grant);
  }
}
