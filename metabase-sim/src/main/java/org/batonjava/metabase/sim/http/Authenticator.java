package org.batonjava.metabase.sim.http;

import java.util.function.Function;
import org.batonjava.metabase.sim.state.SimState;
import org.batonjava.metabase.sim.state.SimUser;

/**
 * Resolves the caller the way Metabase's session middleware does: a valid session (header or
 * cookie) first, then the {@code X-API-Key} header; anything else is no user.
 */
public final class Authenticator {
  private final SimState state;

  public Authenticator(SimState state) {
    this.state = state;
  }

  /** The caller, or null when neither a valid session nor a valid key is presented. */
  public Caller resolve(Function<String, String> headers) {
    String session = SessionCookie.sessionId(headers);
    String apiKey = headers.apply("X-API-Key");
    return state.read(
        () -> {
          SimUser user = session == null ? null : state.credentials().sessionUser(session);
          boolean viaKey = false;
          if (user == null && apiKey != null) {
            user = state.credentials().authenticateKey(apiKey.trim());
            viaKey = user != null;
          }
          return user == null ? null : new Caller(user.id(), state.isSuperuser(user.id()), viaKey);
        });
  }
}
