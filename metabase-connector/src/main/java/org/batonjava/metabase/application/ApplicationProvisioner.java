package org.batonjava.metabase.application;

import c1.connector.v2.Entitlement;
import c1.connector.v2.Grant;
import c1.connector.v2.GrantAlreadyExists;
import c1.connector.v2.GrantAlreadyRevoked;
import c1.connector.v2.Resource;
import c1.connector.v2.ResourceId;
import com.fasterxml.jackson.databind.node.TextNode;
import com.google.protobuf.Any;
import io.grpc.Status;
import java.util.List;
import java.util.Optional;
import org.batonjava.metabase.graph.GraphEdit;
import org.batonjava.metabase.resources.ProvisioningRequest;
import org.batonjava.sdk.connector.Annotations;
import org.batonjava.sdk.connector.BatonIds;
import org.batonjava.sdk.connector.ConnectorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Grants and revokes an application permission to a group as a {@link GraphEdit} of that one cell
 * of the application graph: read with its revision, decided, written back alone ({@code yes} or
 * {@code no}); a 409 re-reads, a bounded number of times. Already {@code yes} is {@code
 * GrantAlreadyExists}, already {@code no} {@code GrantAlreadyRevoked}. Administrators hold every
 * application permission whatever the graph says: granting to them is already there, revoking is
 * refused. Refused with one line: a principal that is not a group, an unknown permission or
 * entitlement, and a free build (Metabase's 402, passed on as the paid plan being needed).
 */
final class ApplicationProvisioner {
  private static final Logger LOG = LoggerFactory.getLogger(ApplicationProvisioner.class);

  private final GraphEdit edit;

  ApplicationProvisioner(ApplicationApi calls) {
    this.edit = new GraphEdit(calls.graph(), "application permission");
  }

  private record Request(
      ApplicationPermission permission, long groupId, String entitlementId, String principal) {}

  List<Any> grant(Resource principal, Entitlement entitlement) {
    Request r = request(entitlement, principal);
    if (r.groupId() == ApplicationPermissionSyncer.ADMINISTRATORS) {
      return List.of(Annotations.pack(GrantAlreadyExists.getDefaultInstance()));
    }
    String operation = "cannot grant " + r.entitlementId() + " to " + r.principal();
    if (apply(operation, r, true) == GraphEdit.Outcome.UNCHANGED) {
      return List.of(Annotations.pack(GrantAlreadyExists.getDefaultInstance()));
    }
    LOG.info(
        "Metabase: granted application permission {} to group {}",
        r.permission().key(),
        r.groupId());
    return List.of();
  }

  List<Any> revoke(Grant grant) {
    Request r = request(grant.getEntitlement(), grant.getPrincipal());
    String operation = "cannot revoke " + r.entitlementId() + " from " + r.principal();
    if (r.groupId() == ApplicationPermissionSyncer.ADMINISTRATORS) {
      throw new ConnectorException(
          Status.Code.FAILED_PRECONDITION,
          operation
              + ": Metabase always gives the"
              + " Administrators group every application permission; remove the user from Administrators instead");
    }
    if (apply(operation, r, false) == GraphEdit.Outcome.UNCHANGED) {
      return List.of(Annotations.pack(GrantAlreadyRevoked.getDefaultInstance()));
    }
    LOG.info(
        "Metabase: revoked application permission {} from group {}",
        r.permission().key(),
        r.groupId());
    return List.of();
  }

  private GraphEdit.Outcome apply(String operation, Request r, boolean yes) {
    String key = r.permission().key();
    try {
      return edit.apply(
          r.groupId(),
          key,
          slice -> {
            boolean holds = "yes".equals(slice.of(r.groupId()).asText(""));
            return holds == yes
                ? Optional.empty()
                : Optional.of(TextNode.valueOf(yes ? "yes" : "no"));
          });
    } catch (ConnectorException e) {
      if (e.code() == Status.Code.NOT_FOUND) {
        throw new ConnectorException(
            Status.Code.NOT_FOUND,
            operation
                + ": Metabase has no group "
                + r.groupId()
                + " (sync again to refresh the groups)",
            e);
      }
      throw new ConnectorException(e.code(), operation + ": " + e.getMessage(), e.retryAfter(), e);
    }
  }

  private static Request request(Entitlement entitlement, Resource principal) {
    ResourceId on = entitlement.getResource().getId();
    if (!on.getResourceType().equals(ApplicationPermissionSyncer.APPLICATION_PERMISSION.getId())) {
      throw new ConnectorException(
          Status.Code.INVALID_ARGUMENT,
          "entitlement " + entitlement.getId() + " is not an application permission entitlement");
    }
    ApplicationPermission permission =
        ApplicationPermission.ofKey(on.getResource())
            .orElseThrow(
                () ->
                    new ConnectorException(
                        Status.Code.INVALID_ARGUMENT,
                        "unknown application permission \""
                            + on.getResource()
                            + "\": Metabase has setting, monitoring and subscription"));
    String expected = BatonIds.entitlementId(on, ApplicationPermissionSyncer.ACCESS);
    if (!entitlement.getId().equals(expected)) {
      throw new ConnectorException(
          Status.Code.INVALID_ARGUMENT,
          "unsupported entitlement id \""
              + entitlement.getId()
              + "\"; an application permission offers "
              + expected);
    }
    long groupId =
        ProvisioningRequest.groupPrincipal(entitlement, principal, "application permissions");
    return new Request(permission, groupId, entitlement.getId(), BatonIds.describe(principal));
  }
}
