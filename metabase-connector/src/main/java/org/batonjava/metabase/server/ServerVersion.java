package org.batonjava.metabase.server;

import io.grpc.Status;
import org.batonjava.sdk.connector.ConnectorException;

/**
 * A Metabase release tag: {@code v0.NN.P} is the free (open source) build, {@code v1.NN.P} the paid
 * (Pro/Enterprise) build of the same line; both have the same API.
 *
 * @param tag the tag as Metabase reported it
 * @param major 0 (free) or 1 (paid)
 * @param minor the release line, e.g. 49 or 56
 */
public record ServerVersion(String tag, int major, int minor) {

  /**
   * Parses a tag the way the Go connectors do (one leading {@code v}, then {@code
   * major.minor[...]}).
   */
  public static ServerVersion parse(String tag) {
    String text = tag == null ? "" : tag.trim();
    String bare = text.startsWith("v") ? text.substring(1) : text;
    String[] parts = bare.split("\\.", -1);
    if (parts.length < 2) {
      throw bad("unexpected version format: " + text);
    }
    int major;
    int minor;
    try {
      major = Integer.parseInt(parts[0]);
    } catch (NumberFormatException e) {
      throw bad("invalid major version in tag " + text);
    }
    try {
      minor = Integer.parseInt(parts[1]);
    } catch (NumberFormatException e) {
      throw bad("invalid minor version in tag " + text);
    }
    return new ServerVersion(text, major, minor);
  }

  /** A paid (Pro/Enterprise) build. */
  public boolean paidBuild() {
    return major >= 1;
  }

  /** {@code 0.49}-style line, for messages. */
  public String line() {
    return "0." + minor;
  }

  private static ConnectorException bad(String message) {
    return new ConnectorException(Status.Code.FAILED_PRECONDITION, message);
  }

  @Override
  public String toString() {
    return tag;
  }
}
