package org.batonjava.sdk.service;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * SIGTERM and SIGINT for a service process: instead of the JVM's default (run shutdown hooks, exit 143/130), each
 * signal calls {@link ServiceRunner#shutdown()} so that running tasks can finish and report, after which
 * {@link ServiceRunner#run()} returns and {@code main} can exit 0. (The Go SDK exits at once on SIGTERM,
 * abandoning its tasks.) A second signal while shutting down exits immediately with status 143/130.
 */
public final class TerminationSignals {
  private static final Logger LOG = LoggerFactory.getLogger(TerminationSignals.class);

  private TerminationSignals() {}

  /** Routes SIGTERM and SIGINT of this JVM to {@code runner}. */
  public static void install(ServiceRunner runner) {
    for (String name : new String[] {"TERM", "INT"}) {
      int status = name.equals("TERM") ? 143 : 130;
      boolean[] seen = {false};
      Signal.handle(new Signal(name), signal -> {
        synchronized (seen) {
          if (seen[0]) {
            LOG.warn("Second SIG{}: exiting now without waiting for running tasks", name);
            Runtime.getRuntime().halt(status);
          }
          seen[0] = true;
        }
        LOG.info("SIG{} received: shutting down gracefully", name);
        Thread stopper = new Thread(runner::shutdown, "baton-shutdown");
        stopper.setDaemon(true);
        stopper.start();
      });
    }
  }
}
