package org.batonjava.sdk.connector;

import c1.connector.v2.Entitlement;
import c1.connector.v2.Grant;
import c1.connector.v2.Resource;
import com.google.protobuf.Any;
import java.util.List;

/**
 * Implemented by a {@link ResourceSyncer} whose entitlements can be granted and revoked. Both are
 * idempotent: granting what is already granted returns a {@code GrantAlreadyExists} annotation,
 * revoking what is not granted returns {@code GrantAlreadyRevoked}; neither is an error.
 */
public interface GrantProvisioner {
  /**
   * Grants {@code entitlement} (of this syncer's type) to {@code principal}; returns response
   * annotations.
   */
  List<Any> grant(Resource principal, Entitlement entitlement);

  /** Revokes {@code grant}; returns response annotations. */
  List<Any> revoke(Grant grant);
}
