package org.batonjava.metabase.sim.faults;

import java.util.List;

/**
 * Which faults to inject and how often. All rates are shares of requests in [0, 1]. Decisions are
 * drawn from a random sequence seeded with {@link #seed}, so the same configuration and the same
 * request order replay the same faults.
 *
 * @param seed seed of the decision sequence
 * @param latencyMs fixed delay added before every affected response
 * @param jitterMs extra delay drawn uniformly from [0, jitterMs]
 * @param errorRate share of responses replaced by an error status
 * @param errorStatuses statuses to choose from for those errors (500, 502, 503, 429)
 * @param retryAfterSeconds {@code Retry-After} value sent with 429 (and 503)
 * @param resetRate share of requests whose connection is closed without any response
 * @param truncateRate share of responses whose body is cut in half (connection closed mid-body)
 * @param slowBodyRate share of responses whose body is sent in ten slow chunks
 * @param slowBodyDelayMs pause between slow-body chunks
 * @param versionTag when non-null, the {@code version.tag} reported by /api/session/properties and
 *     /api/setting/version (a version-mismatch fault); the served behaviour does not change
 * @param pathPrefix only requests whose path starts with this are affected (default {@code /api/})
 * @param lostAnswerRate share of changes (requests other than GET) that are carried out but whose
 *     answer is lost: the connection is closed without a response after the change took effect
 * @param changesOnly when true, only changes (requests other than GET) are affected
 * @param limit when positive, at most this many requests are affected; then faults stop until
 *     reconfigured
 */
public record FaultConfig(
    long seed,
    int latencyMs,
    int jitterMs,
    double errorRate,
    List<Integer> errorStatuses,
    int retryAfterSeconds,
    double resetRate,
    double truncateRate,
    double slowBodyRate,
    int slowBodyDelayMs,
    String versionTag,
    String pathPrefix,
    double lostAnswerRate,
    boolean changesOnly,
    int limit) {

  private static final List<Integer> ALLOWED = List.of(500, 502, 503, 429);

  public FaultConfig {
    errorStatuses =
        errorStatuses == null || errorStatuses.isEmpty()
            ? List.of(500, 502, 503, 429)
            : List.copyOf(errorStatuses);
    for (int s : errorStatuses) {
      if (!ALLOWED.contains(s)) {
        throw new IllegalArgumentException("fault status " + s + " is not one of " + ALLOWED);
      }
    }
    for (double r :
        new double[] {errorRate, resetRate, truncateRate, slowBodyRate, lostAnswerRate}) {
      if (r < 0 || r > 1) {
        throw new IllegalArgumentException("fault rates must be between 0 and 1, got " + r);
      }
    }
    if (latencyMs < 0
        || jitterMs < 0
        || slowBodyDelayMs < 0
        || retryAfterSeconds < 0
        || limit < 0) {
      throw new IllegalArgumentException("fault delays must not be negative");
    }
    pathPrefix = pathPrefix == null || pathPrefix.isBlank() ? "/api/" : pathPrefix;
  }

  /** No faults at all. */
  public static FaultConfig none() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** True when this configuration injects anything. */
  public boolean active() {
    return latencyMs > 0
        || jitterMs > 0
        || errorRate > 0
        || resetRate > 0
        || truncateRate > 0
        || slowBodyRate > 0
        || versionTag != null
        || lostAnswerRate > 0;
  }

  /** Builder with everything off by default. */
  public static final class Builder {
    private long seed = 1;
    private int latencyMs;
    private int jitterMs;
    private double errorRate;
    private List<Integer> errorStatuses = List.of(500, 502, 503, 429);
    private int retryAfterSeconds = 1;
    private double resetRate;
    private double truncateRate;
    private double slowBodyRate;
    private int slowBodyDelayMs = 50;
    private String versionTag;
    private String pathPrefix = "/api/";
    private double lostAnswerRate;
    private boolean changesOnly;
    private int limit;

    public Builder seed(long v) {
      seed = v;
      return this;
    }

    public Builder latencyMs(int v) {
      latencyMs = v;
      return this;
    }

    public Builder jitterMs(int v) {
      jitterMs = v;
      return this;
    }

    public Builder errorRate(double v) {
      errorRate = v;
      return this;
    }

    public Builder errorStatuses(List<Integer> v) {
      errorStatuses = v;
      return this;
    }

    public Builder retryAfterSeconds(int v) {
      retryAfterSeconds = v;
      return this;
    }

    public Builder resetRate(double v) {
      resetRate = v;
      return this;
    }

    public Builder truncateRate(double v) {
      truncateRate = v;
      return this;
    }

    public Builder slowBodyRate(double v) {
      slowBodyRate = v;
      return this;
    }

    public Builder slowBodyDelayMs(int v) {
      slowBodyDelayMs = v;
      return this;
    }

    public Builder versionTag(String v) {
      versionTag = v;
      return this;
    }

    public Builder lostAnswerRate(double v) {
      lostAnswerRate = v;
      return this;
    }

    public Builder changesOnly(boolean v) {
      changesOnly = v;
      return this;
    }

    public Builder limit(int v) {
      limit = v;
      return this;
    }

    public Builder pathPrefix(String v) {
      pathPrefix = v;
      return this;
    }

    public FaultConfig build() {
      return new FaultConfig(
          seed,
          latencyMs,
          jitterMs,
          errorRate,
          errorStatuses,
          retryAfterSeconds,
          resetRate,
          truncateRate,
          slowBodyRate,
          slowBodyDelayMs,
          versionTag,
          pathPrefix,
          lostAnswerRate,
          changesOnly,
          limit);
    }
  }
}
