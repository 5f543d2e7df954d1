package org.batonjava.metabase.server;

/**
 * The {@link ServerProfile} the syncers work with: set by every {@code validate} (so a long-running
 * service follows a Metabase upgrade), and established on first use if a syncer runs before any
 * validation.
 */
public final class CurrentServer {
  private final ServerCheck check;
  private final ServerApi client;
  private volatile ServerProfile profile;

  public CurrentServer(ServerCheck check, ServerApi client) {
    this.check = check;
    this.client = client;
    this.profile = check.assumed().orElse(null);
  }

  public ServerProfile validate() {
    ServerProfile checked = check.check(client);
    profile = checked;
    return checked;
  }

  public ServerProfile profile() {
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
