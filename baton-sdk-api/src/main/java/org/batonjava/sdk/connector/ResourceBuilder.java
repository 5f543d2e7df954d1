package org.batonjava.sdk.connector;

import c1.connector.v2.AppTrait;
import c1.connector.v2.ChildResourceType;
import c1.connector.v2.ExternalId;
import c1.connector.v2.GroupTrait;
import c1.connector.v2.Resource;
import c1.connector.v2.ResourceId;
import c1.connector.v2.RoleTrait;
import c1.connector.v2.UserTrait;
import com.google.protobuf.Message;

/** Builds a {@link Resource} with the standard traits and annotations. */
public final class ResourceBuilder {
  private final Resource.Builder resource = Resource.newBuilder();

  private ResourceBuilder(String type, String id, String displayName) {
    resource.setId(BatonIds.resourceId(type, id)).setDisplayName(displayName);
  }

  public static ResourceBuilder of(String type, String id, String displayName) {
    return new ResourceBuilder(type, id, displayName);
  }

  public ResourceBuilder parent(ResourceId parent) {
    resource.setParentResourceId(parent);
    return this;
  }

  public ResourceBuilder description(String description) {
    resource.setDescription(description);
    return this;
  }

  /** The system's own id of the resource (what provisioning calls use). */
  public ResourceBuilder externalId(String id) {
    resource.setExternalId(ExternalId.newBuilder().setId(id));
    return this;
  }

  public ResourceBuilder userTrait(UserTrait trait) {
    return annotate(trait);
  }

  public ResourceBuilder groupTrait(GroupTrait trait) {
    return annotate(trait);
  }

  public ResourceBuilder roleTrait(RoleTrait trait) {
    return annotate(trait);
  }

  public ResourceBuilder appTrait(AppTrait trait) {
    return annotate(trait);
  }

  /** Announces a child resource type that the engine lists with this resource as parent. */
  public ResourceBuilder childType(String resourceTypeId) {
    return annotate(ChildResourceType.newBuilder().setResourceTypeId(resourceTypeId).build());
  }

  public ResourceBuilder annotate(Message annotation) {
    resource.addAnnotations(Annotations.pack(annotation));
    return this;
  }

  public Resource build() {
    return resource.build();
  }
}
