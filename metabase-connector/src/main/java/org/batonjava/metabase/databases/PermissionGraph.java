package org.batonjava.metabase.databases;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.batonjava.metabase.http.MetabaseJson;

/**
 * The database entitlements every group holds, from one read of the whole data-permission graph
 * ({@code GET /api/permissions/graph}) per sync instead of one call per database. Only the compact
 * result is kept; per database the grants are ordered by group id, then in the model's entitlement
 * order. With extended access the same single pass also keeps each group's {@link
 * FineGrainedRights} (downloads, metadata, manage database, blocked / impersonated / sandboxed, and
 * partial per-table rights with their scope).
 */
public final class PermissionGraph {
  /** A group holding a database entitlement. */
  record GroupPermission(long groupId, DatabasePermission permission) {}

  /** A group holding a fine-grained right on a database. */
  record GroupRight(long groupId, FineGrainedRights.Right right) {}

  private final Map<Long, List<GroupPermission>> byDatabase;
  private final Map<Long, List<GroupRight>> rightsByDatabase;

  private PermissionGraph(
      Map<Long, List<GroupPermission>> byDatabase, Map<Long, List<GroupRight>> rightsByDatabase) {
    this.byDatabase = byDatabase;
    this.rightsByDatabase = rightsByDatabase;
  }

  public static PermissionGraph read(DatabasesApi client, PermissionModel model) {
    return read(client, model, false, false);
  }

  /**
   * Reads the whole data-permission graph once, streamed, keeping only what the sync reports.
   *
   * @param fineGrained also keep the {@link FineGrainedRights} (extended access)
   * @param paid whether the paid-only rights are offered (the token has advanced permissions)
   */
  public static PermissionGraph read(
      DatabasesApi client, PermissionModel model, boolean fineGrained, boolean paid) {
    Map<Long, TreeMap<Long, List<DatabasePermission>>> collected = new HashMap<>();
    Map<Long, TreeMap<Long, List<FineGrainedRights.Right>>> rights = new HashMap<>();
    boolean legacy = model instanceof LegacyDataPermissions;
    client
        .permissionGraph()
        .read(
            (groupId, key, permissions) -> {
              OptionalLong databaseId = MetabaseJson.parseId(key);
              if (databaseId.isEmpty()) {
                return;
              }
              if (fineGrained) {
                List<FineGrainedRights.Right> held =
                    FineGrainedRights.of(permissions, legacy, paid);
                if (!held.isEmpty()) {
                  rights
                      .computeIfAbsent(databaseId.getAsLong(), d -> new TreeMap<>())
                      .put(groupId, held);
                }
              }
              List<DatabasePermission> granted =
                  model.granted(groupId, databaseId.getAsLong(), permissions);
              if (!granted.isEmpty()) {
                collected
                    .computeIfAbsent(databaseId.getAsLong(), d -> new TreeMap<>())
                    .put(groupId, granted);
              }
            });
    Map<Long, List<GroupPermission>> byDatabase = new HashMap<>();
    collected.forEach(
        (databaseId, groups) -> {
          List<GroupPermission> list = new ArrayList<>();
          groups.forEach(
              (groupId, permissions) -> {
                for (DatabasePermission p : model.permissions()) {
                  if (permissions.contains(p)) {
                    list.add(new GroupPermission(groupId, p));
                  }
                }
              });
          byDatabase.put(databaseId, List.copyOf(list));
        });
    Map<Long, List<GroupRight>> rightsByDatabase = new HashMap<>();
    rights.forEach(
        (databaseId, groups) -> {
          List<GroupRight> list = new ArrayList<>();
          groups.forEach(
              (groupId, held) -> held.forEach(r -> list.add(new GroupRight(groupId, r))));
          rightsByDatabase.put(databaseId, List.copyOf(list));
        });
    return new PermissionGraph(byDatabase, rightsByDatabase);
  }

  /** The fine-grained rights on a database, by group id (empty unless read with them). */
  List<GroupRight> rightsOn(long databaseId) {
    return rightsByDatabase.getOrDefault(databaseId, List.of());
  }

  public List<GroupPermission> on(long databaseId) {
    return byDatabase.getOrDefault(databaseId, List.of());
  }
}
