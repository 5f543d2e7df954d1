package org.batonjava.metabase.server;

import io.grpc.Status;
import java.util.Optional;
import java.util.OptionalInt;
import org.batonjava.sdk.connector.ConnectorException;

/**
 * The unversioned connector's check: one cheap call ({@code GET /api/user/current}) proves that the
 * URL is a Metabase, that the key is accepted, and that it belongs to an administrator. (The Go
 * connector checks nothing, so a wrong key only showed up in the middle of a sync.)
 */
public final class AdminKeyCheck implements ServerCheck {
  private final boolean paidPlan;

  public AdminKeyCheck(boolean paidPlan) {
    this.paidPlan = paidPlan;
  }

  @Override
  public Optional<ServerProfile> assumed() {
    return Optional.of(new ServerProfile(Optional.empty(), paidPlan, OptionalInt.empty()));
  }

  @Override
  public ServerProfile check(ServerApi client) {
    requireAdministrator(client);
    return assumed().orElseThrow();
  }

  /** Fails unless the key's user is in the Administrators group. */
  static void requireAdministrator(ServerApi client) {
    KeyOwner self = client.currentUser();
    if (!self.superuser()) {
      String who =
          self.firstName() == null || self.firstName().isBlank()
              ? ""
              : " (\"" + self.firstName() + "\")";
      throw new ConnectorException(
          Status.Code.PERMISSION_DENIED,
          "the API key must belong to the Administrators group; the key's user"
              + who
              + " is not an administrator (Admin → Authentication → API keys)");
    }
  }
}
