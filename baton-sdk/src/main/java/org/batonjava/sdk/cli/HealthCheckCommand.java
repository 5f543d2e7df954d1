package org.batonjava.sdk.cli;

import java.time.Duration;
import java.util.Map;
import org.batonjava.sdk.service.HealthCheckClient;
import org.batonjava.sdk.service.HealthCheckOptions;

/**
 * {@code health-check [--endpoint health|ready|live] [--timeout 5]}: asks a running connector's
 * health server and exits 0 only on HTTP 200, so it works as an exec probe. Needs no connector
 * configuration: only {@code --health-check-port} and {@code --health-check-bind-address} (flags or
 * {@code BATON_*} variables).
 */
final class HealthCheckCommand {
  static final String NAME = "health-check";
  static final String ENDPOINT = "endpoint";
  static final String TIMEOUT = "timeout";

  private final RunEnvironment environment;

  HealthCheckCommand(RunEnvironment environment) {
    this.environment = environment;
  }

  int run(Map<String, Object> flags) {
    String endpoint = text(flags.get(ENDPOINT), "health");
    int timeout;
    try {
      timeout = Integer.parseInt(text(flags.get(TIMEOUT), "5"));
    } catch (NumberFormatException e) {
      throw new ConfigException("--timeout must be a whole number of seconds, e.g. --timeout 5");
    }
    int port =
        Integer.parseInt(
            text(
                flags.get(DefaultFields.HEALTH_CHECK_PORT),
                environment
                    .env()
                    .getOrDefault(
                        "BATON_HEALTH_CHECK_PORT",
                        Integer.toString(HealthCheckOptions.DEFAULT_PORT))));
    String bind =
        text(
            flags.get(DefaultFields.HEALTH_CHECK_BIND_ADDRESS),
            environment
                .env()
                .getOrDefault(
                    "BATON_HEALTH_CHECK_BIND_ADDRESS", HealthCheckOptions.DEFAULT_BIND_ADDRESS));
    HealthCheckClient.Result result =
        new HealthCheckClient(bind, port)
            .check(HealthCheckClient.Endpoint.parse(endpoint), Duration.ofSeconds(timeout));
    (result.healthy() ? environment.out() : environment.err()).println(result.body());
    return result.exitCode();
  }

  private static String text(Object value, String fallback) {
    return value == null || value.toString().isBlank() ? fallback : value.toString();
  }
}
