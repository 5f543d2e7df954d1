package org.batonjava.sdk.sync;

import c1.connector.v2.ChildResourceType;
import c1.connector.v2.Entitlement;
import c1.connector.v2.Grant;
import c1.connector.v2.Resource;
import c1.connector.v2.ResourceId;
import c1.connector.v2.ResourceType;
import com.google.protobuf.Any;
import io.grpc.Status;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.batonjava.sdk.c1z.C1zStore;
import org.batonjava.sdk.c1z.Page;
import org.batonjava.sdk.connector.Annotations;
import org.batonjava.sdk.connector.ConnectorException;
import org.batonjava.sdk.connector.PageRequest;
import org.batonjava.sdk.connector.PageResult;
import org.batonjava.sdk.connector.ResourceSyncer;

/** The work of each sync operation: ask the connector for one page, store it, move the stack on. */
final class SyncSteps {
  /** Stored resources per step of a root entitlement/grant action. */
  static final int RESOURCES_PER_STEP = 100;

  private final Map<String, ResourceSyncer> syncers = new LinkedHashMap<>();
  private final C1zStore store;
  private final String syncId;
  private final SyncState state;
  private final SyncScope scope;
  private final Retryer retryer;
  private final SyncProgress progress;
  private final boolean expandGrants;
  private final Set<String> scheduledChildren = new HashSet<>();

  /**
   * Resources of the last planned page, so their actions need not read them back from the store.
   */
  private final Map<String, Resource> planned = new java.util.HashMap<>();

  private int warnings;

  SyncSteps(
      List<ResourceSyncer> syncerList,
      C1zStore store,
      String syncId,
      SyncState state,
      SyncScope scope,
      Retryer retryer,
      SyncProgress progress,
      boolean expandGrants) {
    for (ResourceSyncer s : syncerList) {
      syncers.put(s.resourceType().getId(), s);
    }
    this.store = store;
    this.syncId = syncId;
    this.state = state;
    this.scope = scope;
    this.retryer = retryer;
    this.progress = progress;
    this.expandGrants = expandGrants;
  }

  /** Runs one step of the top action. */
  void step(Action a, Runnable checkCancelled) {
    switch (a.operation()) {
      case INIT -> init(a);
      case LIST_RESOURCE_TYPES -> listResourceTypes(a);
      case LIST_RESOURCES -> {
        if (a.resourceTypeId().isEmpty()) {
          planResourceTypes(a);
        } else {
          listResources(a);
        }
      }
      case LIST_ENTITLEMENTS, LIST_GRANTS -> {
        if (a.forResource()) {
          completePage(a, fetchPage(a, storedResource(a)));
        } else {
          planPerResource(a);
        }
      }
      case GRANT_EXPANSION -> expand(a, checkCancelled);
    }
  }

  private void init(Action a) {
    state.finish(a);
    if (!state.skipEntitlementsAndGrants()) {
      if (expandGrants) {
        state.push(Operation.GRANT_EXPANSION, "", "", "", "", "");
      }
      state.push(Operation.LIST_GRANTS, "", "", "", "", "");
      state.push(Operation.LIST_ENTITLEMENTS, "", "", "", "", "");
    }
    state.push(Operation.LIST_RESOURCES, "", "", "", "", "");
    state.push(Operation.LIST_RESOURCE_TYPES, "", "", "", "", "");
  }

  private void listResourceTypes(Action a) {
    progress.phase("Syncing resource types...");
    List<ResourceType> types = new ArrayList<>();
    for (ResourceSyncer s : syncers.values()) {
      ResourceType t = s.resourceType();
      if (!t.getId().isEmpty() && scope.wanted(t.getId())) {
        types.add(t);
        scope.synced(t);
      }
    }
    Set<String> missing = new TreeSet<>(scope.requested());
    missing.removeIf(scope::isSynced);
    if (!missing.isEmpty()) {
      throw new ConnectorException(
          Status.Code.INVALID_ARGUMENT,
          "--sync-resource-types names unknown resource type(s) "
              + String.join(", ", missing)
              + "; this connector has "
              + String.join(", ", syncers.keySet()));
    }
    store.writer().putResourceTypes(syncId, types);
    progress.count("resource types", types.size());
    state.finish(a);
  }

