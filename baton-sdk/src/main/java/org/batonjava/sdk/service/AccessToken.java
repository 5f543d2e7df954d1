package org.batonjava.sdk.service;

import java.time.Instant;
import java.util.Locale;
import org.batonjava.sdk.crypto.Secret;

/**
 * A bearer token from the token endpoint.
 *
 * @param value the token; shown only in the {@code authorization} header
 * @param type the {@code token_type} as received
 * @param expiresAt when it stops being valid
 */
record AccessToken(Secret value, String type, Instant expiresAt) {

  /**
   * The {@code authorization} header value as Go's oauth2 writes it: {@code Bearer} for an empty or
   * any-case {@code bearer} type, {@code MAC}/{@code Basic} canonicalised likewise, anything else
   * verbatim.
   */
  String authorization() {
    String scheme;
    switch (type.toLowerCase(Locale.ROOT)) {
      case "", "bearer" -> scheme = "Bearer";
      case "mac" -> scheme = "MAC";
      case "basic" -> scheme = "Basic";
      default -> scheme = type;
    }
    return scheme + " " + value.reveal();
  }

  @Override
  public String toString() {
    return "AccessToken[" + type + ", expires " + expiresAt + "]";
  }
}
