package org.batonjava.c1sim;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A connector registered with the fake: its client id ({@code <name>@<host:port>/pcc}) and client
 * secret ({@code secret-token:conductorone.com:v1:<base64url JWK>}), as the ConductorOne UI hands
 * them out.
 *
 * @param clientId the client id
 * @param clientSecret the client secret (test material)
 * @param keys the key pair behind the secret; the fake verifies assertions with its public half
 */
public record RegisteredClient(String clientId, String clientSecret, Ed25519Keys keys) {

  static RegisteredClient create(String name, String hostAndPort) {
    Ed25519Keys keys = Ed25519Keys.generate();
    String secret =
        "secret-token:conductorone.com:v1:"
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(keys.privateJwk().getBytes(StandardCharsets.UTF_8));
    return new RegisteredClient(name + "@" + hostAndPort + "/pcc", secret, keys);
  }

  @Override
  public String toString() {
    return "RegisteredClient[" + clientId + "]";
  }
}
