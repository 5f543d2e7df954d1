package org.batonjava.metabase.sim.databases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One data-permission graph model: what a per-database entry looks like, how a PUT changes it, and
 * how it is shown. Implemented by {@link LegacyDataPermissions} (0.49) and {@link
 * CreateQueriesPermissions} (0.50+).
 */
public interface PermissionModel {

  /**
   * True for the 0.49 model, whose revision rules differ (checked and bumped only when something
   * changes).
   */
  boolean legacy();

  /**
   * The stored entry for a dataset grant.
   *
   * @param download {@code full}, {@code limited} or null
   */
  ObjectNode seed(DataAccess access, String download);

  /** The entry a newly created group gets on every database, or null for none. */
  ObjectNode defaultForNewGroup();

  /** The synthesized Administrators entry. */
  ObjectNode adminEntry();

  /** The API form of a stored entry, least-permissive values elided (may be empty). */
  ObjectNode render(ObjectNode stored);

  /**
   * Applies a requested per-database entry to the stored one.
   *
   * @param current the stored entry or null
   * @param requested the request's value for this group and database
   * @param paid whether the instance runs a paid build
   * @return the new stored entry
   * @throws org.batonjava.metabase.sim.http.ApiException 400 for an invalid graph, 402 for
   *     paid-only values
   */
  ObjectNode apply(ObjectNode current, JsonNode requested, boolean paid);

  /** Whether a group with this stored entry may see the database in GET /api/database. */
  boolean canRead(ObjectNode stored);
}