  private void planResourceTypes(Action a) {
    progress.phase("Syncing resources...");
    state.finish(a);
    // Pushed in reverse so the first type is on top and runs first.
    List<ResourceType> types = store.reader().allResourceTypes(syncId);
    for (int i = types.size() - 1; i >= 0; i--) {
      state.push(Operation.LIST_RESOURCES, types.get(i).getId(), "", "", "", "");
    }
  }

  private void listResources(Action a) {
    ResourceSyncer syncer = syncer(a.resourceTypeId());
    ResourceType type = scope.type(a.resourceTypeId()).orElseThrow();
    Optional<ResourceId> parent =
        a.hasParent()
            ? Optional.of(
                ResourceId.newBuilder()
                    .setResourceType(a.parentResourceTypeId())
                    .setResource(a.parentResourceId())
                    .build())
            : Optional.empty();
    PageResult<Resource> page =
        retryer.call(
            "listing " + a.resourceTypeId() + " resources",
            () -> syncer.list(parent, new PageRequest(a.pageToken(), 0, syncId)));
    requireNewToken(a, page.nextToken(), "resources of type " + a.resourceTypeId());
    List<Resource> accepted = scope.acceptResources(type, page.items());
    store.writer().putResources(syncId, accepted);
    progress.count("resources", accepted.size());
    advance(a, page.nextToken());
    // Children are listed depth-first, before the next page of this type; pushed in reverse to keep
    // order.
    List<String[]> children = new ArrayList<>();
    for (Resource r : accepted) {
      for (Any any : r.getAnnotationsList()) {
        if (Annotations.is(any, ChildResourceType.class)) {
          String child =
              Annotations.find(List.of(any), ChildResourceType.class)
                  .orElseThrow()
                  .getResourceTypeId();
          String key = child + "|" + r.getId().getResourceType() + "|" + r.getId().getResource();
          if (scope.isSynced(child) && scheduledChildren.add(key)) {
            children.add(
                new String[] {child, r.getId().getResourceType(), r.getId().getResource()});
          }
        }
      }
    }
    for (int i = children.size() - 1; i >= 0; i--) {
      String[] c = children.get(i);
      state.push(Operation.LIST_RESOURCES, c[0], "", c[1], c[2], "");
    }
  }

  /**
   * Root entitlement/grant action: schedule one action for each stored resource of the next page.
   */
  private void planPerResource(Action a) {
    progress.phase(
        a.operation() == Operation.LIST_ENTITLEMENTS
            ? "Syncing entitlements..."
            : "Syncing grants...");
    if (a.operation() == Operation.LIST_GRANTS) {
      // Grants are appended without index upkeep; reading them (expansion, stats, the integrity
      // check) builds the indexes once.
      store.beginBulkLoad();
    }
    Page<Resource> page =
        store.reader().listResources(syncId, Optional.empty(), a.pageToken(), RESOURCES_PER_STEP);
    advance(a, page.nextPageToken());
    List<Resource> due = new ArrayList<>();
    planned.clear();
    for (Resource r : page.items()) {
      Optional<ResourceType> type = scope.type(r.getId().getResourceType());
      if (type.isEmpty()) {
        continue;
      }
      boolean skip =
          a.operation() == Operation.LIST_ENTITLEMENTS
              ? !offersEntitlements(type.get()) || scope.skipsEntitlements(type.get(), r)
              : scope.skipsGrants(type.get(), r);
      if (!skip) {
        due.add(r);
        planned.put(r.getId().getResourceType() + ":" + r.getId().getResource(), r);
      }
    }
    for (int i = due.size() - 1; i >= 0; i--) {
      Resource r = due.get(i);
      state.push(a.operation(), r.getId().getResourceType(), r.getId().getResource(), "", "", "");
    }
  }

