package org.batonjava.metabase.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** GET/PUT /api/permissions/graph for the 0.49 and 0.50+ models. */
class PermissionGraphTest {
  private static final String STALE =
      "Looks like someone else edited the permissions and your data is out of date. "
          + "Please fetch new data and try again.";

  static MetabaseSimulator start(String version, boolean paid) {
    return UsersContractTest.start(version, paid);
  }

  @Test
  void legacyGraphShapes() {
    try (MetabaseSimulator sim = start("0.49", false)) {
      JsonNode g = SimClient.admin(sim).get("/api/permissions/graph/db/1").json();
      assertThat(g.get("revision").asInt()).isEqualTo(1);
      JsonNode groups = g.get("groups");
      assertThat(groups.get("1").toString()).isEqualTo("{\"1\":{\"data\":{\"schemas\":\"all\"}}}");
      assertThat(groups.get("3").toString())
          .isEqualTo("{\"1\":{\"data\":{\"native\":\"write\",\"schemas\":\"all\"}}}");
      assertThat(groups.get("2").get("1").toString())
          .isEqualTo(
              "{\"data\":{\"native\":\"write\",\"schemas\":"
                  + "\"all\"},\"download\":{\"native\":\"full\",\"schemas\":\"full\"},\"data-model\":{\"schemas\":"
                  + "\"all\"},\"details\":\"yes\"}");
      assertThat(groups.has("4")).isFalse();
      // no-self-service (schemas none) is elided like every least-permissive value
      JsonNode db2 = SimClient.admin(sim).get("/api/permissions/graph/db/2").json().get("groups");
      assertThat(db2.has("6")).isFalse();
      JsonNode full = SimClient.admin(sim).get("/api/permissions/graph").json().get("groups");
      assertThat(full.get("2").has(String.valueOf(13371337))).isFalse();
      JsonNode perGroup =
          SimClient.admin(sim).get("/api/permissions/graph/group/3").json().get("groups");
      assertThat(perGroup.fieldNames()).toIterable().containsExactly("3");
    }
  }

  @Test
  void legacyPutRevisionRules() {
    try (MetabaseSimulator sim = start("0.49", false)) {
      SimClient c = SimClient.admin(sim);
      SimClient.Resp ok =
          c.put(
              "/api/permissions/graph",
              "{\"revision\":1,\"groups\":{\"4\":{\"1\":{\"data\":{\"schemas\":\"all\"}}}}}");
      assertThat(ok.status()).isEqualTo(200);
      assertThat(ok.json().get("revision").asInt()).isEqualTo(2);
      assertThat(ok.json().get("groups").has("3")).isTrue(); // 0.49 returns the whole graph
      assertThat(c.get("/api/permissions/graph/db/1").json().get("groups").get("4").toString())
          .isEqualTo("{\"1\":{\"data\":{\"schemas\":\"all\"}}}");

      SimClient.Resp stale =
          c.put(
              "/api/permissions/graph",
              "{\"revision\":1,\"groups\":{\"4\":{\"1\":{\"data\":{\"native\":\"write\",\"schemas\":\"all\"}}}}}");
      assertThat(stale.status()).isEqualTo(409);
      assertThat(stale.body()).isEqualTo(STALE);
      // force is not a 0.49 parameter
      assertThat(
              c.put(
                      "/api/permissions/graph?force=true",
                      "{\"revision\":1,\"groups\":{\"4\":{\"1\":{\"data\":{\"native\":\"write\",\"schemas\":\"all\"}}}}}")
                  .status())
          .isEqualTo(409);
      // 0.49 checks the revision only when something changes, and writes no revision for a no-op
      SimClient.Resp noop =
          c.put(
              "/api/permissions/graph",
              "{\"revision\":1,\"groups\":{\"4\":{\"1\":{\"data\":{\"schemas\":\"all\"}}}}}");
      assertThat(noop.status()).isEqualTo(200);
      assertThat(noop.json().get("revision").asInt()).isEqualTo(2);

      SimClient.Resp invalid =
          c.put(
              "/api/permissions/graph",
              "{\"revision\":2,\"groups\":{\"4\":{\"1\":{\"data\":{\"native\":\"sometimes\"}}}}}");
      assertThat(invalid.status()).isEqualTo(400);
      assertThat(invalid.body())
          .startsWith("Cannot parse permissions graph because it is invalid:");
      SimClient.Resp download =
          c.put(
              "/api/permissions/graph",
              "{\"revision\":2,\"groups\":{\"4\":{\"1\":{\"download\":{\"schemas\":\"full\"}}}}}");
      assertThat(download.status()).isEqualTo(402);
      assertThat(download.body())
          .isEqualTo(
              "The download permissions functionality is only enabled if you have a "
                  + "premium token with the advanced-permissions feature.");
      assertThat(
              c.put(
                      "/api/permissions/graph",
                      "{\"revision\":2,\"groups\":{\"4\":{\"1\":{\"data\":{\"schemas\":\"block\"}}}}}")
                  .status())
          .isEqualTo(402);
      SimClient.Resp granular =
          c.put(
              "/api/permissions/graph",
              "{\"revision\":2,\"groups\":{\"5\":{\"2\":"
                  + "{\"data\":{\"schemas\":{\"public\":{\"11\":\"all\",\"12\":\"none\"}}}}}}}");
      assertThat(granular.status()).isEqualTo(200);
      assertThat(c.get("/api/permissions/graph/db/2").json().get("groups").get("5").toString())
          .isEqualTo("{\"2\":{\"data\":{\"schemas\":{\"public\":{\"11\":\"all\"}}}}}");
      assertThat(c.get("/api/permissions/graph").json().get("revision").asInt()).isEqualTo(3);

      // 0.49's "native write needs all schemas" rule only runs in Metabase's dev/test
      // instrumentation: a
      // production server stores native write beside per-table access as sent
      SimClient.Resp nativeOverTables =
          c.put(
              "/api/permissions/graph",
              "{\"revision\":3,\"groups\":{\"5\":"
                  + "{\"2\":{\"data\":{\"native\":\"write\",\"schemas\":{\"public\":{\"11\":\"all\"}}}}}}}");
      assertThat(nativeOverTables.status()).isEqualTo(200);
      assertThat(
              c.get("/api/permissions/graph/db/2")
                  .json()
                  .get("groups")
                  .get("5")
                  .get("2")
                  .get("data")
                  .get("native")
                  .asText())
          .isEqualTo("write");
    }
  }

