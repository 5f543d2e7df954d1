package org.batonjava.sdk.c1z;

import c1.connector.v2.Entitlement;
import c1.connector.v2.Grant;
import c1.connector.v2.Resource;
import c1.connector.v2.ResourceType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;

/**
 * Streams rows into the store with upsert semantics on (external_id, sync_id). Rows are bound into
 * prepared-statement batches and committed every {@code batchRows} rows, so memory stays bounded no
 * matter how many rows a sync writes. Call {@link #flush()} before anything that must see the rows
 * on disk.
 */
public final class RowWriter implements AutoCloseable {
  private static final String UPSERT_DATA =
      " on conflict (external_id, sync_id) do update set data = excluded.data";

  private final Connection db;
  private final SyncTime time;
  private final Clock clock;
  private final int batchRows;
  private final Runnable markDirty;
  private final PreparedStatement resourceTypes;
  private final PreparedStatement resources;
  private final PreparedStatement entitlements;
  private final PreparedStatement grants;
  private final PreparedStatement expandedGrants;
  private int pending;
  private long written;

  RowWriter(Connection db, SyncTime time, Clock clock, int batchRows, Runnable markDirty) {
    this.db = db;
    this.time = time;
    this.clock = clock;
    this.batchRows = batchRows;
    this.markDirty = markDirty;
    try {
      resourceTypes =
          db.prepareStatement(
              "insert into v1_resource_types (external_id, data, sync_id, discovered_at) values (?, ?, ?, ?)"
                  + UPSERT_DATA);
      resources =
          db.prepareStatement(
              "insert into v1_resources (resource_type_id, external_id, parent_resource_type_id,"
                  + " parent_resource_id, data, sync_id, discovered_at) values (?, ?, ?, ?, ?, ?, ?)"
                  + UPSERT_DATA);
      entitlements =
          db.prepareStatement(
              "insert into v1_entitlements (resource_type_id, resource_id, external_id, data, sync_id,"
                  + " discovered_at) values (?, ?, ?, ?, ?, ?)"
                  + UPSERT_DATA);
      String grantInsert =
          "insert into v1_grants (resource_type_id, resource_id, entitlement_id,"
              + " principal_resource_type_id, principal_resource_id, external_id, expansion,"
              + " needs_expansion, data, sync_id, discovered_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
      grants =
          db.prepareStatement(
              grantInsert
                  + " on conflict (external_id, sync_id) do update set data = excluded.data,"
                  + " expansion = excluded.expansion,"
                  + " needs_expansion = case when excluded.expansion is null then 0"
                  + " when v1_grants.expansion is null or v1_grants.expansion <> excluded.expansion then 1"
                  + " else v1_grants.needs_expansion end");
      // Grants made by expansion keep whatever expansion data the row already has.
      expandedGrants = db.prepareStatement(grantInsert + UPSERT_DATA);
    } catch (SQLException e) {
      throw new C1zException("could not prepare the store for writing: " + e.getMessage(), e);
    }
  }

