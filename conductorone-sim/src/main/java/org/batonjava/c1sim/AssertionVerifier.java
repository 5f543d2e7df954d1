package org.batonjava.c1sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a client assertion the way ConductorOne must: compact JWS, {@code alg=EdDSA}, a
 * 32-hex-char {@code nonce} header never seen before, a valid Ed25519 signature by the registered
 * key, {@code iss} = {@code sub} = client id, {@code aud} = the expected host (a single string, no
 * port), {@code nbf ≤ now ≤ exp} within a small skew, and integer {@code iat}.
 */
final class AssertionVerifier {
  static final Duration SKEW = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Why an assertion was refused. */
  static final class Rejected extends Exception {
    private static final long serialVersionUID = 1L;

    Rejected(String reason) {
      super(reason);
    }
  }

  /** What a valid assertion said. */
  record Claims(String clientId, String nonce, long iat, long nbf, long exp) {}

  private final Set<String> seenNonces = ConcurrentHashMap.newKeySet();

  Claims verify(String jws, RegisteredClient client, String audience, Instant now) throws Rejected {
    String[] parts = jws.split("\\.", -1);
    if (parts.length != 3) {
      throw new Rejected("assertion is not a compact JWS");
    }
    JsonNode header = json(parts[0], "header");
    JsonNode claims = json(parts[1], "claims");
    if (!"EdDSA".equals(text(header, "alg"))) {
      throw new Rejected("alg must be EdDSA");
    }
    String nonce = text(header, "nonce");
    if (nonce == null || !nonce.matches("[0-9a-f]{32}")) {
      throw new Rejected("nonce header must be 32 lowercase hex characters");
    }
    try {
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(Ed25519Keys.publicKey(client.keys().publicKey()));
      verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      if (!verifier.verify(Base64.getUrlDecoder().decode(parts[2]))) {
        throw new Rejected("bad signature");
      }
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new Rejected("bad signature (" + e.getMessage() + ")");
    }
    if (!client.clientId().equals(text(claims, "iss"))
        || !client.clientId().equals(text(claims, "sub"))) {
      throw new Rejected("iss and sub must be the client id");
    }
    JsonNode aud = claims.get("aud");
    if (aud == null || !aud.isTextual() || !aud.asText().equals(audience)) {
      throw new Rejected("aud must be the string " + audience);
    }
    long iat = integer(claims, "iat");
    long nbf = integer(claims, "nbf");
    long exp = integer(claims, "exp");
    long t = now.getEpochSecond();
    if (nbf > t + SKEW.toSeconds() || exp < t - SKEW.toSeconds()) {
      throw new Rejected(
          "assertion not valid now (nbf " + nbf + ", exp " + exp + ", now " + t + ")");
    }
    if (!seenNonces.add(nonce)) {
      throw new Rejected("nonce was used before");
    }
    return new Claims(client.clientId(), nonce, iat, nbf, exp);
  }

  private static JsonNode json(String part, String what) throws Rejected {
    try {
      JsonNode node = JSON.readTree(Base64.getUrlDecoder().decode(part));
      if (node == null || !node.isObject()) {
        throw new Rejected(what + " is not a JSON object");
      }
      return node;
    } catch (IOException | IllegalArgumentException e) {
      throw new Rejected(what + " is not base64url JSON");
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v != null && v.isTextual() ? v.asText() : null;
  }

  private static long integer(JsonNode node, String field) throws Rejected {
    JsonNode v = node.get(field);
    if (v == null || !v.isIntegralNumber()) {
      throw new Rejected(field + " must be an integer");
    }
    return v.asLong();
  }
}
