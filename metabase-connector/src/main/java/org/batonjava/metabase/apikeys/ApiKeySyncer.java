package org.batonjava.metabase.apikeys;

import c1.connector.v2.Entitlement;
import c1.connector.v2.Grant;
import c1.connector.v2.Resource;
import c1.connector.v2.ResourceId;
import c1.connector.v2.ResourceType;
import c1.connector.v2.UserTrait;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.batonjava.sdk.connector.Annotations;
import org.batonjava.sdk.connector.BatonIds;
import org.batonjava.sdk.connector.GrantBuilder;
import org.batonjava.sdk.connector.PageRequest;
import org.batonjava.sdk.connector.PageResult;
import org.batonjava.sdk.connector.ResourceSyncer;

/**
 * {@code api_key}: every API key from one {@code GET /api/api-key} per sync, ordered by id; no
 * entitlements; each key's group memberships as grants with the key as principal: {@code
 * group:<G>:member:api_key:<K>} for its group and {@code group:1:member:api_key:<K>} for All Users.
 * The group comes from the synced resource's profile, so no further request is made. The keys'
 * pseudo-users never appear as users: the user syncer lists only {@code GET /api/user}, which
 * leaves them out, so their rows in the membership map produce no grants.
 */
public final class ApiKeySyncer implements ResourceSyncer {
  static final String MEMBER = "member";
  private static final String GROUP = "group";
  private static final long ALL_USERS = 1;

  private final ApiKeysApi calls;

  public ApiKeySyncer(ApiKeysApi calls) {
    this.calls = calls;
  }

  @Override
  public ResourceType resourceType() {
    return ApiKeyResources.API_KEY;
  }

  @Override
  public PageResult<Resource> list(Optional<ResourceId> parent, PageRequest page) {
    return PageResult.last(
        calls.list().stream()
            .sorted(Comparator.comparingLong(ApiKey::id))
            .map(ApiKeyResources::toResource)
            .toList());
  }

  @Override
  public PageResult<Entitlement> entitlements(Resource resource, PageRequest page) {
    return PageResult.empty();
  }

  /** An API key offers nothing to be granted: a sync does not ask each one for entitlements. */
  @Override
  public boolean offersEntitlements() {
    return false;
  }

  @Override
  public PageResult<Grant> grants(Resource resource, PageRequest page) {
    Resource principal = Resource.newBuilder().setId(resource.getId()).build();
    List<Long> groups = new ArrayList<>();
    groups.add(ALL_USERS);
    long group = groupOf(resource).orElseGet(() -> listedGroup(resource));
    if (group > 0 && group != ALL_USERS) {
      groups.add(group);
    }
    List<Grant> grants = new ArrayList<>();
    for (long g : groups) {
      Resource groupResource =
          Resource.newBuilder().setId(BatonIds.resourceId(GROUP, Long.toString(g))).build();
      Entitlement member =
          Entitlement.newBuilder()
              .setId(BatonIds.entitlementId(groupResource.getId(), MEMBER))
              .setResource(groupResource)
              .build();
      grants.add(GrantBuilder.of(member, principal).build());
    }
    return PageResult.last(grants);
  }

  /**
   * The {@code group_id} in the key's profile, when the resource carries it (a resource this syncer
   * built).
   */
  static Optional<Long> groupOf(Resource resource) {
    return Annotations.find(resource.getAnnotationsList(), UserTrait.class)
        .map(t -> t.getProfile().getFieldsMap().get("group_id"))
        .filter(v -> v.hasNumberValue())
        .map(v -> (long) v.getNumberValue());
  }

  /** A resource given by id only: its group from the listing (0 when the key no longer exists). */
  private long listedGroup(Resource resource) {
    String id = resource.getId().getResource();
    return calls.list().stream()
        .filter(k -> Long.toString(k.id()).equals(id))
        .findFirst()
        .map(ApiKey::groupId)
        .orElse(0L);
  }
}
