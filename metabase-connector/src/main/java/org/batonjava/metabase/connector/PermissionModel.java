package org.batonjava.metabase.connector;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.batonjava.metabase.client.ServerVersion;

/** How one Metabase line expresses data permissions, and which database entitlements that gives a group. */
public interface PermissionModel {
  /** A short name for logs. */
  String name();

  /** The database entitlements, in the order they are listed. */
  List<DatabasePermission> permissions();

  /**
   * What a group holds on a database, given its entry of the permission graph; empty when nothing qualifies
   * at database level (including granular per-schema or per-table values).
   */
  List<DatabasePermission> granted(long groupId, long databaseId, JsonNode permissions);

  /** The 0.49 data-access model for 0.49, the create-queries model for 0.50 and newer. */
  static PermissionModel forVersion(ServerVersion version) {
    return version.minor() <= 49 ? new LegacyDataPermissions() : new CreateQueriesPermissions();
  }
}
