package org.batonjava.sdk.cli;

import java.time.Duration;

/**
 * Lets a running command react to SIGINT/SIGTERM: the cancel action runs when the process is asked
 * to stop, and the process stays alive until the command closes its registration (or a bounded wait
 * ends), so that an interrupted sync can checkpoint and save.
 */
public interface ShutdownSignals {
  Registration onShutdown(Runnable cancel);

  /** Closed by the command when it has finished, including its output. */
  interface Registration extends AutoCloseable {
    @Override
    void close();
  }

  /** JVM shutdown hooks, waiting at most {@code maxWait} for the command to finish. */
  static ShutdownSignals jvm(Duration maxWait) {
    return new JvmShutdownSignals(maxWait);
  }
}
