package org.batonjava.metabase.connector;

import c1.connector.v2.ConnectorAccountCreationSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.batonjava.metabase.client.MetabaseClient;
import org.batonjava.sdk.connector.ActionHandler;
import org.batonjava.sdk.connector.Connector;
import org.batonjava.sdk.connector.ConnectorInfo;
import org.batonjava.sdk.connector.ResourceSyncer;

/**
 * The Metabase connector, one class for every variant: the variant decides the metadata, what
 * {@link #validate()} checks and whether databases are synced. Built by {@link MetabaseConnectors#create}.
 * Provisioning lives with the syncers (group memberships on {@link GroupSyncer}, database permissions on
 * {@link DatabaseSyncer}, account creation on {@link UserSyncer}) and in the {@link #actions()}; it always reads
 * Metabase afresh, never the per-sync snapshots held here.
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

  MetabaseConnector(MetabaseVariant variant, String version, MetabaseClient client, ServerCheck check,
      ExtendedAccess extended) {
    this.variant = variant;
    this.version = version;
    this.server = new CurrentServer(check, client);
    List<ResourceSyncer> list = new ArrayList<>();
    list.add(new UserSyncer(client, server, memberships));
    list.add(new GroupSyncer(client, server));
    if (variant.syncsDatabases()) {
      list.add(new DatabaseSyncer(client, server, graph));
    }
    this.extended = extended;
    list.addAll(extended.syncers(() -> server.profile().paidPlan()));
    this.syncers = List.copyOf(list);
    UserStatusLookup status = new UserStatusLookup(client, server);
    this.actions = List.of(UserStatusAction.enable(client, status), UserStatusAction.disable(client, status));
  }

  public MetabaseVariant variant() {
    return variant;
  }

  @Override
  public ConnectorInfo info() {
    return new ConnectorInfo(variant.binaryName(), variant.displayName(), variant.description(), version);
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
