package org.batonjava.sdk.c1z;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import c1.connector.v2.Entitlement;
import c1.connector.v2.Grant;
import c1.connector.v2.GrantExpandable;
import c1.connector.v2.Resource;
import c1.connector.v2.ResourceType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class C1zStoreTest {
  @TempDir Path dir;

  private C1zOptions options() {
    return C1zOptions.defaults().withTempDir(dir.resolve("tmp"));
  }

  @Test
  void writesAndReadsBackEveryKindOfRow() {
    Path file = dir.resolve("sync.c1z");
    String syncId;
    Resource alice = Rows.resource("user", "1", "Alice");
    Resource team = Rows.resource("group", "7", "Team");
    Entitlement member = Rows.entitlement(team, "member");
    try (C1zStore store = C1zStore.open(file, options())) {
      syncId = store.syncRuns().start(SyncType.FULL, "");
      RowWriter w = store.writer();
      w.putResourceTypes(
          syncId,
          List.of(
              Rows.type("user", ResourceType.Trait.TRAIT_USER),
              Rows.type("group", ResourceType.Trait.TRAIT_GROUP)));
      w.putResources(syncId, List.of(alice, team));
      w.putEntitlements(syncId, List.of(member));
      w.putGrants(syncId, List.of(Rows.grant(member, alice)));
      store.syncRuns().end(syncId, store.stats(syncId).toJson());
    }
    assertThat(file).exists();
    try (C1zStore store = C1zStore.openReadOnly(file, options())) {
      SyncRun run = store.syncRuns().latestFinished().orElseThrow();
      assertThat(run.id()).isEqualTo(syncId);
      RowReader r = store.reader();
      assertThat(r.listResourceTypes(syncId, "", 0).items())
          .extracting(ResourceType::getId)
          .containsExactly("user", "group");
      assertThat(r.listResources(syncId, Optional.of("user"), "", 0).items())
          .containsExactly(alice);
      assertThat(r.listEntitlements(syncId, Optional.of(team), "", 0).items())
          .containsExactly(member);
      assertThat(r.listGrants(syncId, GrantFilter.forEntitlement(member.getId()), "", 0).items())
          .extracting(Grant::getId)
          .containsExactly("group:7:member:user:1");
      assertThat(r.getResource(syncId, "group", "7")).contains(team);
      assertThat(r.getEntitlement(syncId, "group:7:member")).contains(member);
    }
  }

  @Test
  void storesTheExactColumnsOfTheGoSchema() throws Exception {
    Path file = dir.resolve("sync.c1z");
    Resource parent = Rows.resource("workspace", "w1", "W");
    Resource child = Rows.child("project", "p1", "P", parent);
    try (C1zStore store = C1zStore.open(file, options())) {
      String syncId = store.syncRuns().start(SyncType.FULL, "");
      store.writer().putResources(syncId, List.of(parent, child));
      store.save();
    }
    Path db = unpack(file);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement st = c.createStatement()) {
      Set<String> names = new TreeSet<>();
      try (ResultSet rs =
          st.executeQuery("select name from sqlite_master where name not like 'sqlite_%'")) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
      assertThat(names)
          .containsExactlyInAnyOrder(
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
              "idx_grants_sync_expansion_v1",
              "idx_grants_sync_needs_expansion_v1",
              "v1_assets",
              "idx_assets_external_sync_v1",
              "v1_connector_sessions",
              "idx_session_store_sync_key_v1");
      try (ResultSet rs =
          st.executeQuery(
              "select external_id, parent_resource_type_id, parent_resource_id from v1_resources order by id")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("workspace:w1");
        assertThat(rs.getString(2)).isNull();
        assertThat(rs.getString(3)).isNull();
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("project:p1");
        assertThat(rs.getString(2)).isEqualTo("workspace");
        assertThat(rs.getString(3)).isEqualTo("w1");
      }
      try (ResultSet rs =
          st.executeQuery(
              "select sync_token, sync_type, parent_sync_id, linked_sync_id, grants_backfilled, ended_at,"
                  + " ingest_invariant_generation from v1_sync_runs")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEmpty();
        assertThat(rs.getString(2)).isEqualTo("full");
        assertThat(rs.getString(3)).isEmpty();
        assertThat(rs.getString(4)).isEmpty();
        assertThat(rs.getInt(5)).isEqualTo(1);
        assertThat(rs.getString(6)).isNull();
        assertThat(rs.getString(7)).isEmpty();
      }
    }
  }

  @Test
  void aNewDatabaseHas16KibPagesAndAnExistingOneKeepsItsOwn() throws Exception {
    Path file = dir.resolve("pages.c1z");
    try (C1zStore store = C1zStore.open(file, options())) {
      store.syncRuns().start(SyncType.FULL, "");
      store.save();
    }
    assertThat(pageSize(unpack(file))).isEqualTo(16384);
    // A file written with SQLite's default pages (as the Go SDK writes them) keeps them.
    Path goDb = dir.resolve("go.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + goDb);
        Statement st = c.createStatement()) {
      st.execute("pragma page_size = 4096");
      st.execute("create table t (x)");
    }
    Path goFile = dir.resolve("go.c1z");
    new C1zCodec().save(goDb, goFile);
    try (C1zStore store = C1zStore.open(goFile, options())) {
      store.syncRuns().start(SyncType.FULL, "");
      store.save();
    }
    assertThat(pageSize(unpack(goFile))).isEqualTo(4096);
  }

  private static long pageSize(Path db) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("pragma page_size")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void upsertKeepsTheFirstRowIdAndTheLastData() {
    Path file = dir.resolve("sync.c1z");
    try (C1zStore store = C1zStore.open(file, options())) {
      String syncId = store.syncRuns().start(SyncType.FULL, "");
      store
          .writer()
          .putResources(
              syncId,
              List.of(Rows.resource("user", "1", "Old"), Rows.resource("user", "2", "Bob")));
      store.writer().putResources(syncId, List.of(Rows.resource("user", "1", "New")));
      List<Resource> all = store.reader().listResources(syncId, Optional.empty(), "", 0).items();
      assertThat(all).extracting(Resource::getDisplayName).containsExactly("New", "Bob");
    }
  }

  @Test
  void movesGrantExpandableIntoTheExpansionColumns() throws Exception {
    Path file = dir.resolve("sync.c1z");
    Resource admins = Rows.resource("group", "2", "Admins");
    Resource db1 = Rows.resource("database", "1", "Sales");
    Entitlement access = Rows.entitlement(db1, "access");
    Entitlement member = Rows.entitlement(admins, "member");
    String syncId;
    try (C1zStore store = C1zStore.open(file, options())) {
      syncId = store.syncRuns().start(SyncType.FULL, "");
      Grant expandable = Rows.expandable(Rows.grant(access, admins), member.getId());
      Grant blankOnly = Rows.expandable(Rows.grant(member, Rows.resource("user", "3", "C")), " ");
      store.writer().putGrants(syncId, List.of(expandable, blankOnly));
      Grant stored = store.reader().getGrant(syncId, expandable.getId()).orElseThrow();
      assertThat(stored.getAnnotationsList()).isEmpty();
      List<Grant> pending = store.reader().listGrantsNeedingExpansion(syncId, "", 0).items();
      assertThat(pending).hasSize(1);
      assertThat(
              pending
                  .get(0)
                  .getAnnotations(0)
                  .unpack(GrantExpandable.class)
                  .getEntitlementIdsList())
          .containsExactly("group:2:member");
      // Re-putting the same grant without the annotation clears the expansion.
      store.writer().putGrants(syncId, List.of(Rows.grant(access, admins)));
      assertThat(store.reader().listGrantsNeedingExpansion(syncId, "", 0).items()).isEmpty();
      // Expansion-made grants keep the row's expansion data.
      store.writer().putGrants(syncId, List.of(expandable));
      store.writer().putExpandedGrants(syncId, List.of(Rows.grant(access, admins)));
      assertThat(store.reader().listGrantsNeedingExpansion(syncId, "", 0).items()).hasSize(1);
      store.save();
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + unpack(file));
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "select external_id, expansion is not null, needs_expansion, resource_type_id, resource_id,"
                    + " principal_resource_type_id from v1_grants order by id")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("database:1:access:group:2");
      assertThat(rs.getBoolean(2)).isTrue();
      assertThat(rs.getInt(3)).isEqualTo(1);
      assertThat(rs.getString(4)).isEqualTo("database");
      assertThat(rs.getString(5)).isEqualTo("1");
      assertThat(rs.getString(6)).isEqualTo("group");
      assertThat(rs.next()).isTrue();
      assertThat(rs.getBoolean(2)).isFalse();
      assertThat(rs.getInt(3)).isZero();
    }
  }

  @Test
  void pagesFollowRowIds() {
    Path file = dir.resolve("sync.c1z");
    try (C1zStore store = C1zStore.open(file, options())) {
      String syncId = store.syncRuns().start(SyncType.FULL, "");
      List<Resource> users = new ArrayList<>();
      for (int i = 0; i < 25; i++) {
        users.add(Rows.resource("user", Integer.toString(i), "U" + i));
      }
      store.writer().putResources(syncId, users);
      List<Resource> seen = new ArrayList<>();
      String token = "";
      int pages = 0;
      do {
        Page<Resource> page = store.reader().listResources(syncId, Optional.of("user"), token, 10);
        seen.addAll(page.items());
        token = page.nextPageToken();
        pages++;
      } while (!token.isEmpty());
      assertThat(pages).isEqualTo(3);
      assertThat(seen).containsExactlyElementsOf(users);
      Page<Resource> exact = store.reader().listResources(syncId, Optional.empty(), "", 25);
      assertThat(exact.items()).hasSize(25);
      assertThat(exact.last()).isTrue();
      assertThatThrownBy(() -> store.reader().listResources(syncId, Optional.empty(), "abc", 10))
          .isInstanceOf(C1zException.class)
          .hasMessageContaining("invalid page token");
    }
  }

  @Test
  void statsJsonMatchesTheGoShape() throws Exception {
    Path file = dir.resolve("sync.c1z");
    try (C1zStore store = C1zStore.open(file, options())) {
      String syncId = store.syncRuns().start(SyncType.FULL, "");
      Resource team = Rows.resource("group", "7", "Team");
      Entitlement member = Rows.entitlement(team, "member");
      store
          .writer()
          .putResourceTypes(
              syncId,
              List.of(
                  Rows.type("user", ResourceType.Trait.TRAIT_USER),
                  Rows.type("group", ResourceType.Trait.TRAIT_GROUP),
                  Rows.type("database", ResourceType.Trait.TRAIT_UNSPECIFIED)));
      store
          .writer()
          .putResources(
              syncId,
              List.of(Rows.resource("user", "1", "A"), Rows.resource("user", "2", "B"), team));
      store.writer().putEntitlements(syncId, List.of(member));
      store
          .writer()
          .putGrants(syncId, List.of(Rows.grant(member, Rows.resource("user", "1", "A"))));
      String json = store.stats(syncId).toJson();
      assertThat(json)
          .isEqualTo(
              "{\"resource_types\":3,\"resources\":3,\"entitlements\":1,\"grants\":1,"
                  + "\"resources_by_resource_type\":{\"database\":0,\"group\":1,\"user\":2},"
                  + "\"grants_by_resource_type\":{\"group\":1},"
                  + "\"entitlements_by_resource_type\":{\"group\":1}}");
      JsonNode parsed = new ObjectMapper().readTree(json);
      assertThat(parsed.has("assets")).isFalse();
    }
  }

  @Test
  void grantStatsCountOnlyTheSyncsOwnGrantsWhenTheFileHoldsAnother() throws Exception {
    Path file = dir.resolve("sync.c1z");
    Resource team = Rows.resource("group", "7", "Team");
    Resource sales = Rows.resource("database", "1", "Sales");
    Entitlement member = Rows.entitlement(team, "member");
    Entitlement access = Rows.entitlement(sales, "access");
    try (C1zStore store = C1zStore.open(file, options())) {
      String first = store.syncRuns().start(SyncType.FULL, "");
      store
          .writer()
          .putGrants(
              first,
              List.of(
                  Rows.grant(member, Rows.resource("user", "1", "A")),
                  Rows.grant(member, Rows.resource("user", "2", "B")),
                  Rows.grant(access, team)));
      store.syncRuns().end(first, store.stats(first).toJson());
      String second = store.syncRuns().start(SyncType.FULL, "");
      store
          .writer()
          .putGrants(second, List.of(Rows.grant(member, Rows.resource("user", "1", "A"))));
      assertThat(store.stats(second).grantsByResourceType()).containsExactly(entry("group", 1L));
      assertThat(store.stats(second).grants()).isEqualTo(1);
      assertThat(store.stats(first).grantsByResourceType())
          .containsExactly(entry("database", 1L), entry("group", 2L));
    }
  }

  @Test
  void savedFilesAreOwnerOnlyAndCarryTheV1Header() throws Exception {
    Path file = dir.resolve("sync.c1z");
    try (C1zStore store = C1zStore.open(file, options())) {
      store.syncRuns().start(SyncType.FULL, "");
    }
    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    byte[] head = Files.readAllBytes(file);
    assertThat(new String(head, 0, 4, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("C1ZF");
    assertThat(head[4]).isZero();
    assertThat(C1zFormat.detect(file)).isEqualTo(C1zFormat.V1_SQLITE);
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("sync.c1z", "tmp");
    }
    try (var work = Files.list(dir.resolve("tmp"))) {
      assertThat(work).as("working copies are removed on close").isEmpty();
    }
  }

  @Test
  void readOnlyOpensNeverRewriteTheFile() throws Exception {
    Path file = dir.resolve("sync.c1z");
    try (C1zStore store = C1zStore.open(file, options())) {
      String id = store.syncRuns().start(SyncType.FULL, "");
      store.syncRuns().end(id, "{}");
    }
    byte[] before = Files.readAllBytes(file);
    var modified = Files.getLastModifiedTime(file);
    try (C1zStore store = C1zStore.openReadOnly(file, options())) {
      assertThat(store.syncRuns().all()).hasSize(1);
      assertThatThrownBy(store::writer)
          .isInstanceOf(C1zException.class)
          .hasMessageContaining("read-only");
    }
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
    assertThat(Files.getLastModifiedTime(file)).isEqualTo(modified);
  }

  @Test
  void openingWithoutChangesDoesNotRewrite() throws Exception {
    Path file = dir.resolve("sync.c1z");
    try (C1zStore store = C1zStore.open(file, options())) {
      store.syncRuns().start(SyncType.FULL, "");
    }
    byte[] before = Files.readAllBytes(file);
    try (C1zStore store = C1zStore.open(file, options())) {
      store.reader().listResources(store.syncRuns().all().get(0).id(), Optional.empty(), "", 0);
    }
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
  }

  /** The c1z's database, unpacked beside it (so the test's temporary folder removes it). */
  static Path unpack(Path c1z) throws Exception {
    Path db = Files.createTempFile(c1z.toAbsolutePath().getParent(), "unpacked", ".db");
    new C1zCodec().decompress(c1z, db);
    return db;
  }
}
