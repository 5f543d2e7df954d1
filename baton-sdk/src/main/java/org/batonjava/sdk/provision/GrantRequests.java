package org.batonjava.sdk.provision;

import c1.connector.v2.Entitlement;
import c1.connector.v2.Grant;
import c1.connector.v2.GrantAlreadyExists;
import c1.connector.v2.GrantAlreadyRevoked;
import c1.connector.v2.Resource;
import com.google.protobuf.Any;
import io.grpc.Status;
import java.util.List;
import org.batonjava.sdk.connector.Annotations;
import org.batonjava.sdk.connector.BatonIds;
import org.batonjava.sdk.connector.Connector;
import org.batonjava.sdk.connector.ConnectorException;
import org.batonjava.sdk.connector.GrantProvisioner;
import org.batonjava.sdk.connector.ResourceSyncer;

/**
 * Grant and revoke requests as the SDK's provisioner makes them: the entitlement (with its
 * resource), the principal and the grant come from a stored sync; the connector's {@link
 * GrantProvisioner} for the entitlement's resource type does the work. Used by one-shot runs and by
 * service-mode tasks.
 */
public final class GrantRequests {
  /** What happened, and the line a person reads. */
  public record Outcome(boolean changed, String message, List<Any> annotations) {}

  private final Connector connector;
  private final ProvisioningRetry retry;

  public GrantRequests(Connector connector) {
    this(connector, ProvisioningRetry.standard());
  }

  public GrantRequests(Connector connector, ProvisioningRetry retry) {
    this.connector = connector;
    this.retry = retry;
  }

  /**
   * Grants {@code entitlement} to {@code principal}, retrying transient failures. When an earlier
   * attempt's answer was lost and a later one finds the grant in place, the outcome says this run
   * may have made the change.
   */
  public Outcome grant(Entitlement entitlement, Resource principal) {
    GrantProvisioner provisioner = provisioner(entitlement.getResource().getId().getResourceType());
    ProvisioningRetry.Result<List<Any>> result =
        retry.call("grant " + entitlement.getId(), () -> provisioner.grant(principal, entitlement));
    List<Any> annotations = result.value();
    boolean existed = Annotations.has(annotations, GrantAlreadyExists.class);
    String who = BatonIds.describe(principal);
    if (existed && result.earlierAttemptUncertain()) {
      return new Outcome(
          true,
          "the change is in place: "
              + who
              + " has "
              + entitlement.getId()
              + "; this run's"
              + " request may have made it (an earlier attempt's answer was lost)",
          annotations);
    }
    return new Outcome(
        !existed,
        existed
            ? who + " already has " + entitlement.getId() + "; nothing changed"
            : "granted " + entitlement.getId() + " to " + who,
        annotations);
  }

  /**
   * Revokes {@code grant}, retrying transient failures; reports an uncertain earlier attempt like
   * {@link #grant}.
   */
  public Outcome revoke(Grant grant) {
    GrantProvisioner provisioner =
        provisioner(grant.getEntitlement().getResource().getId().getResourceType());
    ProvisioningRetry.Result<List<Any>> result =
        retry.call("revoke " + grant.getId(), () -> provisioner.revoke(grant));
    List<Any> annotations = result.value();
    boolean gone = Annotations.has(annotations, GrantAlreadyRevoked.class);
    String who = BatonIds.describe(grant.getPrincipal());
    if (gone && result.earlierAttemptUncertain()) {
      return new Outcome(
          true,
          "the change is in place: "
              + who
              + " no longer has "
              + grant.getEntitlement().getId()
              + "; this run's request may have removed it (an earlier attempt's answer was lost)",
          annotations);
    }
    return new Outcome(
        !gone,
        gone
            ? who
                + " did not have "
                + grant.getEntitlement().getId()
                + " (already revoked); nothing changed"
            : "revoked " + grant.getEntitlement().getId() + " from " + who,
        annotations);
  }

  private GrantProvisioner provisioner(String resourceType) {
    for (ResourceSyncer s : connector.resourceSyncers()) {
      if (s.resourceType().getId().equals(resourceType)) {
        if (s instanceof GrantProvisioner p) {
          return p;
        }
        throw new ConnectorException(
            Status.Code.UNIMPLEMENTED,
            "entitlements of "
                + resourceType
                + " resources cannot be granted or revoked by this connector");
      }
    }
    throw new ConnectorException(
        Status.Code.INVALID_ARGUMENT, "this connector has no resource type " + resourceType);
  }
}
