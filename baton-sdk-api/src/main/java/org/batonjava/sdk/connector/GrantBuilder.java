package org.batonjava.sdk.connector;

import c1.connector.v2.Entitlement;
import c1.connector.v2.Grant;
import c1.connector.v2.GrantExpandable;
import c1.connector.v2.Resource;
import com.google.protobuf.Message;
import java.util.List;

/**
 * Builds a {@link Grant} with the standard id {@code <entitlement id>:<principal type>:<principal
 * id>}.
 */
public final class GrantBuilder {
  private final Grant.Builder grant = Grant.newBuilder();

  private GrantBuilder(Entitlement entitlement, Resource principal) {
    grant
        .setEntitlement(entitlement)
        .setPrincipal(principal)
        .setId(BatonIds.grantId(entitlement, principal.getId()));
  }

  public static GrantBuilder of(Entitlement entitlement, Resource principal) {
    return new GrantBuilder(entitlement, principal);
  }

  /**
   * Marks the grant expandable: whoever holds one of {@code sourceEntitlementIds} (restricted to
   * {@code principalTypes}, all when empty) is granted this entitlement too, through grant
   * expansion.
   */
  public GrantBuilder expandableFrom(
      List<String> sourceEntitlementIds, List<String> principalTypes, boolean shallow) {
    return annotate(
        GrantExpandable.newBuilder()
            .addAllEntitlementIds(sourceEntitlementIds)
            .addAllResourceTypeIds(principalTypes)
            .setShallow(shallow)
            .build());
  }

  public GrantBuilder annotate(Message annotation) {
    grant.addAnnotations(Annotations.pack(annotation));
    return this;
  }

  public Grant build() {
    return grant.build();
  }
}
