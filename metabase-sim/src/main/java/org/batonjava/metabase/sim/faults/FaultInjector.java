package org.batonjava.metabase.sim.faults;

import java.util.Random;

/**
 * Draws a {@link FaultDecision} per request from a seeded sequence. Reconfigurable at run time; a new configuration
 * restarts the sequence from its seed. Every decision consumes the same number of draws whatever its outcome, so a
 * sequence depends only on the seed and the number of requests.
 */
public final class FaultInjector {
    private FaultConfig config;
    private Random random;

    public FaultInjector(FaultConfig initial) {
        set(initial);
    }

    /** Replaces the configuration and restarts the decision sequence. */
    public synchronized void set(FaultConfig next) {
        this.config = next == null ? FaultConfig.none() : next;
        this.random = new Random(config.seed());
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
        FaultConfig c = config;
        if (!c.active() || !path.startsWith(c.pathPrefix())) {
            return FaultDecision.NONE;
        }
        double jitter = random.nextDouble();
        double error = random.nextDouble();
        int statusIndex = random.nextInt(c.errorStatuses().size());
        double reset = random.nextDouble();
        double truncate = random.nextDouble();
        double slow = random.nextDouble();
        int delay = c.latencyMs() + (int) Math.round(jitter * c.jitterMs());
        if (reset < c.resetRate()) {
            return new FaultDecision(delay, 0, true, false, false);
        }
        if (error < c.errorRate()) {
            return new FaultDecision(delay, c.errorStatuses().get(statusIndex), false, false, false);
        }
        return new FaultDecision(delay, 0, false, truncate < c.truncateRate(), slow < c.slowBodyRate());
    }
}
