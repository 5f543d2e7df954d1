package org.batonjava.sdk.cli;

import org.batonjava.sdk.connector.Connector;

/**
 * Builds the connector from the resolved configuration. It must not call the target system (that is
 * {@link Connector#validate()}'s job); a {@link org.batonjava.sdk.connector.ConnectorException} or
 * {@link IllegalArgumentException} it throws is reported as one {@code error:} line.
 */
@FunctionalInterface
public interface ConnectorFactory {
  Connector create(ResolvedConfig config);
}
