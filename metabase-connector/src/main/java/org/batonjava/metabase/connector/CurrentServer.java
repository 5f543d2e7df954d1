package org.batonjava.metabase.connector;

import org.batonjava.metabase.client.MetabaseClient;

/**
 * The {@link ServerProfile} the syncers work with: set by every {@code validate} (so a long-running service
 * follows a Metabase upgrade), and established on first use if a syncer runs before any validation.
 */
final class CurrentServer {
  private final ServerCheck check;
  private final MetabaseClient client;
  private volatile ServerProfile profile;

  CurrentServer(ServerCheck check, MetabaseClient client) {
    this.check = check;
    this.client = client;
    this.profile = check.assumed().orElse(null);
  }

  ServerProfile validate() {
    ServerProfile checked = check.check(client);
    profile = checked;
    return checked;
  }

  ServerProfile profile() {
    ServerProfile p = profile;
    if (p != null) {
      return p;
    }
    synchronized (this) {
      if (profile == null) {
        profile = check.check(client);
      }
      return profile;
    }
  }
}
