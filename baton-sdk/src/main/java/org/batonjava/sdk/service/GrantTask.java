package org.batonjava.sdk.service;

import c1.connector.v2.GrantManagerServiceGrantResponse;
import c1.connectorapi.baton.v1.Task;
import org.batonjava.sdk.provision.GrantRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code grant} task: the connector grants the task's entitlement to its principal; the answer is
 * a {@code GrantManagerServiceGrantResponse} with the connector's annotations (e.g. {@code
 * GrantAlreadyExists}). Any failure is non-retryable, as in the Go SDK.
 */
final class GrantTask implements TaskHandler {
  private static final Logger LOG = LoggerFactory.getLogger(GrantTask.class);

  private final GrantRequests grants;
  private final boolean provisioning;

  GrantTask(GrantRequests grants, boolean provisioning) {
    this.grants = grants;
    this.provisioning = provisioning;
  }

  @Override
  public TaskOutcome handle(Task task, TaskContext context) {
    Task.GrantTask grant = task.getGrant();
    if (!grant.hasEntitlement() || !grant.hasPrincipal()) {
      throw TaskFailure.plain("malformed grant task", true);
    }
    if (!provisioning) {
      throw TaskFailure.provisioningDisabled();
    }
    GrantRequests.Outcome outcome;
    try {
      outcome = grants.grant(grant.getEntitlement(), grant.getPrincipal());
    } catch (RuntimeException e) {
      throw TaskFailure.fromConnector(e, true);
    }
    LOG.info("Task {}: {}", task.getId(), outcome.message());
    return TaskOutcome.Success.of(
        GrantManagerServiceGrantResponse.newBuilder()
            .addAllAnnotations(outcome.annotations())
            .build(),
        outcome.annotations());
  }
}
