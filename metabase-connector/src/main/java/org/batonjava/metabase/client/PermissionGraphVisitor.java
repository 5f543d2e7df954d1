package org.batonjava.metabase.client;

import com.fasterxml.jackson.databind.JsonNode;

/** Receives the data-permission graph one (group, database) entry at a time, in the order Metabase sends it. */
@FunctionalInterface
public interface PermissionGraphVisitor {
  /**
   * @param groupId the group
   * @param databaseId the database
   * @param permissions that group's permissions on that database, as Metabase sent them (any version's shape,
   *     granular values included)
   */
  void entry(long groupId, long databaseId, JsonNode permissions);
}
