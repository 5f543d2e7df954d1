package org.batonjava.report;

import c1.connector.v2.Entitlement;
import c1.connector.v2.Grant;
import c1.connector.v2.GrantExpandable;
import c1.connector.v2.GrantSources;
import c1.connector.v2.GroupTrait;
import c1.connector.v2.Resource;
import c1.connector.v2.ResourceId;
import c1.connector.v2.ResourceType;
import c1.connector.v2.UserTrait;
import com.google.protobuf.Any;
import com.google.protobuf.Timestamp;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.batonjava.sdk.c1z.C1zOptions;
import org.batonjava.sdk.c1z.C1zStore;
import org.batonjava.sdk.c1z.SyncType;

/**
 * Writes small c1z files with the SDK's store, shaped like the connector's: users and API keys with
 * user traits, groups with membership entitlements, databases whose levels are granted to groups
 * with a GrantExpandable annotation naming the group's member entitlement.
 */
final class TenantFile {
  private final List<Resource> resources = new ArrayList<>();
  private final Map<String, Entitlement> entitlements = new LinkedHashMap<>();
  private final List<Grant> grants = new ArrayList<>();

  static ResourceId id(String type, String id) {
    return ResourceId.newBuilder().setResourceType(type).setResource(id).build();
  }

  TenantFile user(String id, String name, String email, boolean active, Instant lastLogin) {
    return account(
        "user", id, name, email, active, lastLogin, UserTrait.AccountType.ACCOUNT_TYPE_HUMAN);
  }

  TenantFile apiKey(String id, String name) {
    return account("api_key", id, name, "", true, null, UserTrait.AccountType.ACCOUNT_TYPE_SERVICE);
  }

  private TenantFile account(
      String type,
      String id,
      String name,
      String email,
      boolean active,
      Instant lastLogin,
      UserTrait.AccountType kind) {
    UserTrait.Builder trait =
        UserTrait.newBuilder()
            .setStatus(
                UserTrait.Status.newBuilder()
                    .setStatus(
                        active
                            ? UserTrait.Status.StatusValue.STATUS_ENABLED
                            : UserTrait.Status.StatusValue.STATUS_DISABLED))
            .setAccountType(kind);
    if (!email.isEmpty()) {
      trait
          .addEmails(UserTrait.Email.newBuilder().setAddress(email).setIsPrimary(true))
          .setLogin(email);
    }
    if (lastLogin != null) {
      trait.setLastLogin(Timestamp.newBuilder().setSeconds(lastLogin.getEpochSecond()));
    }
    resources.add(
        Resource.newBuilder()
            .setId(id(type, id))
            .setDisplayName(name)
            .addAnnotations(Any.pack(trait.build()))
            .build());
    return this;
  }

  TenantFile group(String id, String name) {
    Resource group =
        Resource.newBuilder()
            .setId(id("group", id))
            .setDisplayName(name)
            .addAnnotations(Any.pack(GroupTrait.getDefaultInstance()))
            .build();
    resources.add(group);
    entitlement(group, "member");
    return this;
  }

  TenantFile resource(String type, String id, String name, String... levels) {
    Resource r = Resource.newBuilder().setId(id(type, id)).setDisplayName(name).build();
    resources.add(r);
    for (String level : levels) {
      entitlement(r, level);
    }
    return this;
  }

  private void entitlement(Resource r, String slug) {
    String id = r.getId().getResourceType() + ":" + r.getId().getResource() + ":" + slug;
    entitlements.put(
        id,
        Entitlement.newBuilder().setId(id).setResource(r).setSlug(slug).setDisplayName(id).build());
  }

  /** {@code principal} (type:id) holds {@code entitlement} directly. */
  TenantFile grant(String entitlement, String principal) {
    grants.add(base(entitlement, principal).build());
    return this;
  }

  /**
   * A grant to a group, expandable from the group's member entitlement (as the connector writes
   * them).
   */
  TenantFile groupGrant(String entitlement, String groupId, String... principalTypes) {
    GrantExpandable expandable =
        GrantExpandable.newBuilder()
            .addEntitlementIds("group:" + groupId + ":member")
            .addAllResourceTypeIds(List.of(principalTypes))
            .build();
    grants.add(base(entitlement, "group:" + groupId).addAnnotations(Any.pack(expandable)).build());
    return this;
  }

  /**
   * A grant written by an earlier expansion, naming its source; the report must recompute, not
   * trust it.
   */
  TenantFile expandedGrant(String entitlement, String principal, String source) {
    grants.add(
        base(entitlement, principal)
            .setSources(
                GrantSources.newBuilder()
                    .putSources(
                        source, GrantSources.GrantSource.newBuilder().setIsDirect(true).build()))
            .build());
    return this;
  }

  private Grant.Builder base(String entitlement, String principal) {
    Entitlement e = entitlements.get(entitlement);
    if (e == null) {
      throw new IllegalArgumentException("no entitlement " + entitlement);
    }
    String[] p = principal.split(":", 2);
    return Grant.newBuilder()
        .setId(entitlement + ":" + principal)
        .setEntitlement(e)
        .setPrincipal(Resource.newBuilder().setId(id(p[0], p[1])));
  }

  /** Writes one finished full sync into {@code file}; returns the file. */
  Path write(Path file) {
    try (C1zStore store = C1zStore.open(file, C1zOptions.defaults())) {
      String sync = store.syncRuns().start(SyncType.FULL, "");
      store
          .writer()
          .putResourceTypes(
              sync,
              List.of(
                  ResourceType.newBuilder()
                      .setId("user")
                      .setDisplayName("User")
                      .addTraits(ResourceType.Trait.TRAIT_USER)
                      .build(),
                  ResourceType.newBuilder()
                      .setId("api_key")
                      .setDisplayName("API Key")
                      .addTraits(ResourceType.Trait.TRAIT_USER)
                      .build(),
                  ResourceType.newBuilder()
                      .setId("group")
                      .setDisplayName("Group")
                      .addTraits(ResourceType.Trait.TRAIT_GROUP)
                      .build(),
                  ResourceType.newBuilder().setId("database").setDisplayName("Database").build(),
                  ResourceType.newBuilder()
                      .setId("collection")
                      .setDisplayName("Collection")
                      .build()));
      store.writer().putResources(sync, resources);
      store.writer().putEntitlements(sync, entitlements.values());
      store.writer().putGrants(sync, grants);
      store.syncRuns().end(sync, store.stats(sync).toJson());
    }
    return file;
  }
}
