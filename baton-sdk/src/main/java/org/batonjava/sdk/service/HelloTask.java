package org.batonjava.sdk.service;

import c1.connectorapi.baton.v1.Task;
import io.grpc.StatusRuntimeException;

/**
 * A server-initiated {@code hello} task: a {@code Hello} carrying the task id, and no {@code
 * FinishTask}.
 */
final class HelloTask implements TaskHandler {
  private final BatonServiceClient client;
  private final HelloRequests requests;

  HelloTask(BatonServiceClient client, HelloRequests requests) {
    this.client = client;
    this.requests = requests;
  }

  @Override
  public TaskOutcome handle(Task task, TaskContext context) {
    try {
      client.hello(requests.hello(task.getId()));
      return new TaskOutcome.NoFinish("hello sent; hello tasks are not finished");
    } catch (StatusRuntimeException e) {
      return new TaskOutcome.NoFinish("hello failed (" + e.getStatus().getCode() + ")");
    }
  }
}