  @Test
  void legacyPaidAcceptsDownloadAndBlock() {
    try (MetabaseSimulator sim = start("0.49", true)) {
      SimClient c = SimClient.admin(sim);
      assertThat(
              c.get("/api/permissions/graph/db/1")
                  .json()
                  .get("groups")
                  .get("1")
                  .get("1")
                  .toString())
          .isEqualTo("{\"data\":{\"schemas\":\"all\"},\"download\":{\"schemas\":\"full\"}}");
      SimClient.Resp r =
          c.put(
              "/api/permissions/graph",
              "{\"revision\":1,\"groups\":{\"4\":{\"1\":"
                  + "{\"download\":{\"schemas\":\"limited\"},\"data\":{\"schemas\":\"block\"}}}}}");
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.json().get("groups").get("4").get("1").toString())
          .isEqualTo("{\"data\":{\"schemas\":\"block\"},\"download\":{\"schemas\":\"limited\"}}");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.56", "newest"})
  void v2GraphShapes(String version) {
    try (MetabaseSimulator sim = start(version, false)) {
      JsonNode groups =
          SimClient.admin(sim).get("/api/permissions/graph/db/1").json().get("groups");
      assertThat(groups.get("1").toString())
          .isEqualTo(
              "{\"1\":{\"view-data\":\"unrestricted\",\"create-queries\":\"query-builder\"}}");
      assertThat(groups.get("3").get("1").get("create-queries").asText())
          .isEqualTo("query-builder-and-native");
      assertThat(groups.get("4").toString()).isEqualTo("{\"1\":{\"view-data\":\"unrestricted\"}}");
      JsonNode admin = groups.get("2").get("1");
      assertThat(admin.get("details").asText()).isEqualTo("yes");
      assertThat(admin.has("transforms")).isEqualTo(version.equals("newest"));
      JsonNode db2 = SimClient.admin(sim).get("/api/permissions/graph/db/2").json().get("groups");
      assertThat(db2.get("6").toString())
          .isEqualTo("{\"2\":{\"view-data\":\"legacy-no-self-service\"}}");
      // blocked on a free build is not seeded: Contractors keep the default
      assertThat(
              SimClient.admin(sim)
                  .get("/api/permissions/graph/db/3")
                  .json()
                  .get("groups")
                  .get("7")
                  .toString())
          .isEqualTo("{\"3\":{\"view-data\":\"unrestricted\"}}");
    }
  }

  @Test
  void v2PutRevisionForcePartialAndImplications() {
    try (MetabaseSimulator sim = start("0.56", false)) {
      SimClient c = SimClient.admin(sim);
      String change = "\"groups\":{\"6\":{\"2\":{\"create-queries\":\"query-builder\"}}}}";
      assertThat(c.put("/api/permissions/graph", "{" + change).status())
          .isEqualTo(409); // missing revision
      SimClient.Resp stale = c.put("/api/permissions/graph", "{\"revision\":0," + change);
      assertThat(stale.status()).isEqualTo(409);
      assertThat(stale.body()).isEqualTo(STALE);
      assertThat(stale.contentType()).startsWith("text/plain");

      SimClient.Resp ok = c.put("/api/permissions/graph", "{\"revision\":1," + change);
      assertThat(ok.status()).isEqualTo(200);
      assertThat(ok.json().get("revision").asInt()).isEqualTo(2);
      // only the requested groups come back; create-queries forced view-data to unrestricted
      assertThat(ok.json().get("groups").fieldNames()).toIterable().containsExactly("6");
      assertThat(ok.json().get("groups").get("6").get("2").toString())
          .isEqualTo("{\"view-data\":\"unrestricted\",\"create-queries\":\"query-builder\"}");
      // partial: other DBs of group 6 untouched
      assertThat(ok.json().get("groups").get("6").get("4").get("create-queries").asText())
          .isEqualTo("query-builder-and-native");

      // every successful PUT writes a revision in 0.50+, even a no-op
      assertThat(
              c.put("/api/permissions/graph", "{\"revision\":2," + change)
                  .json()
                  .get("revision")
                  .asInt())
          .isEqualTo(3);
      SimClient.Resp forced =
          c.put(
              "/api/permissions/graph?force=true&skip-graph=true",
              "{\"revision\":0,\"groups\":{\"6\":{\"2\":{\"create-queries\":\"no\"}}}}");
      assertThat(forced.status()).isEqualTo(200);
      assertThat(forced.json().get("revision").asInt()).isEqualTo(4);
      assertThat(forced.json().has("groups")).isFalse();
      assertThat(
              c.get("/api/permissions/graph/group/6")
                  .json()
                  .get("groups")
                  .get("6")
                  .get("2")
                  .toString())
          .isEqualTo("{\"view-data\":\"unrestricted\"}");

      SimClient.Resp blocked =
          c.put(
              "/api/permissions/graph",
              "{\"revision\":4,\"groups\":{\"4\":{\"2\":{\"view-data\":\"blocked\"}}}}");
      assertThat(blocked.status()).isEqualTo(402);
      assertThat(blocked.body())
          .isEqualTo(
              "The blocked permissions functionality is only enabled if you have a "
                  + "premium token with the advanced-permissions feature.");
      // download etc. are accepted on a free 0.50+ build
      assertThat(
              c.put(
                      "/api/permissions/graph",
                      "{\"revision\":4,\"groups\":{\"4\":{\"2\":{\"download\":{\"schemas\":\"limited\"}}}}}")
                  .status())
          .isEqualTo(200);

      SimClient.Resp granular =
          c.put(
              "/api/permissions/graph",
              "{\"revision\":5,\"groups\":{\"5\":{\"2\":"
                  + "{\"create-queries\":{\"public\":{\"11\":\"query-builder\",\"12\":\"no\"}}}}}}");
      assertThat(granular.status()).isEqualTo(200);
      assertThat(granular.json().get("groups").get("5").get("2").toString())
          .isEqualTo(
              "{\"view-data\":\"unrestricted\",\"create-queries\":{\"public\":{\"11\":\"query-builder\"}}}");
      assertThat(
              c.put(
                      "/api/permissions/graph",
                      "{\"revision\":6,\"groups\":{\"5\":{\"2\":"
                          + "{\"create-queries\":{\"public\":\"query-builder-and-native\"}}}}}")
                  .status())
          .isEqualTo(400);

      SimClient.Resp audit =
          c.put(
              "/api/permissions/graph",
              "{\"revision\":6,\"groups\":{\"4\":{\"13371337\":{\"view-data\":\"unrestricted\"}}}}");
      assertThat(audit.status()).isEqualTo(400);
      assertThat(audit.body()).startsWith("Audit database permissions");
      assertThat(
              c.put(
                      "/api/permissions/graph",
                      "{\"revision\":6,\"groups\":{\"4\":{\"1\":"
                          + "{\"create-queries\":\"everything\"}}}}")
                  .status())
          .isEqualTo(400);
      assertThat(
              c.put("/api/permissions/graph", "{\"revision\":6,\"sandboxes\":[],\"groups\":{}}")
                  .status())
          .isEqualTo(402);
      assertThat(c.get("/api/permissions/graph").json().get("revision").asInt()).isEqualTo(6);
    }
  }

  @Test
  void v2PaidBlockedImpliesNoQueriesAndRejectsConflicts() {
    try (MetabaseSimulator sim = start("0.56", true)) {
      SimClient c = SimClient.admin(sim);
      assertThat(c.get("/api/permissions/graph/db/3").json().get("groups").has("7"))
          .isFalse(); // seeded blocked
      SimClient.Resp r =
          c.put(
              "/api/permissions/graph",
              "{\"revision\":1,\"groups\":{\"4\":{\"2\":{\"view-data\":\"blocked\"}}}}");
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.json().get("groups").get("4").has("2"))
          .isFalse(); // blocked/no/none are all elided
      SimClient.Resp conflict =
          c.put(
              "/api/permissions/graph",
              "{\"revision\":2,\"groups\":{\"4\":{\"2\":"
                  + "{\"view-data\":\"blocked\",\"create-queries\":\"query-builder-and-native\"}}}}");
      assertThat(conflict.status()).isEqualTo(400);
      assertThat(c.get("/api/permissions/graph").json().get("revision").asInt()).isEqualTo(2);
    }
  }

