package org.batonjava.sdk.sync;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.batonjava.sdk.connector.ConnectorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries connector calls that failed transiently (unavailable, timeout, rate limited): linear
 * backoff of {@code attempt × base}, capped, or the wait the server asked for. Unlike baton-sdk,
 * which retries forever, it gives up after {@code maxAttempts} so a dead server ends the sync
 * (resumably) instead of hanging it.
 */
final class Retryer {
  /** Sleeps; replaced in tests. */
  interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  private static final Logger LOG = LoggerFactory.getLogger(Retryer.class);

  private final int maxAttempts;
  private final Duration base;
  private final Duration cap;
  private final Sleeper sleeper;
  private final BooleanSupplier cancelled;
  private final java.util.concurrent.atomic.AtomicLong retries =
      new java.util.concurrent.atomic.AtomicLong();

  Retryer(
      int maxAttempts, Duration base, Duration cap, Sleeper sleeper, BooleanSupplier cancelled) {
    this.maxAttempts = maxAttempts;
    this.base = base;
    this.cap = cap;
    this.sleeper = sleeper;
    this.cancelled = cancelled;
  }

  static Retryer standard(BooleanSupplier cancelled) {
    return new Retryer(
        10,
        Duration.ofSeconds(1),
        Duration.ofSeconds(60),
        d -> Thread.sleep(d.toMillis()),
        cancelled);
  }

  /** For validation at start-up: 5 attempts 1 s apart, like the Go SDK's connector builder. */
  static Retryer validation(BooleanSupplier cancelled) {
    return new Retryer(
        5,
        Duration.ofSeconds(1),
        Duration.ofSeconds(1),
        d -> Thread.sleep(d.toMillis()),
        cancelled);
  }

  <T> T call(String what, Supplier<T> call) {
    for (int attempt = 1; ; attempt++) {
      try {
        return call.get();
      } catch (ConnectorException e) {
        if (!e.transientFailure() || attempt >= maxAttempts || cancelled.getAsBoolean()) {
          if (e.transientFailure() && attempt >= maxAttempts) {
            throw new ConnectorException(
                e.code(),
                e.getMessage() + " (gave up after " + attempt + " attempts)",
                e.retryAfter(),
                e);
          }
          throw e;
        }
        Duration wait = e.retryAfter().orElse(base.multipliedBy(attempt));
        if (wait.compareTo(cap) > 0) {
          wait = cap;
        }
        retries.incrementAndGet();
        LOG.warn(
            "{} failed ({}: {}); retrying in {} ms (attempt {} of {})",
            what,
            e.code(),
            e.getMessage(),
            wait.toMillis(),
            attempt + 1,
            maxAttempts);
        try {
          sleeper.sleep(wait);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  long retries() {
    return retries.get();
  }
}
