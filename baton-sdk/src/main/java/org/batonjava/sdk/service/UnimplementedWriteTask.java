package org.batonjava.sdk.service;

import c1.connectorapi.baton.v1.Task;
import io.grpc.Status;

/**
 * Write task types the connector SPI has no capability for (create/delete resource, rotate or issue
 * credentials): like a Go connector without that manager, {@code FAILED_PRECONDITION} when
 * provisioning is off, else {@code UNIMPLEMENTED}; both non-retryable.
 */
final class UnimplementedWriteTask implements TaskHandler {
  private final boolean provisioning;
  private final String what;

  UnimplementedWriteTask(boolean provisioning, String what) {
    this.provisioning = provisioning;
    this.what = what;
  }

  @Override
  public TaskOutcome handle(Task task, TaskContext context) {
    if (!provisioning) {
      throw TaskFailure.provisioningDisabled();
    }
    throw TaskFailure.status(
        Status.Code.UNIMPLEMENTED, what + " is not supported by this connector", true);
  }
}
