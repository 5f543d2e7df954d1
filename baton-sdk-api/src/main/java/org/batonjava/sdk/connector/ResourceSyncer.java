package org.batonjava.sdk.connector;

import c1.connector.v2.Entitlement;
import c1.connector.v2.Grant;
import c1.connector.v2.Resource;
import c1.connector.v2.ResourceId;
import c1.connector.v2.ResourceType;
import java.util.Optional;

/**
 * Lists one resource type, its entitlements and its grants, one page per call. All state between
 * pages lives in the opaque page token: the engine checkpoints tokens and may resume from any of
 * them in a new process. Return an empty next token only at the end; returning the token that was
 * passed in is a bug the engine stops with an error.
 */
public interface ResourceSyncer {
  ResourceType resourceType();

  /**
   * One page of resources. {@code parent} is empty at the root; child types (announced with a
   * {@code ChildResourceType} annotation on a parent resource) are listed once per parent.
   */
  PageResult<Resource> list(Optional<ResourceId> parent, PageRequest page);

  /** One page of the entitlements a resource offers. */
  PageResult<Entitlement> entitlements(Resource resource, PageRequest page);

  /**
   * Whether a resource of this type can offer entitlements at all. A syncer whose {@link
   * #entitlements} is always empty says false, and a sync then does not ask each of its resources
   * (a user type with 50,000 users is 50,000 empty answers). The sync's content is the same.
   */
  default boolean offersEntitlements() {
    return true;
  }

  /**
   * One page of grants on the entitlements of a resource (or, for principals, grants they hold).
   */
  PageResult<Grant> grants(Resource resource, PageRequest page);
}
