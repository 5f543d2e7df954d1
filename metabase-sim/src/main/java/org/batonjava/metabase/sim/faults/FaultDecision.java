package org.batonjava.metabase.sim.faults;

/**
 * What happens to one request.
 *
 * @param delayMs delay before responding
 * @param errorStatus a status replacing the real response, or 0
 * @param reset close the connection without a response
 * @param truncate cut the body in half
 * @param slowBody send the body slowly
 * @param lostAnswer carry out the request, then close the connection without a response
 */
public record FaultDecision(
    int delayMs,
    int errorStatus,
    boolean reset,
    boolean truncate,
    boolean slowBody,
    boolean lostAnswer) {
  /** No fault. */
  public static final FaultDecision NONE = new FaultDecision(0, 0, false, false, false, false);

  /** A short label for the request log, or null when nothing was injected. */
  public String label() {
    if (reset) {
      return "reset";
    }
    if (lostAnswer) {
      return "lost-answer";
    }
    if (errorStatus != 0) {
      return "status-" + errorStatus;
    }
    if (truncate) {
      return "truncated";
    }
    if (slowBody) {
      return "slow-body";
    }
    return delayMs > 0 ? "latency" : null;
  }
}
