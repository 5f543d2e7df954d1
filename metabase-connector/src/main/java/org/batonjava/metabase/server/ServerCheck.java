package org.batonjava.metabase.server;

import java.util.Optional;

/** What {@code validate} checks for one variant, and what it learns about the server. */
public interface ServerCheck {
  /**
   * What is known without asking the server (fixed variants); empty when only the server can tell.
   */
  Optional<ServerProfile> assumed();

  /**
   * Checks that the configuration reaches a Metabase this variant supports, with an administrator's
   * key.
   *
   * @throws org.batonjava.sdk.connector.ConnectorException with a one-line message saying what to
   *     fix
   */
  ServerProfile check(ServerApi client);
}
