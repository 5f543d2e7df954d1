package org.batonjava.metabase.connector;

import c1.connector.v2.ConnectorAccountCreationSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.batonjava.metabase.databases.DatabaseSyncer;
import org.batonjava.metabase.databases.DatabasesApi;
import org.batonjava.metabase.databases.PermissionGraph;
import org.batonjava.metabase.groups.GroupSyncer;
import org.batonjava.metabase.groups.GroupsApi;
import org.batonjava.metabase.groups.MembershipIndex;
import org.batonjava.metabase.http.MetabaseJson;
import org.batonjava.metabase.resources.PerSync;
import org.batonjava.metabase.server.CurrentServer;
import org.batonjava.metabase.server.ServerApi;
import org.batonjava.metabase.server.ServerCheck;
import org.batonjava.metabase.server.ServerProfile;
import org.batonjava.metabase.users.AccountSchema;
import org.batonjava.metabase.users.UserStatusAction;
import org.batonjava.metabase.users.UserStatusLookup;
import org.batonjava.metabase.users.UserSyncer;
import org.batonjava.metabase.users.UsersApi;
import org.batonjava.sdk.connector.ActionHandler;
import org.batonjava.sdk.connector.Connector;
import org.batonjava.sdk.connector.ConnectorInfo;
import org.batonjava.sdk.connector.ResourceSyncer;

/**
 * The Metabase connector, one class for every variant: the variant decides the metadata, what
 * {@link #validate()} checks and whether databases are synced. Built by {@link
 * MetabaseConnectors#create}. Provisioning lives with the syncers (group memberships on {@link
 * GroupSyncer}, database permissions on {@link DatabaseSyncer}, account creation on {@link
 * UserSyncer}) and in the {@link #actions()}; it always reads Metabase afresh, never the per-sync
 * snapshots held here.
 */
public final class MetabaseConnector implements Connector {
  private final MetabaseVariant variant;
  private final String version;
  private final CurrentServer server;
  private final PerSync<MembershipIndex> memberships = new PerSync<>();
  private final PerSync<PermissionGraph> graph = new PerSync<>();
  private final List<ResourceSyncer> syncers;
  private final List<ActionHandler> actions;

  private final ExtendedAccess extended;

  MetabaseConnector(
      MetabaseVariant variant,
      String version,
      MetabaseJson client,
      ServerCheck check,
      ExtendedAccess extended,
      int pageConcurrency) {
    UsersApi users = new UsersApi(client);
    GroupsApi groups = new GroupsApi(client);
    this.variant = variant;
    this.version = version;
    this.server = new CurrentServer(check, new ServerApi(client));
    List<ResourceSyncer> list = new ArrayList<>();
    list.add(
        new UserSyncer(users, groups, server, memberships, extended.enabled(), pageConcurrency));
    list.add(new GroupSyncer(groups, server, extended.identityProviderGroups()));
    if (variant.syncsDatabases()) {
      list.add(
          new DatabaseSyncer(
              new DatabasesApi(client),
              server,
              graph,
              extended.tokenFeatures(),
              extended.rowSecurityPolicies(),
              pageConcurrency > 1));
    }
    this.extended = extended;
    list.addAll(extended.syncers(() -> server.profile().paidPlan()));
    this.syncers = List.copyOf(list);
    UserStatusLookup status = new UserStatusLookup(users, server);
    this.actions =
        List.of(UserStatusAction.enable(users, status), UserStatusAction.disable(users, status));
  }

  public MetabaseVariant variant() {
    return variant;
  }

  @Override
  public ConnectorInfo info() {
    return new ConnectorInfo(
        variant.binaryName(), variant.displayName(), variant.description(), version);
  }

  @Override
  public void validate() {
    server.validate();
  }

  /** What the last validation learned (version, plan, permission model). */
  public ServerProfile serverProfile() {
    return server.profile();
  }

  @Override
  public List<ResourceSyncer> resourceSyncers() {
    return syncers;
  }

  /** {@code enable_user} and {@code disable_user}, as in every Go connector. */
  @Override
  public List<ActionHandler> actions() {
    return actions;
  }

  @Override
  public Optional<ConnectorAccountCreationSchema> accountCreationSchema() {
    return Optional.of(AccountSchema.METABASE);
  }

  @Override
  public void syncFinished() {
    memberships.clear();
    graph.clear();
    extended.syncFinished();
  }

  /** Whether API keys and collections are synced ({@code --metabase-extended-access}). */
  public boolean extendedAccess() {
    return extended.enabled();
  }
}
