package org.batonjava.metabase.http;

import org.batonjava.sdk.connector.ConnectorException;

/**
 * Says which provisioning step failed in front of a failure the client already mapped (code, retry
 * hint and Metabase's own words are kept): {@code cannot add user 5 to group 4: this needs a paid
 * Metabase plan …}.
 */
public final class OperationFailure {
  private OperationFailure() {}

  public static ConnectorException of(String operation, ConnectorException cause) {
    return new ConnectorException(
        cause.code(), operation + ": " + cause.getMessage(), cause.retryAfter(), cause);
  }
}
