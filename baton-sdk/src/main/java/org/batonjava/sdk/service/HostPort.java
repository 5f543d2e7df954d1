package org.batonjava.sdk.service;

/**
 * A {@code host[:port]} as written in a client id or {@code BATON_C1_API_HOST}; IPv6 literals in
 * brackets.
 *
 * @param host the host, without brackets
 * @param port the port, or the default when none was written
 * @param authority the text as written ({@code host} or {@code host:port}), for URLs
 */
public record HostPort(String host, int port, String authority) {

  /** Parses {@code text}; {@code defaultPort} applies when it names no port. */
  public static HostPort parse(String text, int defaultPort) {
    String value = text.trim();
    if (value.isEmpty()) {
      throw new IllegalArgumentException("the ConductorOne host is empty");
    }
    String host = value;
    int port = defaultPort;
    int colon = value.lastIndexOf(':');
    boolean bracketed = value.startsWith("[");
    if (colon > 0 && (!bracketed || value.lastIndexOf(']') < colon)) {
      host = value.substring(0, colon);
      try {
        port = Integer.parseInt(value.substring(colon + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "the port of ConductorOne host " + value + " is not a number");
      }
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException(
            "the port of ConductorOne host " + value + " is out of range");
      }
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    if (host.isEmpty()) {
      throw new IllegalArgumentException("the ConductorOne host " + value + " has no host name");
    }
    return new HostPort(host, port, value);
  }
}
