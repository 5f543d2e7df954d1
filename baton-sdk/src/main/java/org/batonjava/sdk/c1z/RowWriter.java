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
 * prepared-statement batches, handed to SQLite every {@value #STATEMENT_BATCH_ROWS} rows in the
 * order they were written, and committed every {@code batchRows} rows, so memory stays bounded no
 * matter how many rows a sync writes. Call {@link #flush()} before anything that must see the rows
 * on disk.
 *
 * <p>During a bulk load of grants ({@link C1zStore#beginBulkLoad()}) connector grants are appended
 * instead (the unique index an upsert needs is not there); {@link BulkLoad} merges repeats when the
 * load ends. Grant statements are therefore prepared lazily, for the mode in force.
 */
public final class RowWriter implements AutoCloseable {
  private static final String UPSERT_DATA =
      " on conflict (external_id, sync_id) do update set data = excluded.data";
  private static final String GRANT_COLUMNS =
      "insert into v1_grants (resource_type_id, resource_id, entitlement_id,"
          + " principal_resource_type_id, principal_resource_id, external_id, expansion,"
          + " needs_expansion, data, sync_id, discovered_at) values ";
  private static final String GRANT_INSERT = GRANT_COLUMNS + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  /** A connector grant: the sync id and time are literals (see {@link StampedStatement}). */
  private static final String STAMPED_GRANT_INSERT =
      GRANT_COLUMNS
          + "(?, ?, ?, ?, ?, ?, ?, ?, ?, "
          + StampedStatement.SYNC_ID
          + ", "
          + StampedStatement.DISCOVERED_AT
          + ")";

  /** A grant made by expansion, already encoded: never any expansion data of its own. */
  private static final String ENCODED_GRANT_INSERT =
      GRANT_COLUMNS
          + "(?, ?, ?, ?, ?, ?, null, 0, ?, "
          + StampedStatement.SYNC_ID
          + ", "
          + StampedStatement.DISCOVERED_AT
          + ")";

  /**
   * Rows bound before they go to SQLite, in the open transaction; a commit still comes every {@code
   * batchRows} rows. Kept small so a batch's rows die young: a whole transaction's rows (10,000
   * grants of about 1 KiB) outlived several young collections, filled the old generation and made a
   * full collection every 50-80 ms of grant expansion (BENCHMARKS.md).
   */
  static final int STATEMENT_BATCH_ROWS = 256;

  private final Connection db;
  private final SyncTime time;
  private final Clock clock;
  private final int batchRows;
  private final Runnable markDirty;
  private final PreparedStatement resourceTypes;
  private final PreparedStatement resources;
  private final PreparedStatement entitlements;
  private final Runnable beforeExpandedGrants;
  private StampedStatement grants;
  private PreparedStatement expandedGrants;
  private StampedStatement encodedGrants;
  private PreparedStatement expandedGrantData;
  private PreparedStatement lastAdded;
  private boolean bulkLoad;
  private int pending;
  private int uncommitted;
  private long written;

  RowWriter(
      Connection db,
      SyncTime time,
      Clock clock,
      int batchRows,
      Runnable markDirty,
      Runnable beforeExpandedGrants) {
    this.db = db;
    this.time = time;
    this.clock = clock;
    this.batchRows = batchRows;
    this.markDirty = markDirty;
    this.beforeExpandedGrants = beforeExpandedGrants;
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
    } catch (SQLException e) {
      throw new C1zException("could not prepare the store for writing: " + e.getMessage(), e);
    }
  }

  /**
   * Switches between upserting grants (the unique index exists) and appending them (a bulk load has
   * dropped the indexes; see {@link BulkLoad}). Flushes first.
   */
  void bulkLoad(boolean on) {
    flush();
    closeGrantStatements();
    bulkLoad = on;
  }

  /** The statement for connector grants, prepared for the current mode when first needed. */
  private PreparedStatement grants(String syncId) throws SQLException {
    if (grants == null) {
      grants =
          new StampedStatement(
              db,
              bulkLoad
                  ? STAMPED_GRANT_INSERT
                  : STAMPED_GRANT_INSERT
                      + " on conflict (external_id, sync_id) do update set data = excluded.data,"
                      + " expansion = excluded.expansion,"
                      + " needs_expansion = case when excluded.expansion is null then 0"
                      + " when v1_grants.expansion is null or v1_grants.expansion <> excluded.expansion then 1"
                      + " else v1_grants.needs_expansion end");
    }
    return stamped(grants, syncId);
  }

  /**
   * The statement for encoded expanded grants, with the same upsert rule as {@link
   * #expandedGrants}.
   */
  private PreparedStatement encodedGrants(String syncId) throws SQLException {
    if (encodedGrants == null) {
      encodedGrants =
          new StampedStatement(
              db, bulkLoad ? ENCODED_GRANT_INSERT : ENCODED_GRANT_INSERT + UPSERT_DATA);
    }
    return stamped(encodedGrants, syncId);
  }

  /**
   * The stamped statement for the next row of this sync. The rows of one statement batch share one
   * time, as the rows of one call do in the Go SDK (the text has fractions of a second: a time per
   * row would mean a statement per row); a new batch takes the time it starts at. The rows bound so
   * far are executed before the statement changes.
   */
  private PreparedStatement stamped(StampedStatement statement, String syncId) throws SQLException {
    boolean batchOpen = pending > 0 && statement.isCurrent(lastAdded);
    String now = batchOpen ? statement.discoveredAt() : now();
    if (statement.changes(syncId, now)) {
      executePending();
    }
    return statement.forStamp(syncId, now);
  }

  /**
   * Grants made by expansion keep whatever expansion data the row already has; during a bulk load
   * they are appended, and {@link DuplicateGrants} applies the same rule to repeats.
   */
  private PreparedStatement expandedGrants() throws SQLException {
    if (expandedGrants == null) {
      expandedGrants = db.prepareStatement(bulkLoad ? GRANT_INSERT : GRANT_INSERT + UPSERT_DATA);
    }
    return expandedGrants;
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
    putGrants(list, () -> grants(syncId), ps -> {});
  }

  /**
   * Grants made by grant expansion: existing expansion data of the row is kept. Ends a bulk load
   * first (expansion reads the grants through their indexes).
   */
  public void putExpandedGrants(String syncId, Iterable<Grant> list) {
    beforeExpandedGrants.run();
    String now = now();
    putGrants(
        list,
        this::expandedGrants,
        ps -> {
          ps.setString(10, syncId);
          ps.setString(11, now);
        });
  }

  /**
   * A grant made by grant expansion, already encoded as the store keeps it (no {@code
   * GrantExpandable} annotation in {@code data}); existing expansion data of the row is kept.
   * During a bulk load it is appended (see {@link #expandedGrants()}).
   */
  public void putExpandedGrant(String syncId, EncodedGrant grant) {
    requireId(grant.id(), "grant");
    try {
      PreparedStatement ps = encodedGrants(syncId);
      ps.setString(1, grant.entitlementResourceType());
      ps.setString(2, grant.entitlementResourceId());
      ps.setString(3, grant.entitlementId());
      ps.setString(4, grant.principalType());
      ps.setString(5, grant.principalId());
      ps.setString(6, grant.id());
      ps.setBytes(7, grant.data());
      add(ps);
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  /**
   * Grant expansion's change to a stored grant, by row id (as read from the store): its data
   * becomes {@code grant}, as {@link #putExpandedGrants} would store it; nothing else changes.
   * Works with or without a bulk load.
   */
  public void updateExpandedGrant(long rowId, Grant grant) {
    try {
      if (expandedGrantData == null) {
        expandedGrantData = db.prepareStatement("update v1_grants set data = ? where id = ?");
      }
      expandedGrantData.setBytes(1, ProtoBytes.deterministic(GrantRow.of(grant).stripped()));
      expandedGrantData.setLong(2, rowId);
      add(expandedGrantData);
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  /** The statement for the next grant. */
  private interface GrantStatement {
    PreparedStatement next() throws SQLException;
  }

  /** A statement's parameters beyond the nine every grant statement starts with. */
  private interface MoreParameters {
    void set(PreparedStatement ps) throws SQLException;
  }

  private void putGrants(Iterable<Grant> list, GrantStatement statement, MoreParameters more) {
    try {
      for (Grant g : list) {
        requireId(g.getId(), "grant");
        PreparedStatement ps = statement.next();
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
        more.set(ps);
        add(ps);
      }
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  /** Writes every pending row and commits. */
  public void flush() {
    executePending();
    if (uncommitted == 0) {
      return;
    }
    try {
      db.commit();
    } catch (SQLException e) {
      rollback();
      throw failure(e);
    } finally {
      uncommitted = 0;
    }
  }

  /**
   * Writes every pending row into the open transaction without committing it: enough for reads on
   * this store's connection to see them. The transaction is committed after {@code batchRows} rows
   * or by {@link #flush()}.
   */
  void executePending() {
    if (pending == 0) {
      return;
    }
    try {
      resourceTypes.executeBatch();
      resources.executeBatch();
      entitlements.executeBatch();
      if (grants != null) {
        grants.executeBatch();
      }
      if (expandedGrants != null) {
        expandedGrants.executeBatch();
      }
      if (encodedGrants != null) {
        encodedGrants.executeBatch();
      }
      if (expandedGrantData != null) {
        expandedGrantData.executeBatch();
      }
      uncommitted += pending;
    } catch (SQLException e) {
      rollback();
      uncommitted = 0;
      throw failure(e);
    } finally {
      written += pending;
      pending = 0;
    }
  }

  private void rollback() {
    try {
      db.rollback();
    } catch (SQLException ignored) {
      // The original failure is the one to report.
    }
  }

  /** Rows handed to this writer so far (flushed or pending). */
  public long rowsWritten() {
    return written + pending;
  }

  @Override
  public void close() {
    closeGrantStatements();
    for (PreparedStatement ps : new PreparedStatement[] {resourceTypes, resources, entitlements}) {
      closeQuietly(ps);
    }
  }

  private void closeGrantStatements() {
    closeQuietly(grants);
    closeQuietly(expandedGrants);
    closeQuietly(encodedGrants);
    closeQuietly(expandedGrantData);
    grants = null;
    expandedGrants = null;
    encodedGrants = null;
    expandedGrantData = null;
    lastAdded = null;
  }

  private static void closeQuietly(AutoCloseable statement) {
    if (statement == null) {
      return;
    }
    try {
      statement.close();
    } catch (Exception ignored) {
      // Closing a statement cannot lose data: flush() has committed or failed already.
    }
  }

  /**
   * Adds the bound row to its statement's batch. Rows go to SQLite in the order they were added,
   * across statements too: a statement's batch is executed before another statement takes a row
   * (grant expansion writes a grant it creates, then may upsert the same grant again with more
   * sources, through another statement).
   */
  private void add(PreparedStatement ps) throws SQLException {
    if (pending > 0 && ps != lastAdded) {
      executePending();
    }
    lastAdded = ps;
    ps.addBatch();
    markDirty.run();
    if (++pending + uncommitted >= batchRows) {
      flush();
    } else if (pending >= STATEMENT_BATCH_ROWS) {
      executePending();
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
