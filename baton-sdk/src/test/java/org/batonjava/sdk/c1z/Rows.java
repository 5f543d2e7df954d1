package org.batonjava.sdk.c1z;

import c1.connector.v2.Entitlement;
import c1.connector.v2.Grant;
import c1.connector.v2.GrantExpandable;
import c1.connector.v2.Resource;
import c1.connector.v2.ResourceId;
import c1.connector.v2.ResourceType;
import com.google.protobuf.Any;
import java.util.Locale;

/** Small builders of the protobuf rows the store tests write. */
final class Rows {
  private Rows() {}

  static ResourceType type(String id, ResourceType.Trait trait) {
    return ResourceType.newBuilder()
        .setId(id)
        .setDisplayName(id.substring(0, 1).toUpperCase(Locale.ROOT) + id.substring(1))
        .addTraits(trait)
        .build();
  }

  static Resource resource(String type, String id, String name) {
    return Resource.newBuilder()
        .setId(ResourceId.newBuilder().setResourceType(type).setResource(id))
        .setDisplayName(name)
        .build();
  }

  static Resource child(String type, String id, String name, Resource parent) {
    return resource(type, id, name).toBuilder().setParentResourceId(parent.getId()).build();
  }

  static Entitlement entitlement(Resource resource, String slug) {
    return Entitlement.newBuilder()
        .setResource(resource)
        .setId(
            resource.getId().getResourceType() + ":" + resource.getId().getResource() + ":" + slug)
        .setSlug(slug)
        .setDisplayName(resource.getDisplayName() + " " + slug)
        .build();
  }

  static Grant grant(Entitlement entitlement, Resource principal) {
    return Grant.newBuilder()
        .setEntitlement(entitlement)
        .setPrincipal(principal)
        .setId(
            entitlement.getId()
                + ":"
                + principal.getId().getResourceType()
                + ":"
                + principal.getId().getResource())
        .build();
  }

  static Grant expandable(Grant grant, String... sourceEntitlementIds) {
    GrantExpandable expandable =
        GrantExpandable.newBuilder()
            .addAllEntitlementIds(java.util.List.of(sourceEntitlementIds))
            .build();
    return grant.toBuilder().addAnnotations(Any.pack(expandable)).build();
  }
}
