package org.batonjava.sdk.service;

import c1.connectorapi.baton.v1.BatonServiceFinishTaskRequest;
import c1.connectorapi.baton.v1.BatonServiceFinishTaskRequest.Error;
import c1.connectorapi.baton.v1.BatonServiceFinishTaskRequest.Success;
import com.google.protobuf.Any;
import io.grpc.StatusRuntimeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@code FinishTask}: once, with its own 30 s deadline (also after the task was cancelled),
 * never retried; a failure is only logged, as in the Go SDK.
 */
final class TaskFinisher {
  private static final Logger LOG = LoggerFactory.getLogger(TaskFinisher.class);

  private final BatonServiceClient client;
  private final String hostId;

  TaskFinisher(BatonServiceClient client, String hostId) {
    this.client = client;
    this.hostId = hostId;
  }

  /** Reports {@code outcome} for {@code task}; a {@link TaskOutcome.NoFinish} sends nothing. */
  void finish(TaskContext task, TaskOutcome outcome) {
    BatonServiceFinishTaskRequest.Builder request =
        BatonServiceFinishTaskRequest.newBuilder().setHostId(hostId).setTaskId(task.taskId());
    if (outcome instanceof TaskOutcome.Success success) {
      Success.Builder body = Success.newBuilder().addAllAnnotations(success.annotations());
      success.response().ifPresent(r -> body.setResponse(Any.pack(r)));
      request.setSuccess(body);
      LOG.info("Task {} ({}) finished successfully", task.taskId(), task.type());
    } else if (outcome instanceof TaskOutcome.Failure failure) {
      TaskFailure f = failure.failure();
      request.setStatus(f.status()).setError(Error.newBuilder().setNonRetryable(f.nonRetryable()));
      LOG.warn(
          "Task {} ({}) failed ({}{}): {}",
          task.taskId(),
          task.type(),
          io.grpc.Status.fromCodeValue(f.status().getCode()).getCode(),
          f.nonRetryable() ? ", non-retryable" : "",
          firstLine(f.status().getMessage()));
    } else {
      LOG.info(
          "Task {} ({}) ends without FinishTask: {}",
          task.taskId(),
          task.type(),
          ((TaskOutcome.NoFinish) outcome).reason());
      return;
    }
    try {
      client.finishTask(request.build());
    } catch (StatusRuntimeException e) {
      LOG.error(
          "FinishTask for task {} failed ({}); ConductorOne will time the task out",
          task.taskId(),
          e.getStatus().getCode() + describe(e));
    }
  }

  private static String firstLine(String text) {
    int nl = text.indexOf('\n');
    return nl < 0 ? text : text.substring(0, nl);
  }

  private static String describe(StatusRuntimeException e) {
    String d = e.getStatus().getDescription();
    return d == null ? "" : ": " + d;
  }
}
