package org.batonjava.metabase.connector;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.batonjava.metabase.client.MetabaseClient;

/**
 * The database entitlements every group holds, from one read of the whole data-permission graph
 * ({@code GET /api/permissions/graph}) per sync instead of one call per database. Only the compact result is
 * kept; per database the grants are ordered by group id, then in the model's entitlement order.
 */
final class PermissionGraph {
  /** A group holding a database entitlement. */
  record GroupPermission(long groupId, DatabasePermission permission) {}

  private final Map<Long, List<GroupPermission>> byDatabase;

  private PermissionGraph(Map<Long, List<GroupPermission>> byDatabase) {
    this.byDatabase = byDatabase;
  }

  static PermissionGraph read(MetabaseClient client, PermissionModel model) {
    Map<Long, TreeMap<Long, List<DatabasePermission>>> collected = new HashMap<>();
    client.readPermissionGraph((groupId, databaseId, permissions) -> {
      List<DatabasePermission> granted = model.granted(groupId, databaseId, permissions);
      if (!granted.isEmpty()) {
        collected.computeIfAbsent(databaseId, d -> new TreeMap<>()).put(groupId, granted);
      }
    });
    Map<Long, List<GroupPermission>> byDatabase = new HashMap<>();
    collected.forEach((databaseId, groups) -> {
      List<GroupPermission> list = new ArrayList<>();
      groups.forEach((groupId, permissions) -> {
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

  List<GroupPermission> on(long databaseId) {
    return byDatabase.getOrDefault(databaseId, List.of());
  }
}
