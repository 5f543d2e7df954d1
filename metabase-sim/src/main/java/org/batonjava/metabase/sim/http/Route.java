package org.batonjava.metabase.sim.http;

import java.util.List;

/**
 * One endpoint: method, path template (segments starting with {@code :} are parameters), who may
 * call it, and the handler.
 *
 * @param method HTTP method
 * @param template e.g. {@code /api/user/:id/reactivate}; also the key the request counters use
 * @param access authentication required before the handler runs
 * @param handler the endpoint logic
 */
public record Route(String method, String template, Access access, Handler handler) {

  /** Authentication a route needs. */
  public enum Access {
    /** no authentication (health, session properties, login) */
    PUBLIC,
    /** any authenticated user or API key */
    USER,
    /** a superuser (member of Administrators); others get 403 */
    SUPERUSER
  }

  /** Endpoint logic. */
  @FunctionalInterface
  public interface Handler {
    Response handle(Request request);
  }

  List<String> segments() {
    return Router.split(template);
  }
}
