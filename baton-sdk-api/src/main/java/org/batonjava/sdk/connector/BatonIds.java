package org.batonjava.sdk.connector;

import c1.connector.v2.Entitlement;
import c1.connector.v2.Resource;
import c1.connector.v2.ResourceId;

/** The standard identifier formats of Baton. */
public final class BatonIds {
  private BatonIds() {}

  /** {@code <resource type>:<resource id>:<slug>}. */
  public static String entitlementId(ResourceId resource, String slug) {
    return resource.getResourceType() + ":" + resource.getResource() + ":" + slug;
  }

  /** {@code <entitlement id>:<principal type>:<principal id>}. */
  public static String grantId(Entitlement entitlement, ResourceId principal) {
    return grantId(entitlement.getId(), principal);
  }

  public static String grantId(String entitlementId, ResourceId principal) {
    return entitlementId + ":" + principal.getResourceType() + ":" + principal.getResource();
  }

  public static ResourceId resourceId(String type, String id) {
    return ResourceId.newBuilder().setResourceType(type).setResource(id).build();
  }

  /** {@code type:id}, for messages. */
  public static String describe(Resource r) {
    return r.getId().getResourceType() + ":" + r.getId().getResource();
  }
}
