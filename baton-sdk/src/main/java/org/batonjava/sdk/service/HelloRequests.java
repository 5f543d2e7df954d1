package org.batonjava.sdk.service;

import c1.connector.v2.ConnectorMetadata;
import c1.connectorapi.baton.v1.BatonServiceHelloRequest;
import c1.connectorapi.baton.v1.BatonServiceHelloRequest.BuildInfo;
import org.batonjava.sdk.connector.CapabilitiesFactory;
import org.batonjava.sdk.connector.Connector;
import org.batonjava.sdk.connector.ConnectorInfo;
import org.batonjava.sdk.connector.GoSdkShape;

/**
 * Builds {@code Hello} requests: host id, the connector's metadata (display name, description,
 * capabilities derived from what it implements, account-creation schema), build info and OS info,
 * every string non-empty.
 */
final class HelloRequests {
  private final HostInfo host;
  private final ConnectorMetadata metadata;
  private final BuildInfo build;

  HelloRequests(Connector connector, GoSdkShape shape, HostInfo host) {
    this.host = host;
    ConnectorInfo info = connector.info();
    ConnectorMetadata.Builder metadata =
        ConnectorMetadata.newBuilder()
            .setDisplayName(nonEmpty(info.displayName(), nonEmpty(info.name(), "Baton connector")))
            .setDescription(info.description() == null ? "" : info.description())
            .setCapabilities(CapabilitiesFactory.derive(connector, shape));
    connector.accountCreationSchema().ifPresent(metadata::setAccountCreationSchema);
    this.metadata = metadata.build();
    this.build =
        BuildInfo.newBuilder()
            .setLangVersion("java" + System.getProperty("java.version", "0.0.0"))
            .setPackage(nonEmpty(info.name(), "/dummy/path"))
            .setPackageVersion(nonEmpty(info.version(), "0.0.0"))
            .build();
  }

  /** The startup Hello ({@code taskId} empty) or the answer to a Hello task. */
  BatonServiceHelloRequest hello(String taskId) {
    return BatonServiceHelloRequest.newBuilder()
        .setHostId(host.hostId())
        .setTaskId(taskId)
        .setBuildInfo(build)
        .setOsInfo(host.osInfo())
        .setConnectorMetadata(metadata)
        .build();
  }

  ConnectorMetadata metadata() {
    return metadata;
  }

  private static String nonEmpty(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }
}
