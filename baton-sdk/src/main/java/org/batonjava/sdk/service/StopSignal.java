package org.batonjava.sdk.service;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The "stop polling" signal of a shutdown: waits that end early when it is raised. */
final class StopSignal {
  private final CountDownLatch raised = new CountDownLatch(1);

  void raise() {
    raised.countDown();
  }

  boolean raised() {
    return raised.getCount() == 0;
  }

  /** Waits {@code duration} or until raised; returns whether it was raised. */
  boolean await(Duration duration) {
    try {
      return raised.await(Math.max(0, duration.toMillis()), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }
}
