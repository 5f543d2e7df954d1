package org.batonjava.sdk.service;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The startup {@code Hello} (Go's {@code Bootstrap}): sent until it succeeds, backing off 1 s, 2 s,
 * 4 s … up to 5 minutes, while the error is retryable. {@code UNAUTHENTICATED}, {@code
 * PERMISSION_DENIED}, {@code INVALID_ARGUMENT}, {@code UNIMPLEMENTED}, {@code FAILED_PRECONDITION}
 * and {@code NOT_FOUND} are fatal (a token that cannot be had is {@code UNAUTHENTICATED}). Unlike
 * Go, an unreachable server is retried rather than fatal: grpc-java reports it as {@code
 * UNAVAILABLE}.
 */
final class StartupHello {
  static final Set<Status.Code> FATAL =
      EnumSet.of(
          Status.Code.UNAUTHENTICATED,
          Status.Code.PERMISSION_DENIED,
          Status.Code.INVALID_ARGUMENT,
          Status.Code.UNIMPLEMENTED,
          Status.Code.FAILED_PRECONDITION,
          Status.Code.NOT_FOUND);
  static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
  static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
  private static final Logger LOG = LoggerFactory.getLogger(StartupHello.class);

  private final BatonServiceClient client;
  private final HelloRequests requests;
  private final StopSignal stop;

  StartupHello(BatonServiceClient client, HelloRequests requests, StopSignal stop) {
    this.client = client;
    this.requests = requests;
    this.stop = stop;
  }

  /**
   * Says hello; returns {@code true} once accepted, {@code false} when a stop was requested
   * meanwhile. Throws {@link ServiceException} on a fatal error.
   */
  boolean run() {
    Duration backoff = FIRST_BACKOFF;
    while (!stop.raised()) {
      try {
        client.hello(requests.hello(""));
        LOG.info("Connected to ConductorOne as host {}", requests.hello("").getHostId());
        return true;
      } catch (StatusRuntimeException e) {
        Status status = e.getStatus();
        if (FATAL.contains(status.getCode())) {
          throw new ServiceException(
              "ConductorOne refused the connector's hello ("
                  + status.getCode()
                  + (status.getDescription() == null ? "" : ": " + status.getDescription())
                  + ")"
                  + hint(status.getCode()),
              e);
        }
        LOG.warn(
            "Hello to ConductorOne failed ({}{}); retrying in {} s",
            status.getCode(),
            status.getDescription() == null ? "" : ": " + status.getDescription(),
            backoff.toSeconds());
        if (stop.await(backoff)) {
          return false;
        }
        backoff = backoff.multipliedBy(2);
        if (backoff.compareTo(MAX_BACKOFF) > 0) {
          backoff = MAX_BACKOFF;
        }
      }
    }
    return false;
  }

  private static String hint(Status.Code code) {
    return code == Status.Code.UNAUTHENTICATED || code == Status.Code.PERMISSION_DENIED
        ? "; check the client id and secret (rotate them in ConductorOne if needed)"
        : "";
  }
}
