package org.batonjava.metabase.collections;

import c1.connector.v2.Entitlement;
import c1.connector.v2.Grant;
import c1.connector.v2.GrantAlreadyExists;
import c1.connector.v2.GrantAlreadyRevoked;
import c1.connector.v2.Resource;
import c1.connector.v2.ResourceId;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.google.protobuf.Any;
import io.grpc.Status;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.batonjava.metabase.graph.GraphEdit;
import org.batonjava.metabase.resources.ProvisioningRequest;
import org.batonjava.sdk.connector.Annotations;
import org.batonjava.sdk.connector.BatonIds;
import org.batonjava.sdk.connector.ConnectorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Grants and revokes {@code view} / {@code curate} on a collection to a group, as a {@link
 * GraphEdit} of that one cell of the collection graph (read with the revision, decided, written
 * back alone; 409 re-reads). Grant only ever raises: View on a group that curates, or Curate on one
 * that curates, is {@code GrantAlreadyExists}. Revoking Curate leaves View ({@code write} → {@code
 * read}); revoking View removes all access ({@code none}), Curate included, because Curate without
 * View does not exist in Metabase. Nothing to revoke is {@code GrantAlreadyRevoked}. Refused with
 * one line: a principal that is not a group, an unknown, archived or personal collection, Curate on
 * the View-only Usage-analytics collection, and revoking from Administrators (who curate every
 * collection whatever the graph says).
 */
final class CollectionProvisioner {
  private static final Logger LOG = LoggerFactory.getLogger(CollectionProvisioner.class);
  private static final long ADMINISTRATORS = 2;

  private final CollectionsApi calls;
  private final GraphEdit edit;

  CollectionProvisioner(CollectionsApi calls) {
    this.calls = calls;
    this.edit = new GraphEdit(calls.graph(), "collection");
  }

  /** A checked request. */
  private record Request(
      String collection,
      CollectionAccess access,
      long groupId,
      String entitlementId,
      String principal) {}

  List<Any> grant(Resource principal, Entitlement entitlement) {
    Request r = request(entitlement, principal);
    String operation = "cannot grant " + r.entitlementId() + " to " + r.principal();
    if (r.groupId() == ADMINISTRATORS) {
      return List.of(Annotations.pack(GrantAlreadyExists.getDefaultInstance()));
    }
    boolean viewOnly = check(operation, r);
    if (viewOnly && r.access() == CollectionAccess.CURATE) {
      throw new ConnectorException(
          Status.Code.FAILED_PRECONDITION,
          operation
              + ": the Usage analytics collection"
              + " can only be viewed; grant "
              + CollectionAccess.VIEW.slug()
              + " instead");
    }
    GraphEdit.Outcome outcome =
        apply(
            operation,
            r,
            current -> {
              if (CollectionAccess.grants(current, r.access())) {
                return Optional.empty();
              }
              return Optional.of(r.access().level());
            });
    if (outcome == GraphEdit.Outcome.UNCHANGED) {
      return List.of(Annotations.pack(GrantAlreadyExists.getDefaultInstance()));
    }
    LOG.info(
        "Metabase: granted {} on collection {} to group {}",
        r.access().slug(),
        r.collection(),
        r.groupId());
    return List.of();
  }

  List<Any> revoke(Grant grant) {
    Request r = request(grant.getEntitlement(), grant.getPrincipal());
    String operation = "cannot revoke " + r.entitlementId() + " from " + r.principal();
    if (r.groupId() == ADMINISTRATORS) {
      throw new ConnectorException(
          Status.Code.FAILED_PRECONDITION,
          operation
              + ": Metabase always lets the"
              + " Administrators group curate every collection; remove the user from Administrators instead");
    }
    check(operation, r);
    GraphEdit.Outcome outcome =
        apply(
            operation,
            r,
            current -> {
              if (!CollectionAccess.grants(current, r.access())) {
                return Optional.empty();
              }
              return Optional.of(
                  r.access() == CollectionAccess.CURATE
                      ? CollectionAccess.VIEW.level()
                      : CollectionAccess.NONE);
            });
    if (outcome == GraphEdit.Outcome.UNCHANGED) {
      return List.of(Annotations.pack(GrantAlreadyRevoked.getDefaultInstance()));
    }
    LOG.info(
        "Metabase: revoked {} on collection {} from group {}",
        r.access().slug(),
        r.collection(),
        r.groupId());
    return List.of();
  }

