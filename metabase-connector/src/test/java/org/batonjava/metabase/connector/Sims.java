package org.batonjava.metabase.connector;

import org.batonjava.metabase.sim.MetabaseSimulator;
import org.batonjava.metabase.sim.data.Dataset;
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
   * The variant with API keys and collections off: exactly the Go connectors' model (auto
   * included).
   */
  static MetabaseConnector goModel(
      MetabaseSimulator sim, MetabaseVariant variant, boolean paidPlanFlag) {
    return MetabaseConnectors.create(
        ConnectorConfig.of(variant, sim.baseUrl(), Secret.of(sim.adminApiKey()), paidPlanFlag)
            .withExtendedAccess(false));
  }

  static MetabaseConnector connector(
      MetabaseSimulator sim, MetabaseVariant variant, boolean paidPlanFlag) {
    return MetabaseConnectors.create(
        ConnectorConfig.of(variant, sim.baseUrl(), Secret.of(sim.adminApiKey()), paidPlanFlag));
  }

  /** A connector that reads {@code pageConcurrency} pages of users at once. */
  static MetabaseConnector connector(
      MetabaseSimulator sim, MetabaseVariant variant, int pageConcurrency) {
    ConnectorConfig c =
        ConnectorConfig.of(variant, sim.baseUrl(), Secret.of(sim.adminApiKey()), false);
    return MetabaseConnectors.create(
        new ConnectorConfig(
            c.baseUrl(),
            c.apiKey(),
            false,
            variant,
            c.httpTimeout(),
            c.extendedAccess(),
            false,
            pageConcurrency));
  }
}
