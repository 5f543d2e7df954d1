package org.batonjava.metabase.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.batonjava.metabase.sim.data.Dataset;
import org.batonjava.metabase.sim.policies.PoliciesApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sandboxes and impersonations: the lists (402 on free builds) and how the data graph shows them
 * per version.
 */
class PoliciesContractTest {
  @TempDir Path dir;

  private Dataset dataset() throws IOException {
    Path file = dir.resolve("p.json");
    Files.writeString(
        file,
        "{\"groups\":[{\"id\":3,\"name\":\"Ops\"}],"
            + "\"databases\":[{\"id\":1,\"name\":\"DB\",\"tables\":[{\"id\":1,\"schema\":\"s\",\"name\":\"a\"},"
            + "{\"id\":2,\"schema\":\"s\",\"name\":\"b\"}]},{\"id\":2,\"name\":\"W\",\"tables\":[]}],"
            + "\"permissions\":[{\"group_id\":3,\"database_id\":1,\"access\":\"query-builder\"},"
            + "{\"group_id\":3,\"database_id\":2,\"access\":\"native\"}],"
            + "\"sandboxes\":[{\"group_id\":3,\"table_id\":2,\"attribute_remappings\":{\"region\":[\"x\"]}}],"
            + "\"impersonations\":[{\"group_id\":3,\"db_id\":2,\"attribute\":\"role\"}]}");
    return Dataset.fromJson(file);
  }

  private MetabaseSimulator start(String version, boolean paid) throws IOException {
    return MetabaseSimulator.builder()
        .version(version)
        .paid(paid)
        .dataset(dataset())
        .port(0)
        .start();
  }

  @Test
  void freeBuildsAnswer402() throws IOException {
    try (MetabaseSimulator sim = start("newest", false)) {
      SimClient.Resp gtap = SimClient.admin(sim).get("/api/mt/gtap");
      assertThat(gtap.status()).isEqualTo(402);
      assertThat(gtap.body()).isEqualTo(PoliciesApi.SANDBOXES_PAID);
      assertThat(SimClient.admin(sim).get("/api/ee/advanced-permissions/impersonation").status())
          .isEqualTo(402);
      JsonNode g = SimClient.admin(sim).get("/api/permissions/graph").json();
      assertThat(g.at("/groups/3/2/view-data").asText()).isEqualTo("unrestricted");
    }
  }

  @Test
  void paidBuildsListThemAndTheGraphShowsThem() throws IOException {
    try (MetabaseSimulator sim = start("newest", true)) {
      JsonNode gtap = SimClient.admin(sim).get("/api/mt/gtap").json();
      assertThat(gtap.toString())
          .isEqualTo(
              "[{\"id\":1,\"group_id\":3,\"table_id\":2,\"card_id\":null,"
                  + "\"attribute_remappings\":{\"region\":[\"x\"]}}]");
      assertThat(
              SimClient.admin(sim)
                  .get("/api/ee/advanced-permissions/impersonation")
                  .json()
                  .toString())
          .isEqualTo("[{\"id\":1,\"group_id\":3,\"db_id\":2,\"attribute\":\"role\"}]");
      JsonNode g = SimClient.admin(sim).get("/api/permissions/graph").json();
      assertThat(g.at("/groups/3/1/view-data").toString())
          .isEqualTo("{\"s\":{\"1\":\"unrestricted\",\"2\":\"sandboxed\"}}");
      assertThat(g.at("/groups/3/2/view-data").asText()).isEqualTo("impersonated");
    }
    try (MetabaseSimulator sim = start("0.49", true)) {
      JsonNode g = SimClient.admin(sim).get("/api/permissions/graph").json();
      assertThat(g.at("/groups/3/1/data/schemas").toString())
          .isEqualTo("{\"s\":{\"1\":\"all\",\"2\":\"segmented\"}}");
      assertThat(g.at("/groups/3/2/data/schemas").asText()).isEqualTo("impersonated");
    }
  }
}
