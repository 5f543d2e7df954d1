package org.batonjava.sdk.c1z;

import static org.assertj.core.api.Assertions.assertThat;

import c1.connector.v2.Entitlement;
import c1.connector.v2.Grant;
import c1.connector.v2.Resource;
import c1.connector.v2.ResourceType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bulk load of grants leaves exactly the file that writing row by row (upserting, with every
 * index kept up to date) leaves: the same schema in the same order, the same rows in the same
 * order, each grant written twice merged into its first row with the last data.
 */
class BulkLoadTest {
  @TempDir Path dir;

  private final Resource alice = Rows.resource("user", "1", "Alice");
  private final Resource bob = Rows.resource("user", "2", "Bob");
  private final Resource admins = Rows.resource("group", "2", "Admins");
  private final Resource db1 = Rows.resource("database", "1", "Sales");
  private final Entitlement member = Rows.entitlement(admins, "member");
  private final Entitlement access = Rows.entitlement(db1, "access");
  private final Entitlement write = Rows.entitlement(db1, "write");

  private C1zOptions options() {
    return C1zOptions.defaults()
        .withTempDir(dir.resolve("tmp"))
        .withClock(Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC));
  }

  /** Grants with every kind of repetition the upsert has a rule for. */
  private List<List<Grant>> pages() {
    Grant aliceMember = Rows.grant(member, alice);
    Grant aliceMemberRenamed =
        aliceMember.toBuilder()
            .setEntitlement(member.toBuilder().setDisplayName("Admins members"))
            .build();
    Grant adminsAccess = Rows.expandable(Rows.grant(access, admins), "group:2:member");
    Grant adminsWrite = Rows.grant(write, admins);
    return List.of(
        List.of(aliceMember, Rows.grant(member, bob), adminsAccess, adminsWrite),
        // Same data again; new data; the same expansion again; an expansion added later.
        List.of(
            Rows.grant(member, bob),
            aliceMemberRenamed,
            adminsAccess,
            Rows.expandable(adminsWrite, "group:2:member")),
        // An expansion removed; an expansion changed; a new grant after the duplicates.
        List.of(
            Rows.grant(access, admins),
            Rows.expandable(adminsWrite, "group:2:member", "group:3:member"),
            Rows.grant(access, alice)));
  }

  private String write(Path file, boolean bulk, Consumer<C1zStore> afterLoad) {
    try (C1zStore store = C1zStore.open(file, options())) {
      String syncId = store.syncRuns().start(SyncType.FULL, "");
      writeEverythingButGrants(store, syncId);
      if (bulk) {
        store.beginBulkLoad();
        assertThat(store.bulkLoading()).isTrue();
      }
      for (List<Grant> page : pages()) {
        store.writer().putGrants(syncId, page);
        store.writer().flush();
      }
      afterLoad.accept(store);
      store.endBulkLoad();
      assertThat(store.bulkLoading()).isFalse();
      store.save();
      return syncId;
    }
  }

  @Test
  void aBulkLoadLeavesTheSameSchemaAndRowsAsWritingRowByRow() throws Exception {
    Path rowByRow = dir.resolve("rows.c1z");
    Path bulk = dir.resolve("bulk.c1z");
    write(rowByRow, false, s -> {});
    write(bulk, true, s -> {});

    assertThat(schema(bulk)).isEqualTo(schema(rowByRow));
    assertThat(schema(bulk))
        .extracting(s -> s.split(" ", 3)[1])
        .containsExactly(
            "v1_resource_types",
            "idx_resource_types_external_sync_v1",
            "v1_resources",
            "idx_resources_resource_type_id_v1",
            "idx_resources_external_sync_v1",
            "idx_resources_parent_resource_id_v1",
            "v1_entitlements",
            "idx_entitlements_resource_id_v1",
            "idx_entitlements_external_sync_v1",
            "v1_sync_runs",
            "idx_sync_runs_sync_id_v1",
            "v1_grants",
            "idx_grants_resource_type_id_resource_id_v1",
            "idx_grants_principal_id_v1",
            "idx_grants_entitlement_id_principal_id_v1",
            "idx_grants_external_sync_v1",
            "idx_grants_entitlement_sync_grant_v1",
            "v1_assets",
            "idx_assets_external_sync_v1",
            "v1_connector_sessions",
            "idx_session_store_sync_key_v1",
            "idx_grants_sync_expansion_v1",
            "idx_grants_sync_needs_expansion_v1");
    assertThat(grantRows(bulk, false)).isEqualTo(grantRows(rowByRow, false));
  }

  @Test
  void aGrantWrittenTwiceKeepsItsFirstIdAndItsLastData() throws Exception {
    Path bulk = dir.resolve("bulk.c1z");
    write(bulk, true, s -> {});
    List<String> rows = grantRows(bulk, true);
    // The four grants of the first page keep their ids 1-4, whatever was written over them; the
    // new grant of the last page comes last. (The ids the merged copies took, 5-10, are not
    // reused: ids keep the order of first writes, not their count.)
    assertThat(rows).extracting(r -> r.split(" ", 3)[0]).containsExactly("1", "2", "3", "4", "11");
    assertThat(rows.get(0)).contains("group:2:member:user:1 ");
    try (C1zStore store = C1zStore.openReadOnly(bulk, options())) {
      String syncId = store.syncRuns().resumable(SyncType.FULL).orElseThrow().id();
      assertThat(store.reader().getGrant(syncId, "group:2:member:user:1").orElseThrow())
          .extracting(g -> g.getEntitlement().getDisplayName())
          .isEqualTo("Admins members");
      // The expansion of the last write counts: removed for access, changed for write.
      assertThat(store.reader().listGrantsNeedingExpansion(syncId, "", 0).items())
          .extracting(Grant::getId)
          .containsExactly("database:1:write:group:2");
    }
  }

  @Test
  void aCheckpointSavedDuringALoadResumesInBulkModeAndEndsTheSame() throws Exception {
    Path rowByRow = dir.resolve("rows.c1z");
    write(rowByRow, false, s -> {});
    Path resumed = dir.resolve("resumed.c1z");
    String syncId;
    List<List<Grant>> pages = pages();
    try (C1zStore store = C1zStore.open(resumed, options())) {
      syncId = store.syncRuns().start(SyncType.FULL, "");
      writeEverythingButGrants(store, syncId);
      store.beginBulkLoad();
      store.writer().putGrants(syncId, pages.get(0));
      store.save();
      // A crash: what was written after the save is lost.
      store.writer().putGrants(syncId, pages.get(1));
      store.discard();
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + C1zStoreTest.unpack(resumed));
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "select count(*) from sqlite_master where tbl_name = 'v1_grants' and type = 'index'")) {
      rs.next();
      assertThat(rs.getInt(1)).as("the checkpoint holds no grant index").isZero();
    }
    // A reader of the checkpoint sees the grants (its private copy gets the indexes).
    try (C1zStore reader = C1zStore.openReadOnly(resumed, options())) {
      assertThat(reader.reader().listGrants(syncId, GrantFilter.all(), "", 0).items()).hasSize(4);
    }
    try (C1zStore store = C1zStore.open(resumed, options())) {
      assertThat(store.bulkLoading()).isTrue();
      // The resumed run writes the lost page again, and the rest.
      store.writer().putGrants(syncId, pages.get(1));
      store.writer().putGrants(syncId, pages.get(2));
      store.endBulkLoad();
      store.save();
    }
    assertThat(schema(resumed)).isEqualTo(schema(rowByRow));
    assertThat(grantRows(resumed, false)).isEqualTo(grantRows(rowByRow, false));
  }

  @Test
  void readingGrantsOrStatsEndsTheLoad() {
    Path file = dir.resolve("bulk.c1z");
    write(
        file,
        true,
        store -> {
          String syncId = store.syncRuns().resumable(SyncType.FULL).orElseThrow().id();
          assertThat(store.bulkLoading()).isTrue();
          assertThat(store.stats(syncId).grants()).isEqualTo(5);
          assertThat(store.bulkLoading()).isFalse();
          // Writing on after the end upserts again.
          store.writer().putGrants(syncId, List.of(Rows.grant(member, alice)));
          assertThat(store.stats(syncId).grants()).isEqualTo(5);
        });
  }

  @Test
  void tablesMovedBehindTheRebuiltIndexesKeepTheirRows() throws Exception {
    Path file = dir.resolve("assets.c1z");
    String syncId = write(file, false, s -> {});
    // An asset and a connector session row, as another writer may have stored them.
    Path db = C1zStoreTest.unpack(file);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement st = c.createStatement()) {
      st.execute(
          "insert into v1_assets (id, external_id, content_type, data, sync_id, discovered_at)"
              + " values (7, 'icon', 'image/png', x'89504e47', '"
              + syncId
              + "', '2026-12-03')");
      st.execute(
          "insert into v1_connector_sessions (id, sync_id, key, value) values (3, '"
              + syncId
              + "', 'k', x'01')");
    }
    new C1zCodec().save(db, file);
    List<String> before = schema(file);
    try (C1zStore store = C1zStore.open(file, options())) {
      String second = store.syncRuns().start(SyncType.FULL, "");
      store.beginBulkLoad();
      store.writer().putGrants(second, pages().get(0));
      store.endBulkLoad();
      store.save();
    }
    assertThat(schema(file)).isEqualTo(before);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + C1zStoreTest.unpack(file));
        Statement st = c.createStatement()) {
      try (ResultSet rs = st.executeQuery("select id, external_id, hex(data) from v1_assets")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).isEqualTo(7);
        assertThat(rs.getString(2)).isEqualTo("icon");
        assertThat(rs.getString(3)).isEqualTo("89504E47");
        assertThat(rs.next()).isFalse();
      }
      try (ResultSet rs = st.executeQuery("select id, key from v1_connector_sessions")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).isEqualTo(3);
        assertThat(rs.getString(2)).isEqualTo("k");
      }
    }
  }

  /** {@code sqlite_master} in its order: type, name, table and definition of each object. */
  static List<String> schema(Path c1z) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + C1zStoreTest.unpack(c1z));
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery("select type, name, tbl_name, sql from sqlite_master order by rowid")) {
      while (rs.next()) {
        rows.add(
            rs.getString(1)
                + " "
                + rs.getString(2)
                + " "
                + rs.getString(3)
                + " "
                + rs.getString(4));
      }
    }
    return rows;
  }

  /**
   * Every column but the sync id of every grant row in id order; with the id itself when {@code
   * withId}.
   */
  private static List<String> grantRows(Path c1z, boolean withId) throws Exception {
    Path db = C1zStoreTest.unpack(c1z);
    List<String> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select * from v1_grants order by id")) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder row = new StringBuilder(withId ? rs.getLong("id") + " " : "");
        for (int i = 1; i <= columns; i++) {
          String column = rs.getMetaData().getColumnName(i);
          // Sync ids are random; ids are compared on their own where they matter.
          if (!column.equals("id") && !column.equals("sync_id")) {
            row.append(text(rs, i)).append(' ');
          }
        }
        rows.add(row.toString());
      }
    } finally {
      Files.deleteIfExists(db);
    }
    return rows;
  }

  private static String text(ResultSet rs, int column) throws SQLException {
    Object value = rs.getObject(column);
    return value instanceof byte[] bytes
        ? Base64.getEncoder().encodeToString(bytes)
        : String.valueOf(value);
  }

  /** The resource types, resources and entitlements every test sync has. */
  private void writeEverythingButGrants(C1zStore store, String syncId) {
    store
        .writer()
        .putResourceTypes(
            syncId,
            List.of(
                Rows.type("user", ResourceType.Trait.TRAIT_USER),
                Rows.type("group", ResourceType.Trait.TRAIT_GROUP)));
    store.writer().putResources(syncId, List.of(alice, bob, admins, db1));
    store.writer().putEntitlements(syncId, List.of(member, access, write));
  }
}
