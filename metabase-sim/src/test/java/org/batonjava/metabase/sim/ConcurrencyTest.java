package org.batonjava.metabase.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.batonjava.metabase.sim.data.Dataset;
import org.batonjava.metabase.sim.data.ScaleParameters;
import org.junit.jupiter.api.Test;

/**
 * Many parallel clients changing memberships: every change is atomic and the final state is
 * consistent.
 */
class ConcurrencyTest {

  @Test
  void parallelAddsAndRemovesLeaveConsistentState() throws Exception {
    try (MetabaseSimulator sim =
        MetabaseSimulator.builder()
            .version("0.56")
            .dataset(Dataset.scale(new ScaleParameters(200, 10, 0, 2, 0.0, 7, 0, 0)))
            .port(0)
            .start()) {
      SimClient c = SimClient.admin(sim);
      ExecutorService pool = Executors.newFixedThreadPool(12);
      List<Future<int[]>> results = new ArrayList<>();
      for (int t = 0; t < 12; t++) {
        int thread = t;
        results.add(
            pool.submit(
                () -> {
                  int created = 0;
                  int conflicts = 0;
                  for (int i = 0; i < 30; i++) {
                    int user = 4 + (thread * 30 + i) % 190;
                    int group = 3 + i % 10;
                    SimClient.Resp r =
                        c.post(
                            "/api/permissions/membership",
                            "{\"group_id\":" + group + ",\"user_id\":" + user + "}");
                    if (r.status() == 200) {
                      created++;
                    } else {
                      conflicts++; // the same pair raced from another thread → 500 duplicate
                    }
                  }
                  return new int[] {created, conflicts};
                }));
      }
      int created = 0;
      for (Future<int[]> f : results) {
        created += f.get()[0];
      }
      pool.shutdown();
      JsonNode map = c.get("/api/permissions/membership").json();
      int nonAllUsers = 0;
      for (JsonNode list : map) {
        for (JsonNode m : list) {
          if (m.get("group_id").asInt() > 2) {
            nonAllUsers++;
          }
        }
      }
      assertThat(nonAllUsers).isEqualTo(created);
      int sumCounts = 0;
      for (JsonNode g : c.get("/api/permissions/group").json()) {
        if (g.get("id").asInt() > 2) {
          sumCounts += g.get("member_count").asInt();
        }
      }
      assertThat(sumCounts).isEqualTo(created);

      // now remove them all in parallel; the count of successful deletes equals what existed
      List<Integer> ids = new ArrayList<>();
      map.forEach(
          list ->
              list.forEach(
                  m -> {
                    if (m.get("group_id").asInt() > 2) {
                      ids.add(m.get("membership_id").asInt());
                    }
                  }));
      ExecutorService deleters = Executors.newFixedThreadPool(8);
      List<Future<Integer>> statuses = new ArrayList<>();
      for (int id : ids) {
        statuses.add(deleters.submit(() -> c.delete("/api/permissions/membership/" + id).status()));
        statuses.add(deleters.submit(() -> c.delete("/api/permissions/membership/" + id).status()));
      }
      int deleted = 0;
      for (Future<Integer> f : statuses) {
        int s = f.get();
        assertThat(s).isIn(204, 404);
        deleted += s == 204 ? 1 : 0;
      }
      deleters.shutdown();
      assertThat(deleted).isEqualTo(ids.size());
      for (JsonNode g : c.get("/api/permissions/group").json()) {
        if (g.get("id").asInt() > 2) {
          assertThat(g.get("member_count").asInt()).isZero();
        }
      }
    }
  }

  @Test
  void concurrentGraphWritersGetExactlyOneWinnerPerRevision() throws Exception {
    try (MetabaseSimulator sim = UsersContractTest.start("0.56", false)) {
      SimClient c = SimClient.admin(sim);
      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<Future<Integer>> statuses = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        String level = i % 2 == 0 ? "query-builder" : "no";
        statuses.add(
            pool.submit(
                () ->
                    c.put(
                            "/api/permissions/graph",
                            "{\"revision\":1,\"groups\":{\"4\":{\"1\":{\"create-queries\":\""
                                + level
                                + "\"}}}}")
                        .status()));
      }
      int ok = 0;
      for (Future<Integer> f : statuses) {
        int s = f.get();
        assertThat(s).isIn(200, 409);
        ok += s == 200 ? 1 : 0;
      }
      pool.shutdown();
      assertThat(ok).isEqualTo(1);
      assertThat(c.get("/api/permissions/graph").json().get("revision").asInt()).isEqualTo(2);
    }
  }
}
