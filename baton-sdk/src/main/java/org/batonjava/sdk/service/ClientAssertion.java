package org.batonjava.sdk.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The private_key_jwt client assertion (RFC 7523) of the token exchange, as the Go SDK signs it: a
 * JWS in compact serialization, {@code alg=EdDSA}, protected header {@code
 * {"alg":"EdDSA","nonce":<32 hex chars>}} ({@code kid} only when the secret's JWK had one), claims
 * {@code iss} = {@code sub} = client id, {@code aud} = tenant host without port (a single string),
 * {@code iat} = now, {@code nbf} = now − 120 s, {@code exp} = now + 120 s, in integer seconds. A
 * fresh nonce every time.
 */
final class ClientAssertion {
  static final long VALIDITY_SECONDS = 120;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private final ClientCredentials credentials;
  private final Clock clock;
  private final SecureRandom random;

  ClientAssertion(ClientCredentials credentials, Clock clock, SecureRandom random) {
    this.credentials = credentials;
    this.clock = clock;
    this.random = random;
  }

  /** A newly signed assertion. */
  String create() {
    byte[] nonce = new byte[16];
    random.nextBytes(nonce);
    ObjectNode header = JSON.createObjectNode();
    header.put("alg", "EdDSA");
    credentials.key().kid().ifPresent(kid -> header.put("kid", kid));
    header.put("nonce", HexFormat.of().formatHex(nonce));

    long now = clock.instant().getEpochSecond();
    ObjectNode claims = JSON.createObjectNode();
    claims.put("aud", credentials.audience());
    claims.put("exp", now + VALIDITY_SECONDS);
    claims.put("iat", now);
    claims.put("iss", credentials.clientId());
    claims.put("nbf", now - VALIDITY_SECONDS);
    claims.put("sub", credentials.clientId());

    String signingInput = encode(header) + "." + encode(claims);
    byte[] signature = credentials.key().sign(signingInput.getBytes(StandardCharsets.US_ASCII));
    return signingInput + "." + B64.encodeToString(signature);
  }

  private static String encode(ObjectNode node) {
    return B64.encodeToString(node.toString().getBytes(StandardCharsets.UTF_8));
  }
}
