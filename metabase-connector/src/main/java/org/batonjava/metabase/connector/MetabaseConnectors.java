package org.batonjava.metabase.connector;

import org.batonjava.metabase.databases.PermissionModel;
import org.batonjava.metabase.http.BaseUrl;
import org.batonjava.metabase.http.ClientSettings;
import org.batonjava.metabase.http.MetabaseJson;
import org.batonjava.metabase.server.AdminKeyCheck;
import org.batonjava.metabase.server.ServerCheck;
import org.batonjava.metabase.server.VersionDetection;
import org.batonjava.metabase.server.VersionGate;

/** Builds the connector a configuration asks for. */
public final class MetabaseConnectors {
  private MetabaseConnectors() {}

  /**
   * The connector of {@code config.variant()}, talking to {@code config.baseUrl()}. No request is
   * made until {@code validate()} or a sync.
   *
   * @throws org.batonjava.sdk.connector.ConnectorException {@code INVALID_ARGUMENT} when the base
   *     URL is not an absolute http(s) URL
   */
  public static MetabaseConnector create(ConnectorConfig config) {
    String version = connectorVersion();
    ClientSettings settings =
        new ClientSettings(
            BaseUrl.parse(config.baseUrl()),
            config.apiKey(),
            config.httpTimeout(),
            "baton-metabase-java/" + version + " (" + config.variant().binaryName() + ")");
    MetabaseJson client = new MetabaseJson(settings);
    ServerCheck check =
        switch (config.variant()) {
          case UNVERSIONED -> new AdminKeyCheck(config.withPaidPlan());
          case V049 -> new VersionGate(49, config.withPaidPlan());
          case V056 -> new VersionGate(56, config.withPaidPlan());
          case AUTO -> new VersionDetection(config.withPaidPlan(), PermissionModel::nameOfLine);
        };
    return new MetabaseConnector(
        config.variant(),
        version,
        client,
        check,
        config.extendedAccess() ? ExtendedAccess.on(client, config.force()) : ExtendedAccess.off(),
        config.pageConcurrency());
  }

  /** The jar's Implementation-Version, or {@code dev} when run from classes. */
  static String connectorVersion() {
    String v = MetabaseConnectors.class.getPackage().getImplementationVersion();
    return v == null || v.isBlank() ? "dev" : v;
  }
}
