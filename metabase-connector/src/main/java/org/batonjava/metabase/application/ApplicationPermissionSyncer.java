package org.batonjava.metabase.application;

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
import org.batonjava.metabase.server.SyncTokenFeatures;
import org.batonjava.metabase.server.TokenFeatures;
import org.batonjava.sdk.connector.BatonIds;
import org.batonjava.sdk.connector.EntitlementBuilder;
import org.batonjava.sdk.connector.GrantBuilder;
import org.batonjava.sdk.connector.GrantProvisioner;
import org.batonjava.sdk.connector.PageRequest;
import org.batonjava.sdk.connector.PageResult;
import org.batonjava.sdk.connector.ResourceBuilder;
import org.batonjava.sdk.connector.ResourceSyncer;

/**
 * {@code application_permission} (paid builds): three resources, {@code setting}, {@code
 * monitoring} and {@code subscription}, each with one entitlement {@code access} grantable to
 * groups. They are listed only when the server's token has {@code advanced_permissions} (token
 * features read once per sync); a free build has none, and its application graph (402) is never
 * asked for. Grants come from one read of the application graph per sync ({@code yes} = granted),
 * expandable to the group's members (and managers with the paid plan); the Administrators' grants
 * are immutable. Granting and revoking is the {@link ApplicationProvisioner}'s job.
 */
public final class ApplicationPermissionSyncer implements ResourceSyncer, GrantProvisioner {
  /** The {@code application_permission} resource type (no trait). */
  public static final ResourceType APPLICATION_PERMISSION =
      ResourceType.newBuilder()
          .setId("application_permission")
          .setDisplayName("Application Permission")
          .build();

  static final String ACCESS = "access";
  static final long ADMINISTRATORS = 2;
  private static final String GROUP = "group";

  private final ApplicationApi calls;
  private final SyncTokenFeatures features;
  private final BooleanSupplier paidPlan;
  private final PerSync<ApplicationGrants> graph = new PerSync<>();
  private final ApplicationProvisioner provisioner;

  /**
   * @param features the server's token features, once per sync
   * @param paidPlan whether groups have managers (then grants also expand from {@code manager})
   */
  public ApplicationPermissionSyncer(
      ApplicationApi calls, SyncTokenFeatures features, BooleanSupplier paidPlan) {
    this.calls = calls;
    this.features = features;
    this.paidPlan = paidPlan;
    this.provisioner = new ApplicationProvisioner(calls);
  }

  @Override
  public ResourceType resourceType() {
    return APPLICATION_PERMISSION;
  }

  @Override
  public PageResult<Resource> list(Optional<ResourceId> parent, PageRequest page) {
    if (!features.of(page.syncId()).has(TokenFeatures.ADVANCED_PERMISSIONS)) {
      return PageResult.empty();
    }
    List<Resource> out = new ArrayList<>();
    for (ApplicationPermission p : ApplicationPermission.values()) {
      out.add(
          ResourceBuilder.of(APPLICATION_PERMISSION.getId(), p.key(), p.label())
              .description(p.meaning())
              .externalId(p.key())
              .build());
    }
    return PageResult.last(out);
  }

  @Override
  public PageResult<Entitlement> entitlements(Resource resource, PageRequest page) {
    Optional<ApplicationPermission> p = ApplicationPermission.ofKey(resource.getId().getResource());
    if (p.isEmpty()) {
      return PageResult.empty();
    }
    return PageResult.last(
        List.of(
            EntitlementBuilder.permission(resource, ACCESS)
                .displayName(p.get().label() + " access")
                .description(p.get().meaning())
                .grantableTo(ResourceTypes.GROUP)
                .build()));
  }

  @Override
  public PageResult<Grant> grants(Resource resource, PageRequest page) {
    Optional<ApplicationPermission> p = ApplicationPermission.ofKey(resource.getId().getResource());
    if (p.isEmpty()) {
      return PageResult.empty();
    }
    ApplicationGrants grants = graph.get(page.syncId(), () -> ApplicationGrants.read(calls));
    boolean paid = paidPlan.getAsBoolean();
    Resource on = Resource.newBuilder().setId(resource.getId()).build();
    Entitlement entitlement =
        Entitlement.newBuilder()
            .setId(BatonIds.entitlementId(resource.getId(), ACCESS))
            .setResource(on)
            .build();
    List<Grant> out = new ArrayList<>();
    for (long groupId : grants.holders(p.get())) {
      ResourceId group = BatonIds.resourceId(GROUP, Long.toString(groupId));
      List<String> expandFrom =
          paid
              ? List.of(
                  BatonIds.entitlementId(group, "member"), BatonIds.entitlementId(group, "manager"))
              : List.of(BatonIds.entitlementId(group, "member"));
      GrantBuilder b =
          GrantBuilder.of(entitlement, Resource.newBuilder().setId(group).build())
              .expandableFrom(expandFrom, List.of(), false);
      if (groupId == ADMINISTRATORS) {
        b.annotate(GrantImmutable.getDefaultInstance());
      }
      out.add(b.build());
    }
    return PageResult.last(out);
  }

  @Override
  public List<Any> grant(Resource principal, Entitlement entitlement) {
    return provisioner.grant(principal, entitlement);
  }

  @Override
  public List<Any> revoke(Grant grant) {
    return provisioner.revoke(grant);
  }

  /** Drops the per-sync graph. */
  public void syncFinished() {
    graph.clear();
  }
}
