package org.batonjava.metabase.databases;

import c1.connector.v2.Entitlement;
import c1.connector.v2.Grant;
import c1.connector.v2.GrantImmutable;
import c1.connector.v2.Resource;
import c1.connector.v2.ResourceId;
import c1.connector.v2.ResourceType;
import com.google.protobuf.Any;
import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.grpc.Status;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.batonjava.metabase.groups.MagicGroups;
import org.batonjava.metabase.groups.MembershipGrants;
import org.batonjava.metabase.policies.RowSecurityPolicies;
import org.batonjava.metabase.resources.MetabaseIds;
import org.batonjava.metabase.resources.PerSync;
import org.batonjava.metabase.resources.ResourceTypes;
import org.batonjava.metabase.server.CurrentServer;
import org.batonjava.metabase.server.SyncTokenFeatures;
import org.batonjava.metabase.server.TokenFeatures;
import org.batonjava.sdk.connector.BatonIds;
import org.batonjava.sdk.connector.ConnectorException;
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
  private final SyncTokenFeatures fineGrained;
  private final RowSecurityPolicies policies;
  private final boolean readAhead;

  public DatabaseSyncer(DatabasesApi client, CurrentServer server, PerSync<PermissionGraph> graph) {
    this(client, server, graph, null, null, false);
  }

  /**
   * @param fineGrained extended access: the token features (read once per sync) that decide whether
   *     the paid-only {@link FineGrainedRights} are offered; {@code null} for the Go model
   * @param policies extended access: sandboxes and impersonations, whose attribute names annotate
   *     the {@code view-sandboxed-partial} and {@code view-impersonated} grants; {@code null} for
   *     the Go model
   * @param readAhead read the permission graph in the background from the first database's
   *     entitlements on (page concurrency above 1), instead of when the first grants need it
   */
  public DatabaseSyncer(
      DatabasesApi client,
      CurrentServer server,
      PerSync<PermissionGraph> graph,
      SyncTokenFeatures fineGrained,
      RowSecurityPolicies policies,
      boolean readAhead) {
    this.readAhead = readAhead;
    this.policies = policies;
    this.client = client;
    this.server = server;
    this.graph = graph;
    this.fineGrained = fineGrained;
    this.provisioner = new DatabasePermissionProvisioner(client, server);
  }

  private boolean paidRights(PageRequest page) {
    return fineGrained != null
        && fineGrained.of(page.syncId()).has(TokenFeatures.ADVANCED_PERMISSIONS);
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
    if (readAhead) {
      // The graph is needed once the databases' grants are listed, after every user's and group's:
      // reading it now overlaps its transfer and parsing with those.
      graph.prefetch(
          page.syncId(), graphRead(page), PerSync.daemonThread("metabase-permission-graph"));
    }
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
    if (fineGrained != null) {
      for (DatabasePermission p :
          FineGrainedRights.offered(model() instanceof LegacyDataPermissions, paidRights(page))) {
        entitlements.add(
            EntitlementBuilder.permission(resource, p.slug())
                .displayName(p.displayName(name))
                .description(
                    p.slug().endsWith("-partial")
                        ? "Holds "
                            + p.label()
                            + " on part of the "
                            + name
                            + " database: the grant lists the schemas and"
                            + " tables (reported for review; change it in Metabase)"
                        : "Holds "
                            + p.label()
                            + " on the whole "
                            + name
                            + " database (reported for review; change it in"
                            + " Metabase)")
                .build());
      }
    }
    return PageResult.last(entitlements);
  }

  @Override
  public PageResult<Grant> grants(Resource resource, PageRequest page) {
    long databaseId = MetabaseIds.of(resource);
    PermissionGraph permissions = graph.get(page.syncId(), graphRead(page));
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
    for (PermissionGraph.GroupRight gr : permissions.rightsOn(databaseId)) {
      grants.add(rightGrant(resource, gr, paidPlan, rowSecurity(page.syncId(), databaseId, gr)));
    }
    return PageResult.last(grants);
  }

  /**
   * A fine-grained right as a grant, expandable like the query grants; a partial one carries its
   * scope as a {@code google.protobuf.Struct} annotation {@code {"database_id": …, "right": …,
   * "scope": ["table 31 (PUBLIC)", …]}}; the Administrators' are immutable.
   */
  /**
   * What decides a sandboxed or impersonated group's scope: {@code table 23 (marketing): region}
   * per sandboxed table, {@code role attribute: warehouse_role} for an impersonation; empty for
   * other rights.
   */
  private List<String> rowSecurity(String syncId, long databaseId, PermissionGraph.GroupRight gr) {
    if (policies == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    DatabasePermission p = gr.right().permission();
    if (p.equals(FineGrainedRights.VIEW_IMPERSONATED)) {
      policies
          .impersonationAttribute(syncId, gr.groupId(), databaseId)
          .ifPresent(a -> out.add("role attribute: " + a));
    } else if (p.equals(FineGrainedRights.VIEW_SANDBOXED_PARTIAL)) {
      for (String scope : gr.right().scope()) {
        java.util.regex.Matcher m = TABLE_SCOPE.matcher(scope);
        if (m.matches()) {
          List<String> names =
              policies.sandboxAttributes(syncId, gr.groupId(), Long.parseLong(m.group(1)));
          out.add(
              scope + ": " + (names.isEmpty() ? "(no user attribute)" : String.join(", ", names)));
        }
      }
    }
    return out;
  }

  private static final java.util.regex.Pattern TABLE_SCOPE =
      java.util.regex.Pattern.compile("table (\\d+) \\(.*\\)");

  private static Grant rightGrant(
      Resource resource,
      PermissionGraph.GroupRight gr,
      boolean paidPlan,
      List<String> rowSecurity) {
    ResourceId group =
        BatonIds.resourceId(ResourceTypes.GROUP.getId(), Long.toString(gr.groupId()));
    Entitlement entitlement =
        Entitlement.newBuilder()
            .setId(BatonIds.entitlementId(resource.getId(), gr.right().permission().slug()))
            .setResource(resource)
            .build();
    List<String> expandFrom =
        paidPlan
            ? List.of(
                BatonIds.entitlementId(group, MembershipGrants.MEMBER),
                BatonIds.entitlementId(group, MembershipGrants.MANAGER))
            : List.of(BatonIds.entitlementId(group, MembershipGrants.MEMBER));
    GrantBuilder b =
        GrantBuilder.of(entitlement, Resource.newBuilder().setId(group).build())
            .expandableFrom(expandFrom, List.of(), false);
    if (!gr.right().scope().isEmpty() || !rowSecurity.isEmpty()) {
      Struct.Builder details =
          Struct.newBuilder()
              .putFields(
                  "database_id",
                  Value.newBuilder().setNumberValue((double) MetabaseIds.of(resource)).build())
              .putFields(
                  "right",
                  Value.newBuilder().setStringValue(gr.right().permission().slug()).build());
      if (!gr.right().scope().isEmpty()) {
        details.putFields(
            "scope", Value.newBuilder().setListValue(strings(gr.right().scope())).build());
      }
      if (!rowSecurity.isEmpty()) {
        details.putFields(
            "row_security", Value.newBuilder().setListValue(strings(rowSecurity)).build());
      }
      b.annotate(details.build());
    }
    if (gr.groupId() == MagicGroups.ADMINISTRATORS) {
      b.annotate(GrantImmutable.getDefaultInstance());
    }
    return b.build();
  }

  private static ListValue strings(List<String> values) {
    ListValue.Builder list = ListValue.newBuilder();
    values.forEach(v -> list.addValues(Value.newBuilder().setStringValue(v)));
    return list.build();
  }

  /** The read of the sync's whole permission graph, as this sync needs it. */
  private Supplier<PermissionGraph> graphRead(PageRequest page) {
    PermissionModel model = model();
    boolean paidRights = paidRights(page);
    return () -> PermissionGraph.read(client, model, fineGrained != null, paidRights);
  }

  private PermissionModel model() {
    return PermissionModel.of(server.profile())
        .orElseThrow(() -> new IllegalStateException("no permission model for databases"));
  }

  @Override
  public List<Any> grant(Resource principal, Entitlement entitlement) {
    refuseFineGrained(entitlement.getId(), "granted");
    return provisioner.grant(principal, entitlement);
  }

  @Override
  public List<Any> revoke(Grant grant) {
    refuseFineGrained(grant.getEntitlement().getId(), "revoked");
    return provisioner.revoke(grant);
  }

  /** The fine-grained rights are reported for review only: one line, nothing written. */
  private static void refuseFineGrained(String entitlementId, String verb) {
    int colon = entitlementId.lastIndexOf(':');
    String slug = colon < 0 ? entitlementId : entitlementId.substring(colon + 1);
    if (FineGrainedRights.isFineGrained(slug)) {
      throw new ConnectorException(
          Status.Code.FAILED_PRECONDITION,
          entitlementId
              + " is reported for review and"
              + " cannot be "
              + verb
              + " by the connector; change it in Metabase (Admin → Permissions)");
    }
  }
}
