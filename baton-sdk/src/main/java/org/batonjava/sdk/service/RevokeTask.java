package org.batonjava.sdk.service;

import c1.connector.v2.GrantManagerServiceRevokeResponse;
import c1.connectorapi.baton.v1.Task;
import org.batonjava.sdk.provision.GrantRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code revoke} task: the connector revokes the task's grant; the answer is a {@code
 * GrantManagerServiceRevokeResponse} with the connector's annotations (e.g. {@code
 * GrantAlreadyRevoked}). Any failure is non-retryable, as in the Go SDK.
 */
final class RevokeTask implements TaskHandler {
  private static final Logger LOG = LoggerFactory.getLogger(RevokeTask.class);

  private final GrantRequests grants;
  private final boolean provisioning;

  RevokeTask(GrantRequests grants, boolean provisioning) {
    this.grants = grants;
    this.provisioning = provisioning;
  }

  @Override
  public TaskOutcome handle(Task task, TaskContext context) {
    Task.RevokeTask revoke = task.getRevoke();
    if (!revoke.hasGrant()
        || !revoke.getGrant().hasEntitlement()
        || !revoke.getGrant().hasPrincipal()) {
      throw TaskFailure.plain("malformed revoke task", true);
    }
    if (!provisioning) {
      throw TaskFailure.provisioningDisabled();
    }
    GrantRequests.Outcome outcome;
    try {
      outcome = grants.revoke(revoke.getGrant());
    } catch (RuntimeException e) {
      throw TaskFailure.fromConnector(e, true);
    }
    LOG.info("Task {}: {}", task.getId(), outcome.message());
    return TaskOutcome.Success.of(
        GrantManagerServiceRevokeResponse.newBuilder()
            .addAllAnnotations(outcome.annotations())
            .build(),
        outcome.annotations());
  }
}
