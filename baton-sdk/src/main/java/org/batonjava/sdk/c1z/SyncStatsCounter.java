package org.batonjava.sdk.c1z;

import c1.connector.v2.ResourceType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** Counts the rows of one sync the way baton-sdk does for {@link SyncStats}. */
final class SyncStatsCounter {
  private final Connection db;
  private final RowReader reader;

  SyncStatsCounter(Connection db, RowReader reader) {
    this.db = db;
    this.reader = reader;
  }

  SyncStats count(String syncId, SyncType type) {
    // Every known resource type gets an entry, zero included; resources of unknown types are
    // ignored.
    SortedMap<String, Long> resourcesByType = new TreeMap<>();
    List<ResourceType> types = reader.allResourceTypes(syncId);
    types.forEach(t -> resourcesByType.put(t.getId(), 0L));
    long typeCount = types.size();
    long resources = 0;
    for (var entry : countByType("v1_resources", syncId, false).entrySet()) {
      if (resourcesByType.containsKey(entry.getKey())) {
        resourcesByType.put(entry.getKey(), entry.getValue());
        resources += entry.getValue();
      }
    }
    SortedMap<String, Long> entitlementsByType = new TreeMap<>();
    SortedMap<String, Long> grantsByType = new TreeMap<>();
    if (type != SyncType.RESOURCES_ONLY) {
      entitlementsByType = countByType("v1_entitlements", syncId, false);
      grantsByType = grantsByType(syncId);
    }
    return new SyncStats(
        typeCount,
        resources,
        sum(entitlementsByType),
        sum(grantsByType),
        countAssets(syncId),
        resourcesByType,
        grantsByType,
        entitlementsByType,
        new TreeMap<>());
  }

  /**
   * Grants of the sync by resource type. When every grant in the file is the sync's (a file that
   * holds one sync), they are counted from the index on (resource_type_id, resource_id) alone, and
   * whether another sync has grants is answered from an index that holds sync_id: two scans of
   * small indexes instead of one of the grant rows (0.11-0.20 against 0.34-0.57 s on a 50,000-user
   * sync's 842,862 grants, sqlite3; BENCHMARKS.md). Otherwise the rows are read straight through
   * the table: the planner's choice, the same index, would visit them in random order to check
   * their sync, which took 2.0 s on that sync against 0.3 s in order.
   */
  private SortedMap<String, Long> grantsByType(String syncId) {
    try (PreparedStatement ps =
        db.prepareStatement("select exists (select 1 from v1_grants where sync_id != ?)")) {
      ps.setString(1, syncId);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next() && rs.getInt(1) != 0) {
          return countByType("v1_grants", syncId, true);
        }
      }
    } catch (SQLException e) {
      throw new C1zException("could not count v1_grants: " + e.getMessage(), e);
    }
    try (PreparedStatement ps =
        db.prepareStatement(
            "select resource_type_id, count(*) from v1_grants group by resource_type_id")) {
      return counts(ps);
    } catch (SQLException e) {
      throw new C1zException("could not count v1_grants: " + e.getMessage(), e);
    }
  }

  /** Rows of the sync by resource type; {@code inRowOrder}: a table scan, never an index. */
  private SortedMap<String, Long> countByType(String table, String syncId, boolean inRowOrder) {
    try (PreparedStatement ps =
        db.prepareStatement(
            "select resource_type_id, count(*) from "
                + table
                + (inRowOrder ? " not indexed" : "")
                + " where sync_id = ? group by resource_type_id")) {
      ps.setString(1, syncId);
      return counts(ps);
    } catch (SQLException e) {
      throw new C1zException("could not count " + table + ": " + e.getMessage(), e);
    }
  }

  /** The (resource type, count) rows a counting query answers. */
  private static SortedMap<String, Long> counts(PreparedStatement ps) throws SQLException {
    SortedMap<String, Long> counts = new TreeMap<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        counts.put(rs.getString(1), rs.getLong(2));
      }
    }
    return counts;
  }

  private long countAssets(String syncId) {
    try (PreparedStatement ps =
        db.prepareStatement("select count(*) from v1_assets where sync_id = ?")) {
      ps.setString(1, syncId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    } catch (SQLException e) {
      throw new C1zException("could not count assets: " + e.getMessage(), e);
    }
  }

  private static long sum(SortedMap<String, Long> counts) {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }
}
