package org.batonjava.sdk.service;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.batonjava.sdk.connector.GoSdkShape;
import org.batonjava.sdk.crypto.Secret;

/**
 * Everything service mode needs besides the connector.
 *
 * @param clientId {@code --client-id} ({@code <name>@<tenant-host>/<suffix>})
 * @param clientSecret {@code --client-secret}
 * @param provisioning {@code --provisioning}: without it grant, revoke and account-creation tasks
 *     fail with {@code FAILED_PRECONDITION "provisioning is not enabled"}
 * @param taskConcurrency {@code --task-concurrency} (1..100, default 3): tasks run at the same
 *     time; no task is asked for while all slots are busy
 * @param healthCheck the health server
 * @param c1zTempDir {@code --c1z-temp-dir}: where sync files are written before upload (must
 *     exist); the system temp folder when empty
 * @param hostOverride {@code BATON_C1_API_HOST}: {@code host[:port]} of ConductorOne instead of the
 *     client id's
 * @param caCertificates PEM files of extra trusted CAs ({@code SSL_CERT_FILE}, {@code
 *     SSL_CERT_DIR}), added to the JDK's
 * @param hostId {@code BATON_HOST_ID}; the hostname when empty
 * @param sync local full-sync settings
 * @param shutdownGrace how long {@link ServiceRunner#shutdown()} lets running tasks finish before
 *     cancelling them
 * @param minPollInterval the shortest wait between two polls, whatever the server's {@code
 *     next_poll} says
 * @param capabilitiesShape the Go SDK generation whose capabilities shape Hello reports
 * @param batchedPolling {@code BATON_GET_TASKS}: poll with {@code GetTasks} and a local queue
 *     ({@link BatchedTaskPoller}) instead of one {@code GetTask} per free slot
 */
public record ServiceConfig(
    String clientId,
    Secret clientSecret,
    boolean provisioning,
    int taskConcurrency,
    HealthCheckOptions healthCheck,
    Optional<Path> c1zTempDir,
    Optional<String> hostOverride,
    List<Path> caCertificates,
    Optional<String> hostId,
    SyncSettings sync,
    Duration shutdownGrace,
    Duration minPollInterval,
    GoSdkShape capabilitiesShape,
    boolean batchedPolling) {

  public static final int DEFAULT_TASK_CONCURRENCY = 3;
  public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(25);
  public static final Duration DEFAULT_MIN_POLL_INTERVAL = Duration.ofSeconds(1);

  public ServiceConfig {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(clientSecret, "clientSecret");
    if (taskConcurrency < 1 || taskConcurrency > 100) {
      throw new IllegalArgumentException(
          "--task-concurrency must be between 1 and 100, got " + taskConcurrency);
    }
    caCertificates = List.copyOf(caCertificates);
    if (shutdownGrace.isNegative() || minPollInterval.isNegative() || minPollInterval.isZero()) {
      throw new IllegalArgumentException("shutdownGrace must be >= 0 and minPollInterval > 0");
    }
  }

  public static Builder builder(String clientId, Secret clientSecret) {
    return new Builder(clientId, clientSecret);
  }

  @Override
  public String toString() {
    return "ServiceConfig[clientId="
        + clientId
        + ", provisioning="
        + provisioning
        + ", taskConcurrency="
        + taskConcurrency
        + ", healthCheck="
        + healthCheck
        + ", hostOverride="
        + hostOverride
        + ", batchedPolling="
        + batchedPolling
        + "]";
  }

  /** Go's {@code strconv.ParseBool}: 1, t, T, TRUE, true, True, 0, f, F, FALSE, false, False. */
  static boolean parseGoBool(String name, String value) {
    return switch (value) {
      case "1", "t", "T", "TRUE", "true", "True" -> true;
      case "0", "f", "F", "FALSE", "false", "False" -> false;
      default ->
          throw new IllegalArgumentException(
              name + " must be true or false (or 1/0, t/f), got \"" + value + "\"");
    };
  }

  /** Builds a {@link ServiceConfig}; everything but the credentials has the Go SDK's default. */
  public static final class Builder {
    private final String clientId;
    private final Secret clientSecret;
    private boolean provisioning;
    private int taskConcurrency = DEFAULT_TASK_CONCURRENCY;
    private HealthCheckOptions healthCheck = HealthCheckOptions.disabled();
    private Optional<Path> c1zTempDir = Optional.empty();
    private Optional<String> hostOverride = Optional.empty();
    private final List<Path> caCertificates = new ArrayList<>();
    private Optional<String> hostId = Optional.empty();
    private SyncSettings sync = SyncSettings.defaults();
    private Duration shutdownGrace = DEFAULT_SHUTDOWN_GRACE;
    private Duration minPollInterval = DEFAULT_MIN_POLL_INTERVAL;
    private GoSdkShape capabilitiesShape = GoSdkShape.V0_25_0;
    private boolean batchedPolling;

    private Builder(String clientId, Secret clientSecret) {
      this.clientId = clientId;
      this.clientSecret = clientSecret;
    }

    /**
     * Reads the variables the Go service mode reads besides flags: {@code BATON_C1_API_HOST},
     * {@code BATON_HOST_ID}, {@code BATON_GET_TASKS}, {@code SSL_CERT_FILE} and {@code
     * SSL_CERT_DIR}.
     */
    public Builder environment(Map<String, String> env) {
      Optional.ofNullable(env.get("BATON_GET_TASKS"))
          .filter(s -> !s.isBlank())
          .ifPresent(v -> this.batchedPolling = parseGoBool("BATON_GET_TASKS", v.strip()));
      Optional.ofNullable(env.get("BATON_C1_API_HOST"))
          .filter(s -> !s.isBlank())
          .ifPresent(this::hostOverride);
      Optional.ofNullable(env.get("BATON_HOST_ID"))
          .filter(s -> !s.isBlank())
          .ifPresent(this::hostId);
      caCertificates.addAll(TrustMaterial.fromEnvironment(env));
      return this;
    }

    public Builder provisioning(boolean value) {
      this.provisioning = value;
      return this;
    }

    public Builder taskConcurrency(int value) {
      this.taskConcurrency = value;
      return this;
    }

    public Builder healthCheck(HealthCheckOptions value) {
      this.healthCheck = value;
      return this;
    }

    public Builder c1zTempDir(Path value) {
      this.c1zTempDir = Optional.ofNullable(value);
      return this;
    }

    public Builder hostOverride(String value) {
      this.hostOverride = Optional.ofNullable(value);
      return this;
    }

    public Builder caCertificate(Path value) {
      this.caCertificates.add(value);
      return this;
    }

    public Builder hostId(String value) {
      this.hostId = Optional.ofNullable(value);
      return this;
    }

    public Builder sync(SyncSettings value) {
      this.sync = value;
      return this;
    }

    public Builder shutdownGrace(Duration value) {
      this.shutdownGrace = value;
      return this;
    }

    public Builder minPollInterval(Duration value) {
      this.minPollInterval = value;
      return this;
    }

    public Builder batchedPolling(boolean value) {
      this.batchedPolling = value;
      return this;
    }

    public Builder capabilitiesShape(GoSdkShape value) {
      this.capabilitiesShape = value;
      return this;
    }

    public ServiceConfig build() {
      return new ServiceConfig(
          clientId,
          clientSecret,
          provisioning,
          taskConcurrency,
          healthCheck,
          c1zTempDir,
          hostOverride,
          caCertificates,
          hostId,
          sync,
          shutdownGrace,
          minPollInterval,
          capabilitiesShape,
          batchedPolling);
    }
  }
}
