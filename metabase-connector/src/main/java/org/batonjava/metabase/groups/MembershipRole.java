package org.batonjava.metabase.groups;

import io.grpc.Status;
import org.batonjava.sdk.connector.ConnectorException;

/**
 * The two group entitlements: a plain membership, or a membership with Metabase's group-manager
 * flag (paid builds).
 */
enum MembershipRole {
  MEMBER(MembershipGrants.MEMBER),
  MANAGER(MembershipGrants.MANAGER);

  private final String slug;

  MembershipRole(String slug) {
    this.slug = slug;
  }

  String slug() {
    return slug;
  }

  /**
   * The role of a group entitlement slug; anything but {@code member}/{@code manager} is refused,
   * as in Go.
   */
  static MembershipRole ofSlug(String slug, String entitlementId) {
    for (MembershipRole r : values()) {
      if (r.slug.equals(slug)) {
        return r;
      }
    }
    throw new ConnectorException(
        Status.Code.INVALID_ARGUMENT,
        "unsupported entitlement id \""
            + entitlementId
            + "\"; a Metabase group offers only group:<id>:member and group:<id>:manager");
  }
}
