package org.batonjava.metabase.databases;

import c1.connector.v2.Entitlement;
import c1.connector.v2.Grant;
import c1.connector.v2.GrantAlreadyExists;
import c1.connector.v2.GrantAlreadyRevoked;
import c1.connector.v2.Resource;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.Any;
import io.grpc.Status;
import java.util.List;
import org.batonjava.metabase.graph.GraphEdit;
import org.batonjava.metabase.graph.GraphSlice;
import org.batonjava.metabase.groups.MagicGroups;
import org.batonjava.metabase.http.OperationFailure;
import org.batonjava.metabase.resources.ProvisioningRequest;
import org.batonjava.metabase.resources.ResourceTypes;
import org.batonjava.metabase.server.CurrentServer;
import org.batonjava.sdk.connector.Annotations;
import org.batonjava.sdk.connector.ConnectorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Grants and revokes the database entitlements of the server's {@link PermissionModel} to groups
 * (none of the Go connectors can): a {@link GraphEdit} of that one group's entry for that one
 * database, decided by the model on the current graph. Idempotent: {@code GrantAlreadyExists} when
 * the group holds the entitlement (or a level that includes it), {@code GrantAlreadyRevoked} when
 * it does not. Administrators always have full access in Metabase, so revoking from them is refused
 * instead of reporting a change Metabase would ignore. A graph in the other model's shape (a fixed
 * variant pointed at the wrong Metabase line) is refused before anything is written.
 */
final class DatabasePermissionProvisioner {
  private static final Logger LOG = LoggerFactory.getLogger(DatabasePermissionProvisioner.class);
  private static final String GROUPS_ONLY =
      "database permissions are granted to Metabase groups only";

  private final CurrentServer server;
  private final GraphEdit edit;

  DatabasePermissionProvisioner(DatabasesApi client, CurrentServer server) {
    this.server = server;
    this.edit = new GraphEdit(client.permissionGraph(), "database");
  }

  List<Any> grant(Resource principal, Entitlement entitlement) {
    ProvisioningRequest request =
        ProvisioningRequest.of(entitlement, principal, ResourceTypes.GROUP, GROUPS_ONLY);
    PermissionModel model = model();
    DatabasePermission permission = permission(model, request);
    String operation = "cannot grant " + request.entitlementId() + " to " + request.principal();
    GraphEdit.Outcome outcome =
        apply(
            operation,
            request,
            slice ->
                model.grant(
                    permission,
                    request.principalId(),
                    request.objectId(),
                    checkedEntry(model, slice, request)));
    if (outcome == GraphEdit.Outcome.UNCHANGED) {
      return List.of(Annotations.pack(GrantAlreadyExists.getDefaultInstance()));
    }
    LOG.info(
        "Metabase: granted {} on database {} to group {}",
        permission.slug(),
        request.objectId(),
        request.principalId());
    return List.of();
  }

  List<Any> revoke(Grant grant) {
    ProvisioningRequest request =
        ProvisioningRequest.of(
            grant.getEntitlement(), grant.getPrincipal(), ResourceTypes.GROUP, GROUPS_ONLY);
    PermissionModel model = model();
    DatabasePermission permission = permission(model, request);
    if (request.principalId() == MagicGroups.ADMINISTRATORS) {
      throw new ConnectorException(
          Status.Code.FAILED_PRECONDITION,
          "cannot revoke "
              + request.entitlementId()
              + " from the Administrators group: Metabase always gives administrators full access to every database");
    }
    String operation = "cannot revoke " + request.entitlementId() + " from " + request.principal();
    GraphEdit.Outcome outcome =
        apply(
            operation,
            request,
            slice ->
                model.revoke(
                    permission,
                    request.principalId(),
                    request.objectId(),
                    checkedEntry(model, slice, request)));
    if (outcome == GraphEdit.Outcome.UNCHANGED) {
      return List.of(Annotations.pack(GrantAlreadyRevoked.getDefaultInstance()));
    }
    LOG.info(
        "Metabase: revoked {} on database {} from group {}",
        permission.slug(),
        request.objectId(),
        request.principalId());
    return List.of();
  }

  private GraphEdit.Outcome apply(
      String operation, ProvisioningRequest request, GraphEdit.Change change) {
    try {
      return edit.apply(request.principalId(), Long.toString(request.objectId()), change);
    } catch (ConnectorException e) {
      if (e.code() == Status.Code.NOT_FOUND) {
        throw new ConnectorException(
            Status.Code.NOT_FOUND,
            operation
                + ": Metabase has no database "
                + request.objectId()
                + " or no group "
                + request.principalId()
                + " (sync again to refresh them)",
            e);
      }
      throw OperationFailure.of(operation, e);
    }
  }

  /**
   * The group's entry, after checking that the graph is in the model's shape: a fixed variant
   * assumes its model, and one-shot provisioning does not validate first, so a v049 connector could
   * meet a 0.50+ server (which would silently ignore 0.49 keys). Metabase always includes the
   * Administrators' entry, so the shape is always visible.
   */
  private static JsonNode entry(
      PermissionModel model, GraphSlice slice, ProvisioningRequest request) {
    for (JsonNode e : slice.byGroup().values()) {
      if (!model.fits(e)) {
        throw new ConnectorException(
            Status.Code.FAILED_PRECONDITION,
            "this Metabase's permission graph is not in"
                + " the "
                + model.name()
                + " model this connector uses; use the variant for the server's version, or"
                + " auto mode (--metabase-version auto)");
      }
    }
    return slice.of(request.principalId());
  }

  /**
   * The group's entry, refused when it shows a sandbox or an impersonation ({@link
   * RowSecurityCheck}).
   */
  private static JsonNode checkedEntry(
      PermissionModel model, GraphSlice slice, ProvisioningRequest request) {
    JsonNode entry = entry(model, slice, request);
    RowSecurityCheck.refuse(request.principalId(), request.objectId(), entry);
    return entry;
  }

  private PermissionModel model() {
    return PermissionModel.of(server.profile())
        .orElseThrow(
            () ->
                new ConnectorException(
                    Status.Code.UNIMPLEMENTED,
                    "this connector variant does not manage database permissions"));
  }

  private static DatabasePermission permission(PermissionModel model, ProvisioningRequest request) {
    return model
        .permission(request.slug())
        .orElseThrow(
            () ->
                new ConnectorException(
                    Status.Code.INVALID_ARGUMENT,
                    "unsupported entitlement id \""
                        + request.entitlementId()
                        + "\"; with the "
                        + model.name()
                        + " model a"
                        + " database offers "
                        + model.permissions().stream().map(DatabasePermission::slug).toList()));
  }
}
