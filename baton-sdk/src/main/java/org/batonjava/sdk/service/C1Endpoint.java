package org.batonjava.sdk.service;

import java.net.URI;
import java.util.Optional;

/**
 * Where ConductorOne is: {@code BATON_C1_API_HOST} when set, else the tenant host of the client id;
 * port 443 when none is given. The token endpoint and the gRPC API share this host and port. (The
 * JWT audience always comes from the client id, see {@link ClientCredentials#audience()}.)
 *
 * @param address host and port of both the token endpoint and the gRPC API
 */
public record C1Endpoint(HostPort address) {
  public static final int DEFAULT_PORT = 443;

  /**
   * The endpoint for {@code credentials}, or {@code hostOverride} ({@code host[:port]}) when
   * present.
   */
  public static C1Endpoint resolve(ClientCredentials credentials, Optional<String> hostOverride) {
    String authority = hostOverride.filter(h -> !h.isBlank()).orElse(credentials.tokenHost());
    return new C1Endpoint(HostPort.parse(authority, DEFAULT_PORT));
  }

  /** {@code https://<host[:port]>/auth/v1/token}, the port kept as written. */
  public URI tokenUri() {
    return URI.create("https://" + address.authority() + "/auth/v1/token");
  }

  public String host() {
    return address.host();
  }

  public int port() {
    return address.port();
  }
}
