package org.batonjava.metabase.resources;

import c1.connector.v2.Entitlement;
import c1.connector.v2.Resource;
import c1.connector.v2.ResourceId;
import c1.connector.v2.ResourceType;
import io.grpc.Status;
import org.batonjava.sdk.connector.BatonIds;
import org.batonjava.sdk.connector.ConnectorException;

/**
 * What a grant or revoke asks for, in Metabase's terms: the object the entitlement belongs to (a
 * group or a database), the entitlement's slug, and the principal's Metabase id, after checking
 * that the principal is of the one type that can hold the entitlement.
 *
 * @param objectId the Metabase id of the entitlement's group or database
 * @param slug e.g. {@code member}, {@code manager}, {@code access}, {@code query-builder}
 * @param principalId the Metabase id of the user or group receiving (or losing) it
 * @param entitlementId the entitlement's Baton id, for messages
 * @param principal the principal as {@code type:id}, for messages
 */
public record ProvisioningRequest(
    long objectId, String slug, long principalId, String entitlementId, String principal) {

  /**
   * The request a grant or revoke of {@code entitlement} to {@code principal} makes.
   *
   * @param principalType the only resource type that may hold the entitlement
   * @param why the sentence that explains a wrong principal type, e.g. {@code only users can be
   *     members of Metabase groups}
   * @throws ConnectorException {@code INVALID_ARGUMENT} for a principal of another type or ids that
   *     are not Metabase ids
   */
  public static ProvisioningRequest of(
      Entitlement entitlement, Resource principal, ResourceType principalType, String why) {
    ResourceId who = principal.getId();
    if (!who.getResourceType().equals(principalType.getId())) {
      throw new ConnectorException(
          Status.Code.INVALID_ARGUMENT,
          why + "; got " + BatonIds.describe(principal) + " for " + entitlement.getId());
    }
    return new ProvisioningRequest(
        MetabaseIds.of(entitlement.getResource().getId()),
        slug(entitlement),
        MetabaseIds.of(who),
        entitlement.getId(),
        BatonIds.describe(principal));
  }

  /**
   * The Metabase id of {@code principal}, for an entitlement that only groups can hold (a
   * collection or application permission).
   *
   * @param what what the entitlement grants, for the message, e.g. {@code collection permissions}
   * @throws ConnectorException {@code INVALID_ARGUMENT} for a principal that is not a group, or a
   *     group id that is not a Metabase id
   */
  public static long groupPrincipal(Entitlement entitlement, Resource principal, String what) {
    ResourceId who = principal.getId();
    if (!who.getResourceType().equals(ResourceTypes.GROUP.getId())) {
      throw new ConnectorException(
          Status.Code.INVALID_ARGUMENT,
          what
              + " are granted to Metabase groups only; got "
              + BatonIds.describe(principal)
              + " for "
              + entitlement.getId()
              + " (grant it to a group the user is in, or add the user to a group that has it)");
    }
    long groupId;
    try {
      groupId = Long.parseLong(who.getResource());
    } catch (NumberFormatException e) {
      groupId = -1;
    }
    if (groupId <= 0) {
      throw new ConnectorException(
          Status.Code.INVALID_ARGUMENT,
          "invalid group id \"" + who.getResource() + "\": not a Metabase id");
    }
    return groupId;
  }

  /**
   * The slug of {@code <type>:<id>:<slug>}; an id without that prefix is taken as the bare slug, or
   * its last {@code :}-separated part (as the Go connectors accept {@code manager} or {@code
   * …:manager}).
   */
  public static String slug(Entitlement entitlement) {
    ResourceId resource = entitlement.getResource().getId();
    String prefix = resource.getResourceType() + ":" + resource.getResource() + ":";
    String id = entitlement.getId();
    if (id.startsWith(prefix)) {
      return id.substring(prefix.length());
    }
    int colon = id.lastIndexOf(':');
    return colon < 0 ? id : id.substring(colon + 1);
  }
}
