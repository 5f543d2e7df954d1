package org.batonjava.metabase.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.batonjava.metabase.sim.data.Dataset;
import org.batonjava.metabase.sim.data.ScaleParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scale dataset at 50,000 users, determinism, and JSON datasets. */
class DatasetsTest {

  @Test
  void fiftyThousandUsersGenerateAndPageCorrectly() {
    try (MetabaseSimulator sim =
        MetabaseSimulator.builder()
            .version("0.56")
            .dataset(Dataset.scale(ScaleParameters.DEFAULT))
            .port(0)
            .start()) {
      SimClient c = SimClient.admin(sim);
      JsonNode all = c.get("/api/user?status=all&limit=1").json();
      assertThat(all.get("total").asInt()).isEqualTo(50_000);
      int active = c.get("/api/user?limit=1").json().get("total").asInt();
      assertThat(active).isBetween(46_500, 48_500); // ≈5 % deactivated

      // walk a slice the way the connector does (limit 100, next offset = offset + limit) without
      // duplicates
      Set<Integer> seen = new HashSet<>();
      for (int offset = 0; offset < 5_000; offset += 1_000) {
        JsonNode page = c.get("/api/user?limit=1000&offset=" + offset + "&status=all").json();
        assertThat(page.get("data")).hasSize(1000);
        page.get("data").forEach(u -> seen.add(u.get("id").asInt()));
      }
      assertThat(seen).hasSize(5_000);
      JsonNode last = c.get("/api/user?limit=100&offset=49950&status=all").json();
      assertThat(last.get("data")).hasSize(50);

      JsonNode groups = c.get("/api/permissions/group").json();
      assertThat(groups).hasSize(502);
      JsonNode map = c.get("/api/permissions/membership").json();
      assertThat(map.size())
          .isEqualTo(50_101); // + the pseudo-users of the admin key and the 100 generated keys
      assertThat(c.get("/api/database").json().get("total").asInt()).isEqualTo(300);
    }
  }

  @Test
  void sameSeedSameDataset() {
    ScaleParameters p = new ScaleParameters(300, 12, 3, 5, 0.1, 11);
    String a;
    String b;
    try (MetabaseSimulator sim =
        MetabaseSimulator.builder().dataset(Dataset.scale(p)).port(0).start()) {
      a =
          SimClient.admin(sim).get("/api/user?status=all").body()
              + SimClient.admin(sim).get("/api/permissions/membership").body()
              + SimClient.admin(sim)
                  .get("/api/permissions/graph")
                  .body()
                  .replaceAll("\"revision\":\\d+", "");
    }
    try (MetabaseSimulator sim =
        MetabaseSimulator.builder().dataset(Dataset.scale(p)).port(0).start()) {
      b =
          SimClient.admin(sim).get("/api/user?status=all").body()
              + SimClient.admin(sim).get("/api/permissions/membership").body()
              + SimClient.admin(sim)
                  .get("/api/permissions/graph")
                  .body()
                  .replaceAll("\"revision\":\\d+", "");
    }
    assertThat(a.replaceAll("\"updated_at\":\"[^\"]*\"", ""))
        .isEqualTo(b.replaceAll("\"updated_at\":\"[^\"]*\"", ""));
  }

  @Test
  void jsonDatasetFromFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("tiny.json");
    Files.writeString(
        file,
        """
                {"name": "tiny", "revision": 5,
                 "groups": [{"id": 3, "name": "Ops"}],
                 "databases": [{"id": 1, "name": "Ops DB", "engine": "postgres"}],
                 "users": [{"id": 1, "email": "root@tiny.test", "first_name": "Root", "last_name": "User",
                            "password": "pw123456", "groups": [2]},
                           {"id": 2, "email": "op@tiny.test", "first_name": "Op", "last_name": "Erator",
                            "groups": [3], "manager_of": [3]}],
                 "permissions": [{"group_id": 3, "database_id": 1, "access": "native"}]}
                """);
    try (MetabaseSimulator sim =
        MetabaseSimulator.builder()
            .version("0.49")
            .dataset(Dataset.fromJson(file))
            .port(0)
            .start()) {
      SimClient c = SimClient.admin(sim);
      assertThat(c.get("/api/user").json().get("total").asInt()).isEqualTo(2);
      JsonNode graph = c.get("/api/permissions/graph").json();
      assertThat(graph.get("revision").asInt()).isEqualTo(5);
      assertThat(graph.get("groups").get("3").toString())
          .isEqualTo("{\"1\":{\"data\":{\"native\":\"write\",\"schemas\":\"all\"}}}");
      // manager_of is a paid-only fact: dropped on a free build
      assertThat(
              c.get("/api/permissions/membership")
                  .json()
                  .get("2")
                  .get(1)
                  .get("is_group_manager")
                  .asBoolean())
          .isFalse();
    }
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"users\": [{\"id\": 1, \"emial\": \"x\"}]}");
    assertThatThrownBy(() -> Dataset.fromJson(bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("emial");
    assertThatThrownBy(() -> Dataset.fromJson(dir.resolve("missing.json")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
