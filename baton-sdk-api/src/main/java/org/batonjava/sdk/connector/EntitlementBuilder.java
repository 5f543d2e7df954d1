package org.batonjava.sdk.connector;

import c1.connector.v2.Entitlement;
import c1.connector.v2.Resource;
import c1.connector.v2.ResourceType;
import com.google.protobuf.Message;

/** Builds an {@link Entitlement} with the standard id {@code type:id:slug}. */
public final class EntitlementBuilder {
  private final Entitlement.Builder entitlement = Entitlement.newBuilder();

  private EntitlementBuilder(Resource resource, String slug, Entitlement.PurposeValue purpose) {
    entitlement
        .setResource(resource)
        .setId(BatonIds.entitlementId(resource.getId(), slug))
        .setSlug(slug)
        .setPurpose(purpose);
  }

  /** An assignment entitlement (membership-like). */
  public static EntitlementBuilder assignment(Resource resource, String slug) {
    return new EntitlementBuilder(
        resource, slug, Entitlement.PurposeValue.PURPOSE_VALUE_ASSIGNMENT);
  }

  /** A permission entitlement (access-like). */
  public static EntitlementBuilder permission(Resource resource, String slug) {
    return new EntitlementBuilder(
        resource, slug, Entitlement.PurposeValue.PURPOSE_VALUE_PERMISSION);
  }

  public EntitlementBuilder displayName(String name) {
    entitlement.setDisplayName(name);
    return this;
  }

  public EntitlementBuilder description(String description) {
    entitlement.setDescription(description);
    return this;
  }

  public EntitlementBuilder grantableTo(ResourceType... types) {
    for (ResourceType t : types) {
      entitlement.addGrantableTo(t);
    }
    return this;
  }

  public EntitlementBuilder annotate(Message annotation) {
    entitlement.addAnnotations(Annotations.pack(annotation));
    return this;
  }

  public Entitlement build() {
    return entitlement.build();
  }
}