  public void putResourceTypes(String syncId, Iterable<ResourceType> types) {
    String now = now();
    try {
      for (ResourceType type : types) {
        requireId(type.getId(), "resource type");
        resourceTypes.setString(1, type.getId());
        resourceTypes.setBytes(2, ProtoBytes.deterministic(type));
        resourceTypes.setString(3, syncId);
        resourceTypes.setString(4, now);
        add(resourceTypes);
      }
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  public void putResources(String syncId, Iterable<Resource> list) {
    String now = now();
    try {
      for (Resource r : list) {
        String type = r.getId().getResourceType();
        requireId(type, "resource type of a resource");
        requireId(r.getId().getResource(), "resource");
        resources.setString(1, type);
        resources.setString(2, type + ":" + r.getId().getResource());
        if (r.hasParentResourceId()) {
          resources.setString(3, r.getParentResourceId().getResourceType());
          resources.setString(4, r.getParentResourceId().getResource());
        } else {
          resources.setNull(3, Types.VARCHAR);
          resources.setNull(4, Types.VARCHAR);
        }
        resources.setBytes(5, ProtoBytes.deterministic(r));
        resources.setString(6, syncId);
        resources.setString(7, now);
        add(resources);
      }
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  public void putEntitlements(String syncId, Iterable<Entitlement> list) {
    String now = now();
    try {
      for (Entitlement e : list) {
        requireId(e.getId(), "entitlement");
        entitlements.setString(1, e.getResource().getId().getResourceType());
        entitlements.setString(2, e.getResource().getId().getResource());
        entitlements.setString(3, e.getId());
        entitlements.setBytes(4, ProtoBytes.deterministic(e));
        entitlements.setString(5, syncId);
        entitlements.setString(6, now);
        add(entitlements);
      }
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  /**
   * Grants from a connector: a {@code GrantExpandable} annotation moves into the expansion column.
   */
  public void putGrants(String syncId, Iterable<Grant> list) {
    putGrants(syncId, list, grants);
  }

  /** Grants made by grant expansion: existing expansion data of the row is kept. */
  public void putExpandedGrants(String syncId, Iterable<Grant> list) {
    putGrants(syncId, list, expandedGrants);
  }

  /**
   * A grant made by grant expansion, already encoded as the store keeps it (no {@code
   * GrantExpandable} annotation in {@code data}); existing expansion data of the row is kept.
   */
  public void putExpandedGrant(String syncId, EncodedGrant grant) {
    requireId(grant.id(), "grant");
    try {
      expandedGrants.setString(1, grant.entitlementResourceType());
      expandedGrants.setString(2, grant.entitlementResourceId());
      expandedGrants.setString(3, grant.entitlementId());
      expandedGrants.setString(4, grant.principalType());
      expandedGrants.setString(5, grant.principalId());
      expandedGrants.setString(6, grant.id());
      expandedGrants.setNull(7, Types.BLOB);
      expandedGrants.setInt(8, 0);
      expandedGrants.setBytes(9, grant.data());
      expandedGrants.setString(10, syncId);
      expandedGrants.setString(11, now());
      add(expandedGrants);
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  private void putGrants(String syncId, Iterable<Grant> list, PreparedStatement ps) {
    String now = now();
    try {
      for (Grant g : list) {
        requireId(g.getId(), "grant");
        GrantRow row = GrantRow.of(g);
        var entitlementResource = g.getEntitlement().getResource().getId();
        ps.setString(1, entitlementResource.getResourceType());
        ps.setString(2, entitlementResource.getResource());
        ps.setString(3, g.getEntitlement().getId());
        ps.setString(4, g.getPrincipal().getId().getResourceType());
        ps.setString(5, g.getPrincipal().getId().getResource());
        ps.setString(6, g.getId());
        if (row.expansion().isPresent()) {
          ps.setBytes(7, ProtoBytes.deterministic(row.expansion().get()));
          ps.setInt(8, 1);
        } else {
          ps.setNull(7, Types.BLOB);
          ps.setInt(8, 0);
        }
        ps.setBytes(9, ProtoBytes.deterministic(row.stripped()));
        ps.setString(10, syncId);
        ps.setString(11, now);
        add(ps);
      }
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  /** Writes every pending row and commits. */
  public void flush() {
    if (pending == 0) {
      return;
    }
    try {
      resourceTypes.executeBatch();
      resources.executeBatch();
      entitlements.executeBatch();
      grants.executeBatch();
      expandedGrants.executeBatch();
      db.commit();
    } catch (SQLException e) {
      try {
        db.rollback();
      } catch (SQLException ignored) {
        // The original failure is the one to report.
      }
      throw failure(e);
    } finally {
      written += pending;
      pending = 0;
    }
  }

  /** Rows handed to this writer so far (flushed or pending). */
  public long rowsWritten() {
    return written + pending;
  }

  @Override
  public void close() {
    for (PreparedStatement ps :
        new PreparedStatement[] {resourceTypes, resources, entitlements, grants, expandedGrants}) {
      try {
        ps.close();
      } catch (SQLException ignored) {
        // Closing a statement cannot lose data: flush() has committed or failed already.
      }
    }
  }

  private void add(PreparedStatement ps) throws SQLException {
    ps.addBatch();
    markDirty.run();
    if (++pending >= batchRows) {
      flush();
    }
  }

  private String now() {
    return time.format(clock.instant());
  }

  private static void requireId(String id, String what) {
    if (id == null || id.isEmpty()) {
      throw new C1zException("cannot store a " + what + " without an id");
    }
  }

  private static C1zException failure(SQLException e) {
    return new C1zException("could not write to the store: " + e.getMessage(), e);
  }
}
