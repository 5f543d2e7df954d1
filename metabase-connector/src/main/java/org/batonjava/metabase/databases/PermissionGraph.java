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
 * order.
 */
public final class PermissionGraph {
  /** A group holding a database entitlement. */
  record GroupPermission(long groupId, DatabasePermission permission) {}

  private final Map<Long, List<GroupPermission>> byDatabase;

  private PermissionGraph(Map<Long, List<GroupPermission>> byDatabase) {
    this.byDatabase = byDatabase;
  }

  public static PermissionGraph read(DatabasesApi client, PermissionModel model) {
    Map<Long, TreeMap<Long, List<DatabasePermission>>> collected = new HashMap<>();
    client
        .permissionGraph()
        .read(
            (groupId, key, permissions) -> {
              OptionalLong databaseId = MetabaseJson.parseId(key);
              if (databaseId.isEmpty()) {
                return;
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
    return new PermissionGraph(byDatabase);
  }

  public List<GroupPermission> on(long databaseId) {
    return byDatabase.getOrDefault(databaseId, List.of());
  }
}