  /**
   * Changes the group's cell when {@code decide} says so: it gets the current level ({@code none}
   * when Metabase left the cell out, as the sparse graph does) and returns the level to write, or
   * empty.
   */
  private GraphEdit.Outcome apply(
      String operation, Request r, Function<String, Optional<String>> decide) {
    try {
      return edit.apply(
          r.groupId(),
          r.collection(),
          slice -> {
            JsonNode cell = slice.of(r.groupId());
            String current = cell.isTextual() ? cell.asText() : CollectionAccess.NONE;
            return decide.apply(current).map(TextNode::valueOf);
          });
    } catch (ConnectorException e) {
      if (e.code() == Status.Code.NOT_FOUND) {
        throw new ConnectorException(
            Status.Code.NOT_FOUND,
            operation
                + ": Metabase has no group "
                + r.groupId()
                + " or no collection "
                + r.collection()
                + " (sync again to refresh them)",
            e);
      }
      throw new ConnectorException(e.code(), operation + ": " + e.getMessage(), e.retryAfter(), e);
    }
  }

  /**
   * Checks that the collection exists and can carry group permissions; returns whether it is View
   * only. The root always exists.
   */
  private boolean check(String operation, Request r) {
    if (r.collection().equals(CollectionTree.ROOT)) {
      return false;
    }
    long id = Long.parseLong(r.collection());
    CollectionItem item = fetch(operation, id);
    if (item.isArchived()) {
      throw new ConnectorException(
          Status.Code.FAILED_PRECONDITION,
          operation
              + ": collection "
              + id
              + " is in the"
              + " trash (archived); restore it in Metabase first");
    }
    boolean personal = item.personalOwnerId() != null || Boolean.TRUE.equals(item.isPersonal());
    String[] ancestors = item.ancestors();
    if (!personal && item.isPersonal() == null && ancestors.length > 0) {
      personal =
          CollectionTree.numeric(ancestors[0])
              && fetch(operation, Long.parseLong(ancestors[0])).personalOwnerId() != null;
    }
    if (personal) {
      throw new ConnectorException(
          Status.Code.FAILED_PRECONDITION,
          operation
              + ": collection "
              + id
              + " is a"
              + " personal collection (or inside one); Metabase gives personal collections no group permissions");
    }
    return item.analytics();
  }

  private CollectionItem fetch(String operation, long id) {
    try {
      return calls.get(id);
    } catch (ConnectorException e) {
      if (e.code() == Status.Code.NOT_FOUND) {
        throw new ConnectorException(
            Status.Code.NOT_FOUND,
            operation
                + ": Metabase has no collection "
                + id
                + " (sync again to refresh the collections)",
            e);
      }
      throw new ConnectorException(e.code(), operation + ": " + e.getMessage(), e.retryAfter(), e);
    }
  }

  private static Request request(Entitlement entitlement, Resource principal) {
    ResourceId on = entitlement.getResource().getId();
    if (!on.getResourceType().equals(CollectionSyncer.COLLECTION.getId())) {
      throw new ConnectorException(
          Status.Code.INVALID_ARGUMENT,
          "entitlement " + entitlement.getId() + " is not a collection entitlement");
    }
    String collection = on.getResource();
    if (!collection.equals(CollectionTree.ROOT) && !positive(collection)) {
      throw new ConnectorException(
          Status.Code.INVALID_ARGUMENT,
          "invalid collection id \"" + collection + "\": use a Metabase collection id or root");
    }
    String slug = ProvisioningRequest.slug(entitlement);
    CollectionAccess access =
        CollectionAccess.ofSlug(slug)
            .orElseThrow(
                () ->
                    new ConnectorException(
                        Status.Code.INVALID_ARGUMENT,
                        "unsupported entitlement id \""
                            + entitlement.getId()
                            + "\"; a collection"
                            + " offers view and curate"));
    long groupId =
        ProvisioningRequest.groupPrincipal(entitlement, principal, "collection permissions");
    return new Request(
        collection, access, groupId, entitlement.getId(), BatonIds.describe(principal));
  }

  private static boolean positive(String text) {
    try {
      return Long.parseLong(text) > 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
