package org.batonjava.sdk.connector;

import c1.connector.v2.ConnectorAccountCreationSchema;
import java.util.List;
import java.util.Optional;

/**
 * A Baton connector: what it is, whether its configuration works, and one {@link ResourceSyncer}
 * per resource type. Optional capabilities are expressed by implementing more interfaces on the
 * syncers ({@link GrantProvisioner}, {@link AccountCreator}) or by returning {@link
 * ActionHandler}s; the SDK derives the advertised capabilities from what is implemented.
 */
public interface Connector {
  /** Display name, description and other static facts. */
  ConnectorInfo info();

  /**
   * Checks that the configuration reaches a working system (credentials, version). Throws a {@link
   * ConnectorException} with a message that says what is wrong and how to fix it.
   */
  void validate();

  /** One syncer per resource type, in the order the types should be synced. */
  List<ResourceSyncer> resourceSyncers();

  /** Custom actions ({@code --invoke-action}); none by default. */
  default List<ActionHandler> actions() {
    return List.of();
  }

  /**
   * The fields an account-creation request may carry, when a syncer implements {@link
   * AccountCreator}.
   */
  default Optional<ConnectorAccountCreationSchema> accountCreationSchema() {
    return Optional.empty();
  }

  /**
   * Called once per sync, as soon as the sync will not call the connector again: before grant
   * expansion, else when the sync ends or stops. Connectors drop per-sync caches here.
   */
  default void syncFinished() {}
}
