package org.batonjava.sdk.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@link ShutdownSignals} on JVM shutdown hooks. A hook runs on SIGINT/SIGTERM (and on {@code
 * System.exit}); it calls the cancel action and then blocks the JVM's exit until the command closes
 * its registration or the wait runs out. The process then ends with the JVM's signal status (130
 * for SIGINT, 143 for SIGTERM).
 */
final class JvmShutdownSignals implements ShutdownSignals {
  private final Duration maxWait;

  JvmShutdownSignals(Duration maxWait) {
    this.maxWait = maxWait;
  }

  @Override
  public Registration onShutdown(Runnable cancel) {
    CountDownLatch finished = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              cancel.run();
              try {
                finished.await(maxWait.toMillis(), TimeUnit.MILLISECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "baton-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    return () -> {
      finished.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The hook is running; counting down above lets it return.
      }
    };
  }
}
