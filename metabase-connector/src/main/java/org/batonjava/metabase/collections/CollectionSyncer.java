package org.batonjava.metabase.collections;

import c1.connector.v2.Entitlement;
import c1.connector.v2.Grant;
import c1.connector.v2.GrantImmutable;
import c1.connector.v2.Resource;
import c1.connector.v2.ResourceId;
import c1.connector.v2.ResourceType;
import com.google.protobuf.Any;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.batonjava.metabase.resources.PerSync;
import org.batonjava.metabase.resources.ResourceTypes;
import org.batonjava.sdk.connector.BatonIds;
import org.batonjava.sdk.connector.EntitlementBuilder;
import org.batonjava.sdk.connector.GrantBuilder;
import org.batonjava.sdk.connector.GrantProvisioner;
import org.batonjava.sdk.connector.PageRequest;
import org.batonjava.sdk.connector.PageResult;
import org.batonjava.sdk.connector.ResourceBuilder;
import org.batonjava.sdk.connector.ResourceSyncer;

/**
 * {@code collection}: the root ("Our analytics", id {@code root}) and every non-personal,
 * non-archived collection, from one {@code GET /api/collection} per sync; each with its parent
 * collection and its path in the description. Entitlements {@code view} and {@code curate} (the
 * Usage-analytics collection: {@code view} only), grantable to groups. Grants from one read of
 * {@code GET /api/collection/graph} per sync: {@code read} gives {@code view}, {@code write} gives
 * {@code view} and {@code curate}; each is expandable to the group's members (and managers with the
 * paid plan); the Administrators' grants are marked immutable. A sync therefore makes two requests
 * for collections however many there are. Granting and revoking is the {@link
 * CollectionProvisioner}'s job.
 */
public final class CollectionSyncer implements ResourceSyncer, GrantProvisioner {
  /** The {@code collection} resource type (no trait). */
  public static final ResourceType COLLECTION =
      ResourceType.newBuilder().setId("collection").setDisplayName("Collection").build();

  private static final String GROUP = "group";
  private static final long ADMINISTRATORS = 2;

  private final CollectionsApi calls;
  private final BooleanSupplier paidPlan;
  private final PerSync<CollectionTree> tree = new PerSync<>();
  private final PerSync<CollectionGrants> graph = new PerSync<>();
  private final CollectionProvisioner provisioner;

  /**
   * @param paidPlan whether groups have managers (then grants also expand from {@code manager})
   */
  public CollectionSyncer(CollectionsApi calls, BooleanSupplier paidPlan) {
    this.calls = calls;
    this.paidPlan = paidPlan;
    this.provisioner = new CollectionProvisioner(calls);
  }

  @Override
  public ResourceType resourceType() {
    return COLLECTION;
  }

  @Override
  public PageResult<Resource> list(Optional<ResourceId> parent, PageRequest page) {
    List<Resource> out = new ArrayList<>();
    for (CollectionTree.Node node : tree(page).nodes()) {
      ResourceBuilder b =
          ResourceBuilder.of(COLLECTION.getId(), node.key(), node.name())
              .description(
                  node.viewOnly() ? node.path() + " (Usage analytics: view only)" : node.path())
              .externalId(node.key());
      if (node.parentKey() != null) {
        b.parent(BatonIds.resourceId(COLLECTION.getId(), node.parentKey()));
      }
      out.add(b.build());
    }
    return PageResult.last(out);
  }

  @Override
  public PageResult<Entitlement> entitlements(Resource resource, PageRequest page) {
    String name = resource.getDisplayName();
    boolean viewOnly =
        tree(page)
            .node(resource.getId().getResource())
            .map(CollectionTree.Node::viewOnly)
            .orElse(false);
    List<Entitlement> out = new ArrayList<>();
    for (CollectionAccess access : CollectionAccess.values()) {
      if (viewOnly && access == CollectionAccess.CURATE) {
        continue;
      }
      out.add(
          EntitlementBuilder.permission(resource, access.slug())
              .displayName(name + " " + access.label())
              .description(
                  access == CollectionAccess.VIEW
                      ? "Can view the items of the " + name + " collection in Metabase"
                      : "Can curate (edit, move, archive and save into) the "
                          + name
                          + " collection in Metabase")
              .grantableTo(ResourceTypes.GROUP)
              .build());
    }
    return PageResult.last(out);
  }

  @Override
  public PageResult<Grant> grants(Resource resource, PageRequest page) {
    String key = resource.getId().getResource();
    boolean viewOnly = tree(page).node(key).map(CollectionTree.Node::viewOnly).orElse(false);
    CollectionGrants grants = graph.get(page.syncId(), () -> CollectionGrants.read(calls));
    boolean paid = paidPlan.getAsBoolean();
    Resource on = Resource.newBuilder().setId(resource.getId()).build();
    List<Grant> out = new ArrayList<>();
    for (CollectionGrants.Holder h : grants.on(key)) {
      ResourceId group = BatonIds.resourceId(GROUP, Long.toString(h.groupId()));
      List<String> expandFrom =
          paid
              ? List.of(
                  BatonIds.entitlementId(group, "member"), BatonIds.entitlementId(group, "manager"))
              : List.of(BatonIds.entitlementId(group, "member"));
      for (CollectionAccess access : CollectionAccess.values()) {
        if (access == CollectionAccess.CURATE && (!h.curate() || viewOnly)) {
          continue;
        }
        Entitlement entitlement =
            Entitlement.newBuilder()
                .setId(BatonIds.entitlementId(resource.getId(), access.slug()))
                .setResource(on)
                .build();
        GrantBuilder b =
            GrantBuilder.of(entitlement, Resource.newBuilder().setId(group).build())
                .expandableFrom(expandFrom, List.of(), false);
        if (h.groupId() == ADMINISTRATORS) {
          b.annotate(GrantImmutable.getDefaultInstance());
        }
        out.add(b.build());
      }
    }
    return PageResult.last(out);
  }

  private CollectionTree tree(PageRequest page) {
    return tree.get(page.syncId(), () -> CollectionTree.read(calls));
  }

  @Override
  public List<Any> grant(Resource principal, Entitlement entitlement) {
    return provisioner.grant(principal, entitlement);
  }

  @Override
  public List<Any> revoke(Grant grant) {
    return provisioner.revoke(grant);
  }

  /** Drops the per-sync listing and graph. */
  public void syncFinished() {
    tree.clear();
    graph.clear();
  }
}
