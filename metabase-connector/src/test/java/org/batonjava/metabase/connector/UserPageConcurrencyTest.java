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
import org.batonjava.sdk.crypto.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pages of users read ahead ({@code --metabase-page-concurrency}): the same users, tokens and
 * requests as reading one page after the other, against the simulator over HTTP.
 */
class UserPageConcurrencyTest {
  private static final String KEY = "mb_UserPageConcurrencyTestKey000000000000000";

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
    // Every page after the first answers 503 the first time it is asked for.
    Set<String> failedOnce = java.util.concurrent.ConcurrentHashMap.newKeySet();
    FakeServer server =
        new FakeServer(
            r -> {
              String query = r.query() == null ? "" : r.query();
              long offset =
                  query.contains("offset=")
                      ? Long.parseLong(query.replaceAll(".*offset=(\\d+).*", "$1"))
                      : 0;
              if (offset > 0 && failedOnce.add(query)) {
                return FakeServer.Reply.of(503, "text/plain", "busy");
              }
              return FakeServer.Reply.of(200, "application/json", usersPage(offset, 100, 350));
            });
    try {
      ConnectorConfig base =
          ConnectorConfig.of(MetabaseVariant.V056, server.baseUrl(), Secret.of(KEY), false);
      ResourceSyncer users =
          MetabaseConnectors.create(
                  new ConnectorConfig(
                      base.baseUrl(),
                      base.apiKey(),
                      false,
                      MetabaseVariant.V056,
                      base.httpTimeout(),
                      false,
                      false,
                      4))
              .resourceSyncers()
              .get(0);
      PageResult<Resource> first = users.list(Optional.empty(), new PageRequest("", 100, "s1"));

      assertThatThrownBy(
              () -> users.list(Optional.empty(), new PageRequest(first.nextToken(), 100, "s1")))
          .isInstanceOfSatisfying(
              ConnectorException.class,
              e -> assertThat(e.code()).isEqualTo(Status.Code.UNAVAILABLE));
      PageResult<Resource> again =
          users.list(Optional.empty(), new PageRequest(first.nextToken(), 100, "s1"));

      assertThat(again.items()).hasSize(100);
      assertThat(again.items().get(0).getId().getResource()).isEqualTo("101");
      assertThat(again.nextToken()).isEqualTo("200");
      assertThat(
              server.requests.stream()
                  .filter(r -> "limit=100&offset=100&status=all".equals(r.query())))
          .hasSize(2);
    } finally {
      server.close();
    }
  }

  private static String usersPage(long offset, int limit, int total) {
    StringBuilder data = new StringBuilder();
    for (long id = offset + 1; id <= Math.min(offset + limit, total); id++) {
      if (data.length() > 0) {
        data.append(',');
      }
      data.append("{\"id\":")
          .append(id)
          .append(",\"email\":\"u")
          .append(id)
          .append("@example.com\",\"first_name\":\"U\",\"last_name\":\"")
          .append(id)
          .append("\",\"is_active\":true}");
    }
    return "{\"data\":[" + data + "],\"total\":" + total + ",\"limit\":" + limit + "}";
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

  @Test
  void theMembershipMapIsReadOnceInTheBackgroundAndAFailedReadIsReadAgain() {
    try (MetabaseSimulator sim =
        Sims.start("0.56", false, TestDatasets.users(150, Set.of()).write(dir))) {
      ResourceSyncer users = Sims.connector(sim, MetabaseVariant.V056, 4).resourceSyncers().get(0);
      // The first membership request (the background read) fails.
      sim.faults()
          .set(
              FaultConfig.builder()
                  .errorRate(1.0)
                  .errorStatuses(List.of(503))
                  .pathPrefix("/api/permissions/membership")
                  .limit(1)
                  .build());
      PageResult<Resource> first = users.list(Optional.empty(), new PageRequest("", 100, "s1"));

      // A grants call that waits for the failing read fails with it (the sync retries); one that
      // comes after it reads the map again. Either way the map is then read, once.
      try {
        users.grants(first.items().get(0), new PageRequest("", 0, "s1"));
      } catch (ConnectorException e) {
        assertThat(e.code()).isEqualTo(Status.Code.UNAVAILABLE);
      }
      PageResult<c1.connector.v2.Grant> grants =
          users.grants(first.items().get(0), new PageRequest("", 0, "s1"));
      users.grants(first.items().get(1), new PageRequest("", 0, "s1"));

      assertThat(grants.items()).isNotEmpty();
      assertThat(sim.requestLog().count("GET /api/permissions/membership")).isEqualTo(2);
    }
  }

  /**
   * Above one page at a time, the permission graph is read in the background from the first
   * database's entitlements on, once, and the databases' grants are those read without it.
   */
  @Test
  void thePermissionGraphIsReadOnceInTheBackgroundFromTheFirstDatabaseEntitlements() {
    TestDatasets data = TestDatasets.users(3, Set.of()).group(3, "Analysts");
    data.user(4, "ann@example.com", "Ann", "Lytic", true, 3);
    data.database(7, "Sales", 71).database(8, "Ops", 81);
    data.access(3, 7, "native").access(3, 8, "query-builder");
    try (MetabaseSimulator sim = Sims.start("0.56", false, data.write(dir))) {
      List<c1.connector.v2.Grant> oneAtATime = databaseGrants(sim, 1, "s1");
      assertThat(sim.requestLog().count("GET /api/permissions/graph")).isEqualTo(1);

      ResourceSyncer databases =
          Sims.connector(sim, MetabaseVariant.V056, 4).resourceSyncers().get(2);
      List<Resource> listed =
          databases.list(Optional.empty(), new PageRequest("", 0, "s2")).items();
      databases.entitlements(listed.get(0), new PageRequest("", 0, "s2"));
      databases.entitlements(listed.get(1), new PageRequest("", 0, "s2"));
      // No grants call yet: the graph arrives on its own.
      for (int i = 0; i < 200 && sim.requestLog().count("GET /api/permissions/graph") < 2; i++) {
        sleep();
      }
      assertThat(sim.requestLog().count("GET /api/permissions/graph")).isEqualTo(2);

      List<c1.connector.v2.Grant> readAhead = new ArrayList<>();
      for (Resource db : listed) {
        readAhead.addAll(databases.grants(db, new PageRequest("", 0, "s2")).items());
      }
      assertThat(readAhead).isEqualTo(oneAtATime).isNotEmpty();
      assertThat(sim.requestLog().count("GET /api/permissions/graph")).isEqualTo(2);
    }
  }

  /** One page at a time: entitlements read nothing ahead; grants read the graph when needed. */
  private static List<c1.connector.v2.Grant> databaseGrants(
      MetabaseSimulator sim, int concurrency, String syncId) {
    ResourceSyncer databases =
        Sims.connector(sim, MetabaseVariant.V056, concurrency).resourceSyncers().get(2);
    List<Resource> listed =
        databases.list(Optional.empty(), new PageRequest("", 0, syncId)).items();
    for (Resource db : listed) {
      databases.entitlements(db, new PageRequest("", 0, syncId));
    }
    sleep();
    assertThat(sim.requestLog().count("GET /api/permissions/graph")).isZero();
    List<c1.connector.v2.Grant> grants = new ArrayList<>();
    for (Resource db : listed) {
      grants.addAll(databases.grants(db, new PageRequest("", 0, syncId)).items());
    }
    return grants;
  }

  private static void sleep() {
    try {
      Thread.sleep(25);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
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
