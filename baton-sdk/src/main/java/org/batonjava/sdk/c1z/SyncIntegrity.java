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
 * --sync-resource-types}) is not checked. The grant rules look up each distinct entitlement and
 * principal the grants name once, reading them from indexes (not the grant rows), and fetch a grant
 * only for a reference that is missing; nothing is held in memory.
 */
final class SyncIntegrity {
  private static final String SYNCED_TYPE =
      "exists (select 1 from v1_resource_types t where t.external_id = %s and t.sync_id = ?1)";

  // Grants point at few distinct entitlements and principals: each is looked up once, from a scan
  // of an index that holds the referencing columns (no grant row is read), and a grant that names
  // a missing one is looked for only then.
  private static final String MISSING_ENTITLEMENTS =
      "select d.entitlement_id from (select distinct entitlement_id from v1_grants where sync_id = ?1) d"
          + " where not exists (select 1 from v1_entitlements e where e.external_id = d.entitlement_id"
          + " and e.sync_id = ?1)";

  private static final String GRANT_OF_ENTITLEMENT =
      "select g.external_id, g.entitlement_id from v1_grants g where g.sync_id = ?1 and g.entitlement_id = ?2"
          + " and "
          + SYNCED_TYPE.formatted("g.resource_type_id")
          + " order by g.id limit 1";

  // The principal index has no sync column: principals of every sync in the file are scanned, and
  // only a grant of this sync makes a missing one dangling.
  private static final String MISSING_PRINCIPALS =
      "select p.t, p.i from (select distinct principal_resource_type_id t, principal_resource_id i"
          + " from v1_grants) p where "
          + SYNCED_TYPE.formatted("p.t")
          + " and not exists (select 1 from v1_resources r where r.external_id = p.t || ':' || p.i"
          + " and r.sync_id = ?1)";

  private static final String GRANT_OF_PRINCIPAL =
      "select g.external_id, g.principal_resource_type_id || ':' || g.principal_resource_id from v1_grants g"
          + " where g.principal_resource_type_id = ?2 and g.principal_resource_id = ?3 and g.sync_id = ?1"
          + " order by g.id limit 1";

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
          firstOf(
              MISSING_ENTITLEMENTS,
              1,
              GRANT_OF_ENTITLEMENT,
              syncId,
              "grant %s points at entitlement %s");
      if (problem.isEmpty()) {
        problem =
            firstOf(
                MISSING_PRINCIPALS,
                2,
                GRANT_OF_PRINCIPAL,
                syncId,
                "grant %s points at principal %s");
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

  /**
   * For each row of {@code missing} (a reference of {@code columns} values that resolves to
   * nothing), the first grant of the sync that makes it, found by {@code grant}.
   */
  private Optional<String> firstOf(
      String missing, int columns, String grant, String syncId, String sentence)
      throws SQLException {
    try (PreparedStatement candidates = db.prepareStatement(missing);
        PreparedStatement grants = db.prepareStatement(grant)) {
      candidates.setString(1, syncId);
      try (ResultSet rs = candidates.executeQuery()) {
        while (rs.next()) {
          grants.setString(1, syncId);
          for (int c = 1; c <= columns; c++) {
            grants.setString(c + 1, rs.getString(c));
          }
          try (ResultSet g = grants.executeQuery()) {
            if (g.next()) {
              return Optional.of(sentence.formatted(g.getString(1), g.getString(2)));
            }
          }
        }
      }
    }
    return Optional.empty();
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
