package org.batonjava.sdk.service;

/**
 * The HTTP health server ({@code --health-check}, {@code --health-check-port}, {@code
 * --health-check-bind-address}).
 *
 * @param enabled whether to serve {@code /health}, {@code /ready} and {@code /live}
 * @param port the port (8081 by default; 0 picks a free one)
 * @param bindAddress the address to listen on ({@code 127.0.0.1} by default; {@code 0.0.0.0} for
 *     Kubernetes httpGet probes)
 */
public record HealthCheckOptions(boolean enabled, int port, String bindAddress) {
  public static final int DEFAULT_PORT = 8081;
  public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";

  public HealthCheckOptions {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(
          "--health-check-port must be between 1 and 65535, got " + port);
    }
    if (bindAddress == null || bindAddress.isBlank()) {
      bindAddress = DEFAULT_BIND_ADDRESS;
    }
  }

  public static HealthCheckOptions disabled() {
    return new HealthCheckOptions(false, DEFAULT_PORT, DEFAULT_BIND_ADDRESS);
  }

  public static HealthCheckOptions enabled(int port, String bindAddress) {
    return new HealthCheckOptions(true, port, bindAddress);
  }
}
