package org.batonjava.sdk.cli;

/**
 * A configuration problem the operator must fix. The message is one line that names the flag and
 * its environment variable and never contains a secret value.
 */
public class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }
}
