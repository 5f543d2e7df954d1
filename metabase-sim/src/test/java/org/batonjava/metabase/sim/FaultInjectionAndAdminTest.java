package org.batonjava.metabase.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.batonjava.metabase.sim.faults.FaultConfig;
import org.batonjava.metabase.sim.faults.FaultDecision;
import org.batonjava.metabase.sim.faults.FaultInjector;
import org.junit.jupiter.api.Test;

/** Seeded fault injection and the /__sim/ admin endpoints. */
class FaultInjectionAndAdminTest {

  private static List<Integer> statuses(MetabaseSimulator sim, int n) {
    SimClient c = SimClient.admin(sim);
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(c.get("/api/permissions/group").status());
    }
    return out;
  }

  @Test
  void sameSeedReplaysTheSameFaultSequence() {
    FaultConfig config = FaultConfig.builder().seed(99).errorRate(0.4).build();
    List<Integer> first;
    List<Integer> second;
    try (MetabaseSimulator sim = UsersContractTest.start("0.56", false)) {
      sim.faults().set(config);
      first = statuses(sim, 40);
    }
    try (MetabaseSimulator sim = UsersContractTest.start("0.56", false)) {
      sim.faults().set(config);
      second = statuses(sim, 40);
    }
    assertThat(first).isEqualTo(second);
    assertThat(first).contains(200).anyMatch(s -> s >= 429);
    FaultInjector other = new FaultInjector(FaultConfig.builder().seed(100).errorRate(0.4).build());
    FaultInjector same = new FaultInjector(config);
    List<Integer> a = new ArrayList<>();
    List<Integer> b = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      a.add(same.next("/api/x").errorStatus());
      b.add(other.next("/api/x").errorStatus());
    }
    assertThat(a).isNotEqualTo(b);
    assertThat(new FaultInjector(config).next("/__sim/counters")).isEqualTo(FaultDecision.NONE);
  }

  @Test
  void errorStatusesCarryRetryAfterAndResetsAndTruncationBreakTheConnection() {
    try (MetabaseSimulator sim = UsersContractTest.start("0.56", false)) {
      SimClient c = SimClient.admin(sim);
      sim.faults()
          .set(
              FaultConfig.builder()
                  .errorRate(1)
                  .errorStatuses(List.of(429))
                  .retryAfterSeconds(7)
                  .build());
      SimClient.Resp limited = c.get("/api/user");
      assertThat(limited.status()).isEqualTo(429);
      assertThat(limited.raw().headers().firstValue("Retry-After")).hasValue("7");
      assertThat(SimClient.anonymous(sim).get("/__sim/counters").status())
          .isEqualTo(401); // admin-only

      sim.faults().set(FaultConfig.builder().resetRate(1).build());
      assertThatThrownBy(() -> c.sendChecked("GET", "/api/user", null))
          .isInstanceOf(IOException.class);
      sim.faults().set(FaultConfig.builder().truncateRate(1).build());
      assertThatThrownBy(() -> c.sendChecked("GET", "/api/user", null))
          .isInstanceOf(IOException.class);

      sim.faults()
          .set(FaultConfig.builder().slowBodyRate(1).slowBodyDelayMs(20).latencyMs(50).build());
      long t0 = System.nanoTime();
      SimClient.Resp slow = c.get("/api/user");
      assertThat(slow.status()).isEqualTo(200);
      assertThat(slow.json().get("total").asInt()).isEqualTo(9);
      assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(150);

      sim.faults().set(FaultConfig.builder().versionTag("v0.50.0").build());
      assertThat(
              SimClient.anonymous(sim)
                  .get("/api/session/properties")
                  .json()
                  .get("version")
                  .get("tag")
                  .asText())
          .isEqualTo("v0.50.0");
      sim.faults().clear();
      assertThat(c.get("/api/setting/version").json().get("tag").asText()).isEqualTo("v0.56.10");
    }
  }

  @Test
  void adminEndpointsExposeCountersRequestsAndFaults() {
    try (MetabaseSimulator sim = UsersContractTest.start("0.49", false)) {
      SimClient c = SimClient.admin(sim);
      c.get("/api/user");
      c.get("/api/user/4");
      c.get("/api/user/999");
      c.get("/api/nope");
      JsonNode counters = c.get("/__sim/counters").json();
      assertThat(counters.get("total").asInt()).isEqualTo(4);
      assertThat(counters.get("endpoints").get("GET /api/user/:id").toString())
          .isEqualTo("{\"200\":1,\"404\":1}");
      assertThat(counters.get("endpoints").get("unmatched").get("404").asInt()).isEqualTo(1);
      assertThat(sim.requestLog().count("GET /api/user", 200)).isEqualTo(1);
      JsonNode requests = c.get("/__sim/requests?limit=2").json();
      assertThat(requests).hasSize(2);
      assertThat(requests.get(0).get("path").asText()).isEqualTo("/api/user/999");
      assertThat(c.delete("/__sim/counters").status()).isEqualTo(204);
      assertThat(c.get("/__sim/counters").json().get("total").asInt()).isZero();

      JsonNode set =
          c.put("/__sim/faults", "{\"errorRate\":1.0,\"errorStatuses\":[503],\"seed\":5}").json();
      assertThat(set.get("errorRate").asDouble()).isEqualTo(1.0);
      SimClient.Resp unavailable = c.get("/api/user");
      assertThat(unavailable.status()).isEqualTo(503);
      assertThat(unavailable.raw().headers().firstValue("Retry-After")).isPresent();
      assertThat(c.get("/__sim/faults").json().get("seed").asInt()).isEqualTo(5);
      assertThat(c.put("/__sim/faults", "{\"errorRate\":2}").status()).isEqualTo(400);
      assertThat(c.put("/__sim/faults", "{\"nonsense\":1}").status()).isEqualTo(400);
      assertThat(c.delete("/__sim/faults").status()).isEqualTo(204);
      assertThat(c.get("/api/user").status()).isEqualTo(200);
      JsonNode state = c.get("/__sim/state").json();
      assertThat(state.get("users").asInt()).isEqualTo(10);
      assertThat(state.get("version").asText()).isEqualTo("v0.49.13");
    }
  }
}
