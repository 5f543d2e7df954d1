package org.batonjava.metabase.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import c1.connector.v2.Resource;
import io.grpc.Status;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.batonjava.metabase.sim.MetabaseSimulator;
import org.batonjava.metabase.sim.faults.FaultConfig;
import org.batonjava.sdk.connector.ConnectorException;
import org.batonjava.sdk.connector.PageRequest;
import org.batonjava.sdk.connector.PageResult;
import org.batonjava.sdk.connector.ResourceSyncer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pages of users read ahead ({@code --metabase-page-concurrency}): the same users, tokens and
 * requests as reading one page after the other, against the simulator over HTTP.
 */
class UserPageConcurrencyTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "concurrency {0}")
  @ValueSource(ints = {2, 4, 16})
  void aSyncReadsTheSameAsOnePageAtATime(int concurrency) {
    try (MetabaseSimulator sim =
        Sims.start("0.56", false, TestDatasets.users(1_234, Set.of(5, 700)).write(dir))) {
      SyncedFile sequential =
          SyncedFile.connectorOutput(Sims.connector(sim, MetabaseVariant.V056, 1), dir);
      long sequentialRequests = sim.requestLog().count("GET /api/user");

      SyncedFile concurrent =
          SyncedFile.connectorOutput(Sims.connector(sim, MetabaseVariant.V056, concurrency), dir);

      assertThat(concurrent.resourceIds()).isEqualTo(sequential.resourceIds());
      assertThat(concurrent.grantIds()).isEqualTo(sequential.grantIds());
      assertThat(concurrent.resources).isEqualTo(sequential.resources);
      // 13 pages of 100 each way: nothing is read twice or read in vain.
      assertThat(sequentialRequests).isEqualTo(13);
      assertThat(sim.requestLog().count("GET /api/user")).isEqualTo(2 * sequentialRequests);
    }
  }

  @Test
  void tokensStayTheNextOffsetWhenPagesAreReadAhead() {
    try (MetabaseSimulator sim = Sims.demo("0.56", false)) {
      ResourceSyncer users = Sims.connector(sim, MetabaseVariant.V056, 4).resourceSyncers().get(0);
      List<String> tokens = new ArrayList<>();
      List<String> seen = new ArrayList<>();
      String token = "";
      do {
        PageResult<Resource> page = users.list(Optional.empty(), new PageRequest(token, 3, "s1"));
        page.items().forEach(r -> seen.add(r.getId().getResource()));
        token = page.nextToken();
        tokens.add(token);
      } while (!token.isEmpty());
      assertThat(tokens).containsExactly("3", "6", "9", "");
      assertThat(seen).hasSize(10).doesNotHaveDuplicates();
      assertThat(sim.requestLog().count("GET /api/user")).isEqualTo(4);
    }
  }

  @Test
  void aPageReadAheadThatFailsFailsWhenItsTurnComesAndIsReadAgainOnRetry() {
    try (MetabaseSimulator sim =
        Sims.start("0.56", false, TestDatasets.users(350, Set.of()).write(dir))) {
      ResourceSyncer users = Sims.connector(sim, MetabaseVariant.V056, 4).resourceSyncers().get(0);
      PageResult<Resource> first = users.list(Optional.empty(), new PageRequest("", 100, "s1"));
      // The pages at 100, 200 and 300 are being read ahead now; the server goes away meanwhile.
      sim.faults().set(FaultConfig.builder().errorRate(1.0).errorStatuses(List.of(503)).build());
      sleepUntilAnswered(sim, 4);
      assertThatThrownBy(
              () -> users.list(Optional.empty(), new PageRequest(first.nextToken(), 100, "s1")))
          .isInstanceOfSatisfying(
              ConnectorException.class,
              e -> assertThat(e.code()).isEqualTo(Status.Code.UNAVAILABLE));
      sim.faults().set(FaultConfig.none());
      PageResult<Resource> again =
          users.list(Optional.empty(), new PageRequest(first.nextToken(), 100, "s1"));
      assertThat(again.items()).hasSize(100);
      assertThat(again.nextToken()).isEqualTo("200");
    }
  }

  @Test
  void anotherSyncNeverGetsPagesReadForTheLastOne() {
    try (MetabaseSimulator sim =
        Sims.start("0.56", false, TestDatasets.users(250, Set.of()).write(dir))) {
      SimAdmin admin = new SimAdmin(sim);
      ResourceSyncer users = Sims.connector(sim, MetabaseVariant.V056, 4).resourceSyncers().get(0);
      PageResult<Resource> first = users.list(Optional.empty(), new PageRequest("", 100, "s1"));
      sleepUntilAnswered(sim, 3);
      admin.createUser("aaa.first@example.com", "Aaa", "First");

      PageResult<Resource> next = users.list(Optional.empty(), new PageRequest("100", 100, "s2"));

      // s2 reads its own page at offset 100, which the new first user shifted by one: it starts
      // with the user that ended s1's first page, not with the page s1 read ahead.
      assertThat(next.items().get(0).getId())
          .isEqualTo(first.items().get(first.items().size() - 1).getId());
    }
  }

  private static void sleepUntilAnswered(MetabaseSimulator sim, int requests) {
    for (int i = 0; i < 200 && sim.requestLog().count("GET /api/user") < requests; i++) {
      try {
        Thread.sleep(25);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
