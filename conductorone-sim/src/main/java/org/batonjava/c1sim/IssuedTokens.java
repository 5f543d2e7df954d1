package org.batonjava.c1sim;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The access tokens the fake handed out, with their expiry; an expired or unknown token is refused.
 */
final class IssuedTokens {
  private record Issued(String clientId, Instant expiresAt) {}

  private final Map<String, Issued> tokens = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final Clock clock;

  IssuedTokens(Clock clock) {
    this.clock = clock;
  }

  String issue(String clientId, Duration lifetime) {
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    String token = "c1sim." + HexFormat.of().formatHex(bytes);
    tokens.put(token, new Issued(clientId, clock.instant().plus(lifetime)));
    return token;
  }

  /** The client id a token belongs to, when it is known and not expired. */
  Optional<String> check(String token) {
    Issued issued = tokens.get(token);
    if (issued == null || !clock.instant().isBefore(issued.expiresAt())) {
      return Optional.empty();
    }
    return Optional.of(issued.clientId());
  }

  /** Every token issued so far (test assertions scan logs for them). */
  java.util.Set<String> all() {
    return java.util.Set.copyOf(tokens.keySet());
  }
}
