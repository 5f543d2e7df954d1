package org.batonjava.sdk.provision;

import c1.connector.v2.Entitlement;
import c1.connector.v2.Grant;
import c1.connector.v2.Resource;
import java.nio.file.Path;
import org.batonjava.sdk.c1z.C1zOptions;
import org.batonjava.sdk.connector.Connector;

/**
 * The one-shot provisioning flags ({@code --grant-entitlement}/{@code --grant-principal}/ {@code
 * --grant-principal-type}, {@code --revoke-grant}): look the ids up in the latest finished sync of
 * {@code --file} (read only; the file is never rewritten) and apply the change. Each returns the
 * one line to print.
 */
public final class OneShotProvisioning {
  private final Connector connector;
  private final Path file;
  private final C1zOptions options;

  public OneShotProvisioning(Connector connector, Path file, C1zOptions options) {
    this.connector = connector;
    this.file = file;
    this.options = options;
  }

  public GrantRequests.Outcome grant(
      String entitlementId, String principalId, String principalType) {
    Entitlement entitlement;
    Resource principal;
    try (StoredSync sync = new StoredSync(file, options)) {
      entitlement = sync.entitlement(entitlementId);
      principal = sync.resource(principalType, principalId);
    }
    return new GrantRequests(connector).grant(entitlement, principal);
  }

  public GrantRequests.Outcome revoke(String grantId) {
    Grant grant;
    try (StoredSync sync = new StoredSync(file, options)) {
      grant = sync.grant(grantId);
    }
    return new GrantRequests(connector).revoke(grant);
  }
}
