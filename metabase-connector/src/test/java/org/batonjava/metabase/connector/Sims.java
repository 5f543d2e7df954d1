package org.batonjava.metabase.connector;

import org.batonjava.metabase.sim.data.Dataset;
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

  static MetabaseConnector connector(MetabaseSimulator sim, MetabaseVariant variant, boolean paidPlanFlag) {
    return MetabaseConnectors.create(
        ConnectorConfig.of(variant, sim.baseUrl(), Secret.of(sim.adminApiKey()), paidPlanFlag));
  }
}
