package org.batonjava.metabase.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.batonjava.metabase.sim.application.ApplicationGraphApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The application permission graph: 402 on free builds; shape, partial writes, revision and 409 on
 * paid ones.
 */
class ApplicationGraphContractTest {
  private static final String GRAPH = "/api/ee/advanced-permissions/application/graph";

  @ParameterizedTest
  @ValueSource(strings = {"0.49", "0.56", "newest"})
  void freeBuildsAnswer402(String version) {
    try (MetabaseSimulator sim = UsersContractTest.start(version, false)) {
      SimClient.Resp get = SimClient.admin(sim).get(GRAPH);
      assertThat(get.status()).isEqualTo(402);
      assertThat(get.body()).isEqualTo(ApplicationGraphApi.PAID_FEATURE);
      assertThat(SimClient.admin(sim).put(GRAPH, "{\"revision\":1,\"groups\":{}}").status())
          .isEqualTo(402);
    }
  }

  @Test
  void paidGraphListsGroupsHoldingAnyWithAllThreeTypes() {
    try (MetabaseSimulator sim = UsersContractTest.start("0.56", true)) {
      JsonNode g = SimClient.admin(sim).get(GRAPH).json();
      assertThat(g.get("revision").asInt()).isEqualTo(1);
      assertThat(g.get("groups").properties())
          .extracting(java.util.Map.Entry::getKey)
          .containsExactlyInAnyOrder("1", "2", "6");
      assertThat(g.at("/groups/2").toString())
          .isEqualTo("{\"setting\":\"yes\",\"monitoring\":\"yes\",\"subscription\":\"yes\"}");
      assertThat(g.at("/groups/1").toString())
          .isEqualTo("{\"setting\":\"no\",\"monitoring\":\"no\",\"subscription\":\"yes\"}");
      assertThat(g.at("/groups/6/setting").asText()).isEqualTo("yes");
    }
  }

  @Test
  void partialWritesChangeOnlyWhatIsSentAndCheckTheRevision() {
    try (MetabaseSimulator sim = UsersContractTest.start("newest", true)) {
      SimClient admin = SimClient.admin(sim);
      assertThat(admin.put(GRAPH, "{\"groups\":{\"4\":{\"setting\":\"yes\"}}}").status())
          .isEqualTo(409);
      assertThat(
              admin
                  .put(GRAPH, "{\"revision\":0,\"groups\":{\"4\":{\"setting\":\"yes\"}}}")
                  .status())
          .isEqualTo(409);
      SimClient.Resp ok =
          admin.put(
              GRAPH + "?skip-graph=true",
              "{\"revision\":1,\"groups\":{\"4\":{\"setting\":\"yes\"}}}");
      assertThat(ok.status()).isEqualTo(200);
      assertThat(ok.json().toString()).isEqualTo("{\"revision\":2}");
      JsonNode g = admin.get(GRAPH).json();
      assertThat(g.at("/groups/4").toString())
          .isEqualTo("{\"setting\":\"yes\",\"monitoring\":\"no\",\"subscription\":\"no\"}");
      assertThat(g.at("/groups/6/monitoring").asText())
          .as("other groups untouched")
          .isEqualTo("yes");
      assertThat(
              admin.put(GRAPH, "{\"revision\":2,\"groups\":{\"4\":{\"audit\":\"yes\"}}}").status())
          .isEqualTo(400);
      assertThat(
              admin
                  .put(GRAPH, "{\"revision\":2,\"groups\":{\"4\":{\"setting\":\"maybe\"}}}")
                  .status())
          .isEqualTo(400);
      assertThat(
              admin.put(GRAPH, "{\"revision\":2,\"groups\":{\"4\":{\"setting\":\"no\"}}}").status())
          .isEqualTo(200);
      assertThat(admin.get(GRAPH).json().at("/groups/4").isMissingNode())
          .as("a group with nothing is left out")
          .isTrue();
      admin.put(GRAPH, "{\"revision\":3,\"groups\":{\"2\":{\"setting\":\"no\"}}}");
      assertThat(admin.get(GRAPH).json().at("/groups/2/setting").asText())
          .as("Administrators unchanged")
          .isEqualTo("yes");
    }
  }
}
