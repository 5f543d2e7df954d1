package org.batonjava.metabase.sim.faults;

import java.util.Random;

/**
 * Draws a {@link FaultDecision} per request from a seeded sequence. Reconfigurable at run time; a
 * new configuration restarts the sequence from its seed. Every decision consumes the same number of
 * draws whatever its outcome, so a sequence depends only on the seed and the number of requests.
 */
public final class FaultInjector {
  private FaultConfig config;
  private Random random;
  private int affected;

  public FaultInjector(FaultConfig initial) {
    set(initial);
  }

  /** Replaces the configuration and restarts the decision sequence. */
  public synchronized void set(FaultConfig next) {
    this.config = next == null ? FaultConfig.none() : next;
    this.random = new Random(config.seed());
    this.affected = 0;
  }

  /** Turns every fault off. */
  public void clear() {
    set(FaultConfig.none());
  }

  public synchronized FaultConfig current() {
    return config;
  }

  /** The version tag to report, or the real one when no mismatch is configured. */
  public synchronized String reportedTag(String realTag) {
    return config.versionTag() == null ? realTag : config.versionTag();
  }

  /** The next decision for a request path. */
  public synchronized FaultDecision next(String path) {
    return next("GET", path);
  }

  /**
   * The next decision for a request. A lost answer is drawn only for changes and only when
   * configured, so the sequences of configurations without it are unchanged.
   */
  public synchronized FaultDecision next(String method, String path) {
    FaultConfig c = config;
    if (!c.active()
        || !path.startsWith(c.pathPrefix())
        || (c.changesOnly() && method.equals("GET"))
        || (c.limit() > 0 && affected >= c.limit())) {
      return FaultDecision.NONE;
    }
    double jitter = random.nextDouble();
    double error = random.nextDouble();
    int statusIndex = random.nextInt(c.errorStatuses().size());
    double reset = random.nextDouble();
    double truncate = random.nextDouble();
    double slow = random.nextDouble();
    boolean lost =
        c.lostAnswerRate() > 0 && !method.equals("GET") && random.nextDouble() < c.lostAnswerRate();
    int delay = c.latencyMs() + (int) Math.round(jitter * c.jitterMs());
    FaultDecision decision = decide(c, delay, error, statusIndex, reset, truncate, slow, lost);
    if (decision.label() != null) {
      affected++;
    }
    return decision;
  }

  private static FaultDecision decide(
      FaultConfig c,
      int delay,
      double error,
      int statusIndex,
      double reset,
      double truncate,
      double slow,
      boolean lost) {
    if (reset < c.resetRate()) {
      return new FaultDecision(delay, 0, true, false, false, false);
    }
    if (error < c.errorRate()) {
      return new FaultDecision(
          delay, c.errorStatuses().get(statusIndex), false, false, false, false);
    }
    return new FaultDecision(
        delay, 0, false, truncate < c.truncateRate(), slow < c.slowBodyRate(), lost);
  }
}
