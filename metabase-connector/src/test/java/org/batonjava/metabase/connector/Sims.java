package org.batonjava.metabase.connector;

import org.batonjava.metabase.sim.Dataset;
import org.batonjava.metabase.sim.MetabaseSimulator;
import org.batonjava.sdk.crypto.Secret;

/** Starting simulators and connectors pointed at them. */
final class Sims {
  private Sims() {}

  static MetabaseSimulator demo(String version, boolean paid) {
    return start(version, paid, Dataset.demo());
  }

  static MetabaseSimulator start(String version, boolean paid, Dataset dataset) {
    return MetabaseSimulator.builder().version(version).paid(paid).dataset(dataset).port(0).start();
  }

  /**
   * How many requests reached {@code endpoint} (e.g. {@code GET /api/user}), waiting up to two seconds for at least
   * {@code expected}: the simulator logs a request just after it has sent the answer, so the last request of a run
   * can show up a moment after the client has it.
   */
  static long requests(MetabaseSimulator sim, String endpoint, long expected) {
    long deadline = System.nanoTime() + 2_000_000_000L;
    long n = sim.requestLog().count(endpoint);
    while (n < expected && System.nanoTime() < deadline) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      n = sim.requestLog().count(endpoint);
    }
    return n;
  }

  static MetabaseConnector connector(MetabaseSimulator sim, MetabaseVariant variant, boolean paidPlanFlag) {
    return MetabaseConnectors.create(
        ConnectorConfig.of(variant, sim.baseUrl(), Secret.of(sim.adminApiKey()), paidPlanFlag));
  }
}
