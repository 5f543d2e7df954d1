package org.batonjava.metabase.server;

import org.batonjava.metabase.resources.PerSync;

/**
 * The server's {@link TokenFeatures}, read once per sync ({@code GET /api/session/properties}) and
 * shared by every surface that offers paid-only resources; a call outside a sync reads them afresh.
 */
public final class SyncTokenFeatures {
  private final ServerApi calls;
  private final PerSync<TokenFeatures> features = new PerSync<>();

  public SyncTokenFeatures(ServerApi calls) {
    this.calls = calls;
  }

  public TokenFeatures of(String syncId) {
    return features.get(syncId, calls::tokenFeatures);
  }

  public void syncFinished() {
    features.clear();
  }
}
