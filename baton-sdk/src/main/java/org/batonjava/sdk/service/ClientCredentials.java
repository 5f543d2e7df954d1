package org.batonjava.sdk.service;

import org.batonjava.sdk.crypto.Secret;

/**
 * A connector's ConductorOne credentials, parsed as the Go SDK parses them.
 *
 * <p>The client id has the shape {@code <client-name>@<tenant-host>/<suffix>} (for example {@code
 * strange-hydra-68836@acme.conductor.one/pcc}): split once on {@code @}, then the right part once
 * on {@code /}; the host may carry a port. The client name only goes into the User-Agent; the
 * tenant host is where tokens come from, where the gRPC API is, and (without its port) the audience
 * of client assertions.
 *
 * @param clientId the full client id, the {@code iss}/{@code sub} of client assertions and the
 *     form's {@code client_id}
 * @param clientName the part before {@code @}
 * @param tokenHost the tenant host, with its port when the id has one
 * @param key the signing key from the client secret
 */
public record ClientCredentials(
    String clientId, String clientName, String tokenHost, ClientSecretKey key) {

  /**
   * Parses both values; throws {@link InvalidCredentialsException} naming the problem, never the
   * values.
   */
  public static ClientCredentials parse(String clientId, Secret clientSecret) {
    if (clientId == null || clientId.isEmpty()) {
      throw new InvalidCredentialsException(
          "invalid client id: it is empty; set --client-id or BATON_CLIENT_ID");
    }
    if (clientSecret == null || clientSecret.isEmpty()) {
      throw new InvalidCredentialsException(
          "invalid client secret: it is empty; set --client-secret or BATON_CLIENT_SECRET");
    }
    String[] atParts = clientId.split("@", 2);
    if (atParts.length != 2) {
      throw invalidId("it has no '@'");
    }
    String[] hostParts = atParts[1].split("/", 2);
    if (hostParts.length != 2) {
      throw invalidId("it has no '/' after the host");
    }
    if (hostParts[0].isEmpty()) {
      throw invalidId("the host between '@' and '/' is empty");
    }
    try {
      HostPort.parse(hostParts[0], 443);
    } catch (IllegalArgumentException e) {
      throw invalidId("the host between '@' and '/' is not host[:port]");
    }
    return new ClientCredentials(
        clientId, atParts[0], hostParts[0], ClientSecretKey.parse(clientSecret));
  }

  /** The JWT audience: the tenant host without a port. */
  public String audience() {
    return HostPort.parse(tokenHost, 443).host();
  }

  @Override
  public String toString() {
    return "ClientCredentials[clientId=" + clientId + "]";
  }

  private static InvalidCredentialsException invalidId(String why) {
    return new InvalidCredentialsException(
        "invalid client id: "
            + why
            + "; expected <client-name>@<tenant-host>/<suffix>, e.g. my-connector@acme.conductor.one/pcc");
  }
}
