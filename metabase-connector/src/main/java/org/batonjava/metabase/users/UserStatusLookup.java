package org.batonjava.metabase.users;

import io.grpc.Status;
import org.batonjava.metabase.http.OperationFailure;
import org.batonjava.metabase.server.CurrentServer;
import org.batonjava.metabase.server.ServerVersion;
import org.batonjava.sdk.connector.ConnectorException;

/**
 * Whether a Metabase user is active, read now, on every version: {@code GET /api/user/:id} answers
 * with {@code is_active} for any user from 0.51 on, but with 404 for a deactivated user on
 * 0.49–0.50. So a 404 is "no such user" when the server is known to be 0.51 or newer, and otherwise
 * settled by the deactivated-user list ({@code GET /api/user?status=deactivated}) — the Go v049
 * connector took every 404 for "deactivated", the v056 one for an error.
 */
public final class UserStatusLookup {
  /**
   * The first release whose {@code GET /api/user/:id} returns deactivated users (metabase#44100).
   */
  public static final int FIRST_MINOR_RETURNING_DEACTIVATED = 51;

  private final UsersApi client;
  private final CurrentServer server;

  public UserStatusLookup(UsersApi client, CurrentServer server) {
    this.client = client;
    this.server = server;
  }

  /**
   * Whether the user is active, read afresh from Metabase.
   *
   * @return true for an active user, false for a deactivated one
   * @throws ConnectorException {@code NOT_FOUND} when Metabase has no such user
   */
  public boolean active(long userId) {
    try {
      MetabaseUser user = client.user(userId);
      return user.active();
    } catch (ConnectorException e) {
      if (e.code() != Status.Code.NOT_FOUND) {
        throw OperationFailure.of("cannot read Metabase user " + userId, e);
      }
    }
    if (!deactivatedUsersAre404()) {
      throw notFound(userId);
    }
    if (client.deactivatedUsers().stream().anyMatch(u -> u.id() == userId)) {
      return false;
    }
    throw notFound(userId);
  }

  /** True unless the server is known to return deactivated users from {@code GET /api/user/:id}. */
  private boolean deactivatedUsersAre404() {
    return server
        .profile()
        .version()
        .map(ServerVersion::minor)
        .map(minor -> minor < FIRST_MINOR_RETURNING_DEACTIVATED)
        .orElse(true);
  }

  private static ConnectorException notFound(long userId) {
    return new ConnectorException(
        Status.Code.NOT_FOUND,
        "Metabase has no user "
            + userId
            + " (check the userId argument: it is the user's Metabase id, the resource id of a synced user)");
  }
}
