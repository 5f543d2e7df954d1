package org.batonjava.metabase.connector;

import static org.assertj.core.api.Assertions.assertThat;

import c1.connector.v2.Grant;
import c1.connector.v2.Resource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.batonjava.metabase.sim.MetabaseSimulator;
import org.batonjava.sdk.connector.PageRequest;
import org.batonjava.sdk.connector.ResourceSyncer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Empty groups, databases nobody may query, granular permissions, and a stable output order. */
class PermissionEdgeCasesTest {
  @TempDir Path dir;

  @Test
  void aGroupWithoutMembersHasEntitlementsButNoGrants() {
    try (MetabaseSimulator sim = Sims.demo("0.56", true)) {
      long empty = new SimAdmin(sim).createGroup("Nobody Here");
      SyncedFile synced =
          SyncedFile.connectorOutput(Sims.connector(sim, MetabaseVariant.V056, true), dir);
      assertThat(synced.resources.get("group:" + empty).getDisplayName()).isEqualTo("Nobody Here");
      assertThat(synced.entitlementIds())
          .contains("group:" + empty + ":member", "group:" + empty + ":manager");
      assertThat(synced.grantIds())
          .noneMatch(id -> id.startsWith("group:" + empty + ":") || id.endsWith(":group:" + empty));
    }
  }

  @Test
  void aDatabaseNobodyMayQueryOnlyHasTheAdministratorsGrant() {
    for (String version : List.of("0.49", "0.56")) {
      TestDatasets data =
          new TestDatasets("lonely")
              .group(3, "Ops")
              .database(5, "Lonely", 51)
              .database(6, "Busy", 61)
              .access(3, 6, "native")
              .user(1, "root@example.com", "Root", "User", true, 2)
              .user(2, "ops@example.com", "Olga", "Ops", true, 3);
      try (MetabaseSimulator sim = Sims.start(version, false, data.write(dir))) {
        MetabaseVariant variant =
            version.equals("0.49") ? MetabaseVariant.V049 : MetabaseVariant.V056;
        SyncedFile synced = SyncedFile.connectorOutput(Sims.connector(sim, variant, false), dir);
        List<String> onLonely =
            synced.grantIds().stream().filter(id -> id.startsWith("database:5:")).toList();
        List<String> onBusy =
            synced.grantIds().stream().filter(id -> id.startsWith("database:6:")).toList();
        if (variant == MetabaseVariant.V049) {
          assertThat(onLonely)
              .containsExactly("database:5:access:group:2", "database:5:write:group:2");
          assertThat(onBusy)
              .containsExactlyInAnyOrder(
                  "database:6:access:group:2",
                  "database:6:write:group:2",
                  "database:6:access:group:3",
                  "database:6:write:group:3");
        } else {
          assertThat(onLonely).containsExactly("database:5:query-builder-and-native:group:2");
          assertThat(onBusy)
              .containsExactlyInAnyOrder(
                  "database:6:query-builder-and-native:group:2",
                  "database:6:query-builder-and-native:group:3");
        }
        assertThat(synced.entitlementIds())
            .contains(
                variant == MetabaseVariant.V049 ? "database:5:access" : "database:5:query-builder");
      }
    }
  }

  @Test
  void granularCreateQueriesGiveNoDatabaseGrantAndDoNotFailTheSync() {
    try (MetabaseSimulator sim = Sims.demo("0.56", false)) {
      SimAdmin admin = new SimAdmin(sim);
      // Analysts (3) may build queries on one table of Finance Warehouse (2) only.
      admin.setPermissions(
          3,
          2,
          "{\"view-data\":\"unrestricted\",\"create-queries\":{\"public\":{\"11\":\"query-builder\"}}}");
      assertThat(
              admin
                  .get("/api/permissions/graph")
                  .path("groups")
                  .path("3")
                  .path("2")
                  .path("create-queries")
                  .isObject())
          .as("the simulator keeps the granular value")
          .isTrue();

      SyncedFile synced =
          SyncedFile.connectorOutput(Sims.connector(sim, MetabaseVariant.V056, false), dir);
      assertThat(synced.grantIds())
          .noneMatch(id -> id.startsWith("database:2:") && id.endsWith(":group:3"));
      Set<String> expected = DemoData.databaseGrantIds(DemoData.Model.CREATE_QUERIES);
      expected.remove("database:2:query-builder:group:3");
      assertThat(synced.grantIds().stream().filter(id -> id.startsWith("database:")).toList())
          .containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  @Test
  void granularLegacyDataAccessGivesNoDatabaseGrant() {
    try (MetabaseSimulator sim = Sims.demo("0.49", false)) {
      SimAdmin admin = new SimAdmin(sim);
      admin.setPermissions(5, 2, "{\"data\":{\"schemas\":{\"public\":{\"11\":\"all\"}}}}");
      assertThat(
              admin
                  .get("/api/permissions/graph")
                  .path("groups")
                  .path("5")
                  .path("2")
                  .path("data")
                  .path("schemas")
                  .isObject())
          .isTrue();
      SyncedFile synced =
          SyncedFile.connectorOutput(Sims.connector(sim, MetabaseVariant.AUTO, false), dir);
      assertThat(
              synced.grantIds().stream()
                  .filter(
                      id ->
                          id.startsWith("database:")
                              && !FineGrainedRightsTest.isFineGrainedGrant(id))
                  .toList())
          .containsExactlyInAnyOrderElementsOf(DemoData.databaseGrantIds(DemoData.Model.LEGACY));
      // with extended access (auto) the table-level access is reported as a partial right instead
      assertThat(synced.grantIds()).contains("database:2:access-partial:group:5");
    }
  }

  @Test
  void outputOrderIsStable() {
    try (MetabaseSimulator sim = Sims.demo("0.56", true)) {
      SyncedFile a =
          SyncedFile.connectorOutput(Sims.connector(sim, MetabaseVariant.V056, true), dir);
      SyncedFile b =
          SyncedFile.connectorOutput(Sims.connector(sim, MetabaseVariant.V056, true), dir);
      assertThat(new ArrayList<>(b.grants.keySet())).containsExactlyElementsOf(a.grants.keySet());
      assertThat(new ArrayList<>(b.resources.keySet()))
          .containsExactlyElementsOf(a.resources.keySet());

      MetabaseConnector connector = Sims.connector(sim, MetabaseVariant.V056, true);
      ResourceSyncer databases = connector.resourceSyncers().get(2);
      Resource db1 = a.resources.get("database:1");
      assertThat(databases.grants(db1, PageRequest.first("s1")).items())
          .extracting(Grant::getId)
          .containsExactly(
              "database:1:query-builder:group:1", "database:1:query-builder-and-native:group:2",
              "database:1:query-builder-and-native:group:3", "database:1:query-builder:group:5");
      ResourceSyncer users = connector.resourceSyncers().get(0);
      assertThat(users.grants(a.resources.get("user:9"), PageRequest.first("s1")).items())
          .extracting(Grant::getId)
          .containsExactly(
              "group:1:member:user:9", "group:5:member:user:9", "group:7:member:user:9");
    }
  }
}