  /** The stored resource a per-resource action is about (read on the engine thread). */
  Resource storedResource(Action a) {
    Resource cached = planned.get(a.resourceTypeId() + ":" + a.resourceId());
    if (cached != null) {
      return cached;
    }
    return store
        .reader()
        .getResource(syncId, a.resourceTypeId(), a.resourceId())
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "resource "
                        + a.resourceTypeId()
                        + ":"
                        + a.resourceId()
                        + " vanished from the store"));
  }

  /**
   * The connector call of a per-resource action; touches no store, so worker threads may run it.
   * Returns null for a not-found answer (a warning, not an error).
   */
  PageResult<?> fetchPage(Action a, Resource resource) {
    ResourceSyncer syncer = syncer(a.resourceTypeId());
    PageRequest request = new PageRequest(a.pageToken(), 0, syncId);
    try {
      PageResult<?> page =
          a.operation() == Operation.LIST_ENTITLEMENTS
              ? retryer.call(
                  "listing entitlements of " + a.resourceTypeId() + ":" + a.resourceId(),
                  () -> syncer.entitlements(resource, request))
              : retryer.call(
                  "listing grants of " + a.resourceTypeId() + ":" + a.resourceId(),
                  () -> syncer.grants(resource, request));
      requireNewToken(
          a,
          page.nextToken(),
          a.operation().wireName() + " of " + a.resourceTypeId() + ":" + a.resourceId());
      return page;
    } catch (ConnectorException e) {
      if (e.code() == Status.Code.NOT_FOUND) {
        return null;
      }
      throw e;
    }
  }

  /**
   * Stores a fetched page and advances (or finishes) its action. A null page is a not-found
   * warning.
   */
  @SuppressWarnings("unchecked")
  void completePage(Action a, PageResult<?> page) {
    if (page == null) {
      warnings++;
      progress.warning(
          a.operation().wireName()
              + " of "
              + a.resourceTypeId()
              + ":"
              + a.resourceId()
              + " returned not found; skipped");
      state.finish(a);
      if (warnings > 10 && warnings * 10L > state.completedActions()) {
        throw new ConnectorException(
            Status.Code.ABORTED,
            "too many not-found warnings ("
                + warnings
                + " of "
                + state.completedActions()
                + " actions); stopping the sync");
      }
      return;
    }
    if (a.operation() == Operation.LIST_ENTITLEMENTS) {
      List<Entitlement> accepted = scope.acceptEntitlements((List<Entitlement>) page.items());
      store.writer().putEntitlements(syncId, accepted);
      progress.count("entitlements", accepted.size());
    } else {
      List<Grant> accepted = scope.acceptGrants((List<Grant>) page.items(), state::needsExpansion);
      store.writer().putGrants(syncId, accepted);
      progress.count("grants", accepted.size());
    }
    advance(a, page.nextToken());
  }

  private void expand(Action a, Runnable checkCancelled) {
    store.syncRuns().markSupportsDiff(syncId);
    progress.phase("Expanding grants...");
    if (state.expansionNeeded() || hasExpandableGrants()) {
      new GrantExpander(store, syncId, checkCancelled).run();
    }
    state.finish(a);
  }

  private boolean hasExpandableGrants() {
    return !store.reader().listGrantsNeedingExpansion(syncId, "", 1).items().isEmpty();
  }

  private void advance(Action a, String nextToken) {
    if (nextToken.isEmpty()) {
      state.finish(a);
    } else {
      state.update(a.withToken(nextToken));
    }
  }

  private static void requireNewToken(Action a, String next, String what) {
    if (!next.isEmpty() && next.equals(a.pageToken())) {
      throw new ConnectorException(
          Status.Code.INTERNAL,
          "connector bug: listing "
              + what
              + " returned the same page token twice ("
              + abbreviate(next)
              + "); stopping instead of looping forever");
    }
  }

  private static String abbreviate(String token) {
    return token.length() <= 40 ? token : token.substring(0, 40) + "...";
  }

  /** False only when the type's syncer says none of its resources offers entitlements. */
  private boolean offersEntitlements(ResourceType type) {
    ResourceSyncer s = syncers.get(type.getId());
    return s == null || s.offersEntitlements();
  }

  private ResourceSyncer syncer(String type) {
    ResourceSyncer s = syncers.get(type);
    if (s == null) {
      throw new IllegalStateException("no syncer for resource type " + type);
    }
    return s;
  }

  int warnings() {
    return warnings;
  }
}
