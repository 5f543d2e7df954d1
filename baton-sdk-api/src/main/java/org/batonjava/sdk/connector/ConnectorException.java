package org.batonjava.sdk.connector;

import io.grpc.Status;
import java.time.Duration;
import java.util.Optional;

/**
 * A failure reported by a connector, classified with a gRPC status code like the Go SDK does. The
 * engine retries {@code UNAVAILABLE}, {@code DEADLINE_EXCEEDED} and {@code RESOURCE_EXHAUSTED}
 * (waiting {@link #retryAfter()} when given); {@code NOT_FOUND} while listing entitlements or
 * grants is a warning; anything else stops the sync. The message is shown to people: it must say
 * what is wrong and how to fix it, and never contain a secret.
 */
public class ConnectorException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final Status.Code code;
  private final transient Optional<Duration> retryAfter;

  public ConnectorException(Status.Code code, String message) {
    this(code, message, Optional.empty(), null);
  }

  public ConnectorException(Status.Code code, String message, Throwable cause) {
    this(code, message, Optional.empty(), cause);
  }

  public ConnectorException(
      Status.Code code, String message, Optional<Duration> retryAfter, Throwable cause) {
    super(message, cause);
    this.code = code;
    this.retryAfter = retryAfter;
  }

  public Status.Code code() {
    return code;
  }

  /** How long the server asked us to wait before trying again (rate limits). */
  public Optional<Duration> retryAfter() {
    return retryAfter;
  }

  /** Whether trying the same call again later may succeed. */
  public boolean transientFailure() {
    return code == Status.Code.UNAVAILABLE
        || code == Status.Code.DEADLINE_EXCEEDED
        || code == Status.Code.RESOURCE_EXHAUSTED;
  }

  public static ConnectorException notFound(String message) {
    return new ConnectorException(Status.Code.NOT_FOUND, message);
  }

  public static ConnectorException invalidArgument(String message) {
    return new ConnectorException(Status.Code.INVALID_ARGUMENT, message);
  }
}