  /**
   * What Metabase's data_permissions code does with create-queries and view-data (read in its
   * source): a database-level create-queries replaces table-level view-data with unrestricted
   * access, even when the same view-data is sent again (unchanged values are dropped); a changed
   * view-data sent with it is applied after it.
   */
  @Test
  void v2CreateQueriesOverridesTableLevelViewDataAndOrderIsCreateQueriesFirst() {
    try (MetabaseSimulator sim = start("0.56", true)) {
      SimClient c = SimClient.admin(sim);
      String tables = "{\"public\":{\"11\":\"unrestricted\",\"12\":\"blocked\"}}";
      assertThat(
              c.put(
                      "/api/permissions/graph",
                      "{\"revision\":1,\"groups\":{\"4\":{\"2\":{\"view-data\":" + tables + "}}}}")
                  .status())
          .isEqualTo(200);
      SimClient.Resp resent =
          c.put(
              "/api/permissions/graph",
              "{\"revision\":2,\"groups\":{\"4\":{\"2\":"
                  + "{\"view-data\":"
                  + tables
                  + ",\"create-queries\":\"query-builder\"}}}}");
      assertThat(resent.status()).isEqualTo(200);
      JsonNode entry = resent.json().get("groups").get("4").get("2");
      assertThat(entry.get("view-data").asText())
          .as("the table-level restriction is gone")
          .isEqualTo("unrestricted");
      assertThat(entry.get("create-queries").asText()).isEqualTo("query-builder");

      // group 4 may view database 1: a changed view-data sent with create-queries is applied after
      // it
      SimClient.Resp together =
          c.put(
              "/api/permissions/graph",
              "{\"revision\":3,\"groups\":{\"4\":{\"1\":"
                  + "{\"view-data\":\"legacy-no-self-service\",\"create-queries\":\"query-builder\"}}}}");
      assertThat(together.status()).isEqualTo(200);
      JsonNode legacy = together.json().get("groups").get("4").get("1");
      assertThat(legacy.get("view-data").asText()).isEqualTo("legacy-no-self-service");
      assertThat(legacy.get("create-queries").asText()).isEqualTo("query-builder");
      // group 6 already has legacy-no-self-service on database 2: sent unchanged, it is dropped and
      // replaced
      SimClient.Resp unchanged =
          c.put(
              "/api/permissions/graph",
              "{\"revision\":4,\"groups\":{\"6\":{\"2\":"
                  + "{\"view-data\":\"legacy-no-self-service\",\"create-queries\":\"query-builder\"}}}}");
      assertThat(unchanged.json().get("groups").get("6").get("2").get("view-data").asText())
          .isEqualTo("unrestricted");
    }
  }

  @Test
  void newestRejectsUnknownPerDatabaseKeys() {
    try (MetabaseSimulator sim = start("newest", false)) {
      SimClient c = SimClient.admin(sim);
      SimClient.Resp r =
          c.put(
              "/api/permissions/graph",
              "{\"revision\":1,\"groups\":{\"4\":{\"1\":{\"frobnicate\":\"yes\"}}}}");
      assertThat(r.status()).isEqualTo(400);
      assertThat(r.body()).contains("unrecognized permissions for a database");
      assertThat(
              c.put(
                      "/api/permissions/graph",
                      "{\"revision\":1,\"groups\":{\"4\":{\"1\":{\"transforms\":\"yes\"}}}}")
                  .json()
                  .get("groups")
                  .get("4")
                  .get("1")
                  .get("transforms")
                  .asText())
          .isEqualTo("yes");
    }
  }
}
