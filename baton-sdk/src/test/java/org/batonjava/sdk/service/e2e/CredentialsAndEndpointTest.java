package org.batonjava.sdk.service.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.batonjava.c1sim.RegisteredClient;
import org.batonjava.sdk.crypto.Secret;
import org.batonjava.sdk.service.InvalidCredentialsException;
import org.batonjava.sdk.service.ServiceConfig;
import org.batonjava.sdk.service.ServiceRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Malformed client ids and secrets fail before any network use with one clear line that never
 * repeats the value; {@code BATON_C1_API_HOST} redirects token and API calls while the audience
 * stays the client id's host.
 */
class CredentialsAndEndpointTest {
  private static final String VALID_ID = "my-connector@acme.conductor.one/pcc";

  @TempDir Path dir;

  @Test
  void malformedClientIdsSayWhatIsWrongWithoutEchoingTheValue() {
    String secret = validSecret();
    assertRejected(
        "no-at-sign.example.com/pcc", secret, "invalid client id: it has no '@'", "no-at-sign");
    assertRejected(
        "name@host-without-suffix",
        secret,
        "invalid client id: it has no '/' after the host",
        "host-without-suffix");
    assertRejected(
        "name@/pcc", secret, "invalid client id: the host between '@' and '/' is empty", "name@");
    assertRejected(
        "name@host:port/pcc",
        secret,
        "invalid client id: the host between '@' and '/' is not host[:port]",
        "host:port");
    assertRejected("", secret, "invalid client id: it is empty", "");
    // a secret pasted into the client id field is not printed either
    assertRejected(secret, secret, "invalid client id: it has no '@'", secret.substring(34));
  }

  @Test
  void malformedClientSecretsSayWhatIsWrongWithoutEchoingTheValue() {
    Ed25519 key = Ed25519.generate();
    assertSecretRejected(
        "just-a-string",
        "expected secret-token:conductorone.com:v1:<key> (4 colon-separated parts), got 1 part(s)");
    assertSecretRejected(
        "secret-token:conductorone.com:v2:" + b64(key.privateJwk()), "the third part must be v1");
    assertSecretRejected(
        "secret-token:conductorone.com:v1:%%%not-base64", "the key part is not valid base64url");
    assertSecretRejected(
        "secret-token:conductorone.com:v1:" + b64("not json"),
        "the key part is not a JSON Web Key");
    assertSecretRejected(
        "secret-token:conductorone.com:v1:"
            + b64("{\"kty\":\"RSA\",\"n\":\"AQAB\",\"e\":\"AQAB\"}"),
        "the key must be an Ed25519 key (kty OKP, crv Ed25519)");
    assertSecretRejected(
        "secret-token:conductorone.com:v1:" + b64(key.publicJwk()),
        "the key is a public key; a private key (with d) is required");
    Ed25519 other = Ed25519.generate();
    String mismatched =
        "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\""
            + other.keys.x()
            + "\",\"d\":\""
            + key.keys.d()
            + "\"}";
    assertSecretRejected(
        "secret-token:conductorone.com:v1:" + b64(mismatched),
        "the key's private part d does not match its public part x");
    assertSecretRejected(
        "secret-token:conductorone.com:v1:"
            + Base64.getUrlEncoder()
                .encodeToString(key.privateJwk().getBytes(StandardCharsets.UTF_8))
            + "==",
        "the key part must be unpadded base64url");
    assertSecretRejected("", "invalid client secret: it is empty");
  }

  @Test
  void theApiHostOverrideRedirectsEverythingButTheAudience() throws Exception {
    try (ServiceHarness h = new ServiceHarness(dir)) {
      RegisteredClient elsewhere = h.c1.registerClient("override-connector", "localhost:1");
      ServiceConfig config = h.config().build();
      ServiceRunner runner =
          new ServiceRunner(
              h.connector,
              ServiceConfig.builder(elsewhere.clientId(), Secret.of(elsewhere.clientSecret()))
                  .caCertificate(h.c1.caCertificate())
                  .c1zTempDir(config.c1zTempDir().orElseThrow())
                  .environment(
                      java.util.Map.of(
                          "BATON_C1_API_HOST", h.c1.hostAndPort(), "BATON_HOST_ID", "from-env"))
                  .build());
      Thread thread = new Thread(runner::run);
      thread.start();
      try {
        h.c1.calls().await("GetTask", 1, Duration.ofSeconds(20));
        assertThat(h.c1.lastHello().orElseThrow().getHostId()).isEqualTo("from-env");
        assertThat(h.c1.tokenEndpoint().accepted())
            .extracting(t -> t.clientId())
            .containsOnly(elsewhere.clientId());
      } finally {
        runner.shutdown();
        thread.join(20_000);
      }
    }
  }

  private static void assertSecretRejected(String secret, String expected) {
    assertRejected(
        VALID_ID,
        secret,
        expected.startsWith("invalid") ? expected : "invalid client secret: " + expected,
        secret.length() > 34 ? secret.substring(34) : secret);
  }

  private static void assertRejected(
      String clientId, String secret, String expected, String mustNotAppear) {
    ServiceConfig config = ServiceConfig.builder(clientId, Secret.of(secret)).build();
    assertThatThrownBy(() -> new ServiceRunner(new TestConnector(), config))
        .isInstanceOf(InvalidCredentialsException.class)
        .satisfies(
            e -> {
              assertThat(e.getMessage()).startsWith(expected);
              if (!mustNotAppear.isEmpty()) {
                assertThat(e.getMessage()).doesNotContain(mustNotAppear);
              }
              assertThat(e.getMessage()).doesNotContain(secret.isEmpty() ? "\u0000" : secret);
            });
  }

  private static String validSecret() {
    return "secret-token:conductorone.com:v1:" + b64(Ed25519.generate().privateJwk());
  }

  private static String b64(String s) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  /** The fake's key helper, for building (bad) secrets. */
  private record Ed25519(org.batonjava.c1sim.Ed25519Keys keys) {
    static Ed25519 generate() {
      return new Ed25519(org.batonjava.c1sim.Ed25519Keys.generate());
    }

    String privateJwk() {
      return keys.privateJwk();
    }

    String publicJwk() {
      return keys.publicJwk();
    }
  }
}
