package org.batonjava.sdk.sync;

import c1.connector.v2.AppTrait;
import c1.connector.v2.Entitlement;
import c1.connector.v2.Grant;
import c1.connector.v2.GrantExpandable;
import c1.connector.v2.GroupTrait;
import c1.connector.v2.Resource;
import c1.connector.v2.ResourceType;
import c1.connector.v2.RoleTrait;
import c1.connector.v2.SecretTrait;
import c1.connector.v2.SkipEntitlements;
import c1.connector.v2.SkipEntitlementsAndGrants;
import c1.connector.v2.SkipGrants;
import c1.connector.v2.UserTrait;
import com.google.protobuf.Any;
import com.google.protobuf.Message;
import io.grpc.Status;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.batonjava.sdk.connector.Annotations;
import org.batonjava.sdk.connector.ConnectorException;

/**
 * What belongs in this sync: the synced resource types, skip annotations, required trait
 * annotations, and the dropping of entitlements and grants that point at types that were not
 * synced.
 */
final class SyncScope {
  private static final Map<ResourceType.Trait, Class<? extends Message>> TRAIT_ANNOTATIONS =
      Map.of(
          ResourceType.Trait.TRAIT_USER, UserTrait.class,
          ResourceType.Trait.TRAIT_GROUP, GroupTrait.class,
          ResourceType.Trait.TRAIT_ROLE, RoleTrait.class,
          ResourceType.Trait.TRAIT_APP, AppTrait.class,
          ResourceType.Trait.TRAIT_SECRET, SecretTrait.class);

  private final Map<String, ResourceType> synced = new HashMap<>();
  private final Set<String> requested;
  private long dropped;

  SyncScope(Set<String> requested) {
    this.requested = requested;
  }

  /** The types asked for with {@code --sync-resource-types}; empty = all. */
  Set<String> requested() {
    return requested;
  }

  boolean wanted(String resourceTypeId) {
    return requested.isEmpty() || requested.contains(resourceTypeId);
  }

  void synced(ResourceType type) {
    synced.put(type.getId(), type);
  }

  boolean isSynced(String resourceTypeId) {
    return synced.containsKey(resourceTypeId);
  }

  Optional<ResourceType> type(String id) {
    return Optional.ofNullable(synced.get(id));
  }

  /**
   * Resources with an id, of the listed type, carrying the annotations their type's traits require.
   */
  List<Resource> acceptResources(ResourceType type, List<Resource> page) {
    List<Resource> ok = new ArrayList<>(page.size());
    for (Resource r : page) {
      if (r.getId().getResourceType().isEmpty() || r.getId().getResource().isEmpty()) {
        dropped++;
        continue;
      }
      if (!r.getId().getResourceType().equals(type.getId())) {
        throw new ConnectorException(
            Status.Code.INTERNAL,
            "the "
                + type.getId()
                + " syncer returned a resource of type "
                + r.getId().getResourceType()
                + " ("
                + r.getId().getResource()
                + ")");
      }
      for (ResourceType.Trait trait : type.getTraitsList()) {
        Class<? extends Message> required = TRAIT_ANNOTATIONS.get(trait);
        if (required != null && !Annotations.has(r.getAnnotationsList(), required)) {
          throw new ConnectorException(
              Status.Code.INVALID_ARGUMENT,
              "resource "
                  + type.getId()
                  + ":"
                  + r.getId().getResource()
                  + " lacks the "
                  + required.getSimpleName()
                  + " annotation its type requires");
        }
      }
      ok.add(r);
    }
    return ok;
  }

  /** Entitlements with an id whose resource type was synced. */
  List<Entitlement> acceptEntitlements(List<Entitlement> page) {
    List<Entitlement> ok = new ArrayList<>(page.size());
    for (Entitlement e : page) {
      if (e.getId().isEmpty() || !isSynced(e.getResource().getId().getResourceType())) {
        dropped++;
        continue;
      }
      ok.add(e);
    }
    return ok;
  }

  /**
   * Grants with an id whose entitlement resource type and principal type were synced; expansion
   * principal types narrowed to synced types. Reports through {@code expandable} whether any grant
   * needs expansion.
   */
  List<Grant> acceptGrants(List<Grant> page, Runnable expandable) {
    List<Grant> ok = new ArrayList<>(page.size());
    for (Grant g : page) {
      if (g.getId().isEmpty()
          || !isSynced(g.getEntitlement().getResource().getId().getResourceType())
          || !isSynced(g.getPrincipal().getId().getResourceType())) {
        dropped++;
        continue;
      }
      ok.add(narrowExpansion(g, expandable));
    }
    return ok;
  }

  private Grant narrowExpansion(Grant g, Runnable expandable) {
    Optional<GrantExpandable> x = Annotations.find(g.getAnnotationsList(), GrantExpandable.class);
    if (x.isEmpty()) {
      return g;
    }
    expandable.run();
    if (x.get().getResourceTypeIdsCount() == 0) {
      return g;
    }
    List<String> types = x.get().getResourceTypeIdsList().stream().filter(this::isSynced).toList();
    Grant.Builder b = g.toBuilder().clearAnnotations();
    for (Any a : g.getAnnotationsList()) {
      b.addAnnotations(
          Annotations.is(a, GrantExpandable.class)
              ? Annotations.pack(
                  x.get().toBuilder().clearResourceTypeIds().addAllResourceTypeIds(types).build())
              : a);
    }
    return b.build();
  }

  boolean skipsEntitlements(ResourceType type, Resource r) {
    return skips(type.getAnnotationsList(), SkipEntitlements.class)
        || skips(r.getAnnotationsList(), SkipEntitlements.class);
  }

  boolean skipsGrants(ResourceType type, Resource r) {
    return skips(type.getAnnotationsList(), SkipGrants.class)
        || skips(r.getAnnotationsList(), SkipGrants.class);
  }

  private static boolean skips(List<Any> annotations, Class<? extends Message> kind) {
    return Annotations.has(annotations, kind)
        || Annotations.has(annotations, SkipEntitlementsAndGrants.class);
  }

  /** Records dropped for missing identity or unsynced types. */
  long dropped() {
    return dropped;
  }
}
