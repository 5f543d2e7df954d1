package org.batonjava.sdk.provision;

import java.time.Duration;
import java.util.function.Supplier;
import org.batonjava.sdk.connector.ConnectorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries one provisioning operation (grant, revoke, account creation, action) that failed
 * transiently: a rate limit (waiting as long as the server's {@code Retry-After} asks, capped), a
 * server or gateway error, a timeout or a broken connection. At most {@link #ATTEMPTS} attempts
 * (the Go SDK retries grants and revokes three times), so a dead server still ends the run. Each
 * attempt is the connector's whole operation, which reads the current state first, so a retry never
 * repeats a change that is already in place.
 *
 * <p>A failure whose answer was lost (a timeout, a broken connection, a 5xx) leaves it uncertain
 * whether the change was applied. The result says so, and callers then report a change found in
 * place as "in place; this run's request may have made it" instead of "nothing changed".
 */
public final class ProvisioningRetry {
  /** Sleeps; replaced in tests. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  /**
   * The value of the successful attempt, and whether an earlier attempt may have made the change.
   */
  public record Result<T>(T value, boolean earlierAttemptUncertain) {}

  /** The first attempt and three retries. */
  public static final int ATTEMPTS = 4;

  private static final Logger LOG = LoggerFactory.getLogger(ProvisioningRetry.class);
  private static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

  private final Duration base;
  private final Sleeper sleeper;

  public ProvisioningRetry(Duration base, Sleeper sleeper) {
    this.base = base;
    this.sleeper = sleeper;
  }

  /** Waits of 1 s, 2 s and 4 s, or the server's {@code Retry-After} up to 30 s. */
  public static ProvisioningRetry standard() {
    return new ProvisioningRetry(Duration.ofSeconds(1), d -> Thread.sleep(d.toMillis()));
  }

  /**
   * Runs {@code operation} until it succeeds, fails for good, or {@link #ATTEMPTS} attempts failed
   * transiently.
   *
   * @param what names the operation in log lines and in the final message, e.g. {@code grant
   *     group:3:member}
   */
  public <T> Result<T> call(String what, Supplier<T> operation) {
    boolean uncertain = false;
    for (int attempt = 1; ; attempt++) {
      try {
        return new Result<>(operation.get(), uncertain);
      } catch (ConnectorException e) {
        boolean lostAnswer = answerLost(e);
        if (!e.transientFailure() || attempt >= ATTEMPTS) {
          throw finalFailure(e, attempt, uncertain || (lostAnswer && e.transientFailure()));
        }
        uncertain |= lostAnswer;
        Duration wait = e.retryAfter().orElse(base.multipliedBy(1L << (attempt - 1)));
        if (wait.compareTo(LONGEST_WAIT) > 0) {
          wait = LONGEST_WAIT;
        }
        LOG.warn(
            "{}: attempt {} of {} failed ({}: {}); trying again in {} ms",
            what,
            attempt,
            ATTEMPTS,
            e.code(),
            e.getMessage(),
            wait.toMillis());
        try {
          sleeper.sleep(wait);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw finalFailure(e, attempt, uncertain);
        }
      }
    }
  }

  /**
   * Whether the failure may hide a change that was applied: the request may have reached the server
   * and only the answer went missing (timeout, broken connection, server or gateway error). A rate
   * limit was refused unread.
   */
  static boolean answerLost(ConnectorException e) {
    return switch (e.code()) {
      case UNAVAILABLE, DEADLINE_EXCEEDED, UNKNOWN, INTERNAL -> true;
      default -> false;
    };
  }

  private static ConnectorException finalFailure(
      ConnectorException e, int attempts, boolean uncertain) {
    if (!e.transientFailure() && !uncertain) {
      return e;
    }
    String message =
        e.getMessage()
            + (attempts > 1 ? " (gave up after " + attempts + " attempts)" : "")
            + (uncertain
                ? "; an earlier attempt's answer was lost, so the change may have taken effect: check"
                    + " the current state (sync again) before retrying"
                : "");
    return new ConnectorException(e.code(), message, e.retryAfter(), e);
  }
}
