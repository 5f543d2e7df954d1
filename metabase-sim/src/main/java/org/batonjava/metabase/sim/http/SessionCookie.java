package org.batonjava.metabase.sim.http;

import java.util.function.Function;

/**
 * Finds a session id in the {@code X-Metabase-Session} header or the {@code metabase.SESSION}
 * cookie.
 */
final class SessionCookie {
  private SessionCookie() {}

  static String sessionId(Function<String, String> headers) {
    String header = headers.apply("X-Metabase-Session");
    if (header != null && !header.isBlank()) {
      return header.trim();
    }
    String cookie = headers.apply("Cookie");
    if (cookie != null) {
      for (String part : cookie.split(";", -1)) {
        String p = part.trim();
        if (p.startsWith("metabase.SESSION=")) {
          return p.substring("metabase.SESSION=".length());
        }
      }
    }
    return null;
  }
}
