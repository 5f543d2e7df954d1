package org.batonjava.sdk.service;

import com.google.rpc.Status;
import io.grpc.Status.Code;
import org.batonjava.sdk.connector.ConnectorException;
import org.batonjava.sdk.connector.FailureWords;

/**
 * How a task failed, as ConductorOne receives it in {@code FinishTask}: a {@code google.rpc.Status}
 * (code and message) and whether retrying is pointless. The classification follows the Go SDK:
 * write operations (grant, revoke, account creation) and malformed tasks are non-retryable; syncs,
 * actions and unsupported task types are retryable; a non-retryable message ends with Go's {@code
 * \ntask failed and is non-retryable}.
 */
final class TaskFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;
  static final String NON_RETRYABLE_SUFFIX = "task failed and is non-retryable";

  private final transient Status status;
  private final boolean nonRetryable;

  private TaskFailure(Status status, boolean nonRetryable, Throwable cause) {
    super(status.getMessage(), cause);
    this.status = status;
    this.nonRetryable = nonRetryable;
  }

  Status status() {
    return status;
  }

  boolean nonRetryable() {
    return nonRetryable;
  }

  /** A plain SDK-side error (Go {@code errors.New}): code UNKNOWN, the text as is. */
  static TaskFailure plain(String message, boolean nonRetryable) {
    return of(Code.UNKNOWN, message, nonRetryable, null);
  }

  /** A failure reported by the connector, in grpc-go's status text. */
  static TaskFailure fromConnector(Throwable error, boolean nonRetryable) {
    if (error instanceof TaskFailure failure) {
      return failure;
    }
    Code code = error instanceof ConnectorException ce ? ce.code() : Code.UNKNOWN;
    String message = FailureWords.of(error);
    return of(code, GoStatusText.of(code, message), nonRetryable, error);
  }

  /**
   * A connector-side status error, e.g. {@code FAILED_PRECONDITION "provisioning is not enabled"}.
   */
  static TaskFailure status(Code code, String description, boolean nonRetryable) {
    return of(code, GoStatusText.of(code, description), nonRetryable, null);
  }

  /**
   * The task was cancelled (heartbeat said so, heartbeats failed, or shutdown): CANCELLED,
   * retryable.
   */
  static TaskFailure cancelled() {
    return of(Code.CANCELLED, "context canceled", false, null);
  }

  /** What Go reports for a task type it has no handler for: UNKNOWN, retryable. */
  static TaskFailure unsupportedTaskType() {
    return plain("unsupported task type", false);
  }

  /** The provisioning gate of the Go connector server. */
  static TaskFailure provisioningDisabled() {
    return status(Code.FAILED_PRECONDITION, "provisioning is not enabled", true);
  }

  private static TaskFailure of(Code code, String message, boolean nonRetryable, Throwable cause) {
    String text = nonRetryable ? message + "\n" + NON_RETRYABLE_SUFFIX : message;
    return new TaskFailure(
        Status.newBuilder().setCode(code.value()).setMessage(text).build(), nonRetryable, cause);
  }
}
