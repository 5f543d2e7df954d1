package org.batonjava.sdk.c1z;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Checks, before a sync is marked finished, that every reference in it points at something in the
 * same sync: each grant's entitlement and principal, and each entitlement's resource. A reference
 * to an object of a resource type this sync did not sync (a sync limited with {@code
 * --sync-resource-types}) is not checked. Each rule is one SQL statement that stops at the first
 * dangling reference; the lookups use the unique {@code (external_id, sync_id)} indexes, so the
 * check reads each row once and holds nothing in memory.
 */
final class SyncIntegrity {
  private static final String SYNCED_TYPE =
      "exists (select 1 from v1_resource_types t where t.external_id = %s and t.sync_id = ?1)";

  private static final String GRANT_WITHOUT_ENTITLEMENT =
      "select g.external_id, g.entitlement_id from v1_grants g where g.sync_id = ?1 and "
          + SYNCED_TYPE.formatted("g.resource_type_id")
          + " and not exists (select 1 from v1_entitlements e where e.external_id = g.entitlement_id"
          + " and e.sync_id = ?1) limit 1";

  private static final String GRANT_WITHOUT_PRINCIPAL =
      "select g.external_id, g.principal_resource_type_id || ':' || g.principal_resource_id from v1_grants g"
          + " where g.sync_id = ?1 and "
          + SYNCED_TYPE.formatted("g.principal_resource_type_id")
          + " and not exists (select 1 from v1_resources r where"
          + " r.external_id = g.principal_resource_type_id || ':' || g.principal_resource_id and r.sync_id = ?1)"
          + " limit 1";

  private static final String ENTITLEMENT_WITHOUT_RESOURCE =
      "select e.external_id, e.resource_type_id || ':' || e.resource_id from v1_entitlements e"
          + " where e.sync_id = ?1 and not exists (select 1 from v1_resources r where"
          + " r.external_id = e.resource_type_id || ':' || e.resource_id and r.sync_id = ?1) limit 1";

  private final Connection db;

  SyncIntegrity(Connection db) {
    this.db = db;
  }

  /**
   * The first dangling reference of the sync, as one sentence, or empty when every reference
   * resolves.
   */
  Optional<String> firstDanglingReference(String syncId) {
    try {
      Optional<String> problem =
          first(GRANT_WITHOUT_ENTITLEMENT, syncId, "grant %s points at entitlement %s");
      if (problem.isEmpty()) {
        problem = first(GRANT_WITHOUT_PRINCIPAL, syncId, "grant %s points at principal %s");
      }
      if (problem.isEmpty()) {
        problem =
            first(ENTITLEMENT_WITHOUT_RESOURCE, syncId, "entitlement %s points at resource %s");
      }
      return problem.map(p -> p + ", which is not in the same sync");
    } catch (SQLException e) {
      throw new C1zException("could not check the sync's references: " + e.getMessage(), e);
    }
  }

  private Optional<String> first(String sql, String syncId, String sentence) throws SQLException {
    try (PreparedStatement ps = db.prepareStatement(sql)) {
      ps.setString(1, syncId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(sentence.formatted(rs.getString(1), rs.getString(2)))
            : Optional.empty();
      }
    }
  }
}
