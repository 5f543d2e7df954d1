package org.batonjava.metabase.connector;

import static org.assertj.core.api.Assertions.assertThat;

import c1.connector.v2.Entitlement;
import c1.connector.v2.Grant;
import c1.connector.v2.Resource;
import c1.connector.v2.ResourceId;
import c1.connector.v2.ResourceType;
import c1.connector.v2.UserTrait;
import io.grpc.Status;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.batonjava.metabase.sim.MetabaseSimulator;
import org.batonjava.metabase.sim.data.Dataset;
import org.batonjava.sdk.connector.Annotations;
import org.batonjava.sdk.connector.Connector;
import org.batonjava.sdk.connector.ConnectorException;
import org.batonjava.sdk.connector.ConnectorInfo;
import org.batonjava.sdk.connector.PageRequest;
import org.batonjava.sdk.connector.PageResult;
import org.batonjava.sdk.connector.ResourceSyncer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Users are listed one {@code GET /api/user} page per call, the next offset in the token. */
class UserPagingTest {
  @TempDir Path dir;

  private static Set<String> userIds(int from, int to) {
    return IntStream.rangeClosed(from, to)
        .mapToObj(i -> "user:" + i)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<String> usersIn(SyncedFile synced) {
    return synced.resourceIds().stream()
        .filter(id -> id.startsWith("user:"))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @ParameterizedTest(name = "{0} users -> {1} page(s)")
  @CsvSource({"1, 1", "99, 1", "100, 1", "101, 2", "250, 3"})
  void pagesOfOneHundred(int users, int pages) {
    try (MetabaseSimulator sim =
        Sims.start("0.56", false, TestDatasets.users(users, Set.of()).write(dir))) {
      SyncedFile synced =
          // One page after the other, as the Go connectors read them (read-ahead would make the
          // request log's order depend on timing; UserPageConcurrencyTest covers it).
          SyncedFile.connectorOutput(Sims.connector(sim, MetabaseVariant.UNVERSIONED, 1), dir);
      assertThat(usersIn(synced)).isEqualTo(userIds(1, users));
      assertThat(sim.requestLog().count("GET /api/user")).isEqualTo(pages);
      // every user is in All Users; user 1 also in Administrators
      assertThat(synced.grantIds())
          .contains("group:1:member:user:" + users, "group:2:member:user:1")
          .hasSize(users + 1);
      assertThat(sim.requestLog().count("GET /api/permissions/membership")).isEqualTo(1);
      List<String> queries =
          sim.requestLog().recent(1000).stream()
              .filter(e -> e.endpoint().equals("GET /api/user"))
              .map(e -> e.query())
              .toList();
      assertThat(queries.get(0)).isEqualTo("limit=100&status=all");
      if (pages > 1) {
        assertThat(queries.get(1)).isEqualTo("limit=100&offset=100&status=all");
      }
    }
  }

  @Test
  void noUsersAtAll() {
    // Only the two magic groups; the API-key pseudo-user is never listed by GET /api/user.
    try (MetabaseSimulator sim = Sims.start("0.56", false, Dataset.empty())) {
      SyncedFile synced =
          SyncedFile.connectorOutput(Sims.connector(sim, MetabaseVariant.V056, false), dir);
      assertThat(synced.resourceIds()).containsExactly("group:1", "group:2");
      assertThat(synced.grantIds()).isEmpty();
      assertThat(sim.requestLog().count("GET /api/user")).isEqualTo(1);
      assertThat(sim.requestLog().count("GET /api/permissions/membership")).isZero();
    }
  }

  @Test
  void deactivatedUsersAreSyncedAsDisabledWithTheirMemberships() {
    try (MetabaseSimulator sim =
        Sims.start("0.49", false, TestDatasets.users(6, Set.of(3, 5)).write(dir))) {
      SyncedFile synced =
          SyncedFile.connectorOutput(Sims.connector(sim, MetabaseVariant.V049, false), dir);
      assertThat(usersIn(synced)).isEqualTo(userIds(1, 6));
      for (int i = 1; i <= 6; i++) {
        UserTrait trait =
            Annotations.find(
                    synced.resources.get("user:" + i).getAnnotationsList(), UserTrait.class)
                .orElseThrow();
        assertThat(trait.getStatus().getStatus())
            .as("user %d", i)
            .isEqualTo(
                i == 3 || i == 5
                    ? UserTrait.Status.StatusValue.STATUS_DISABLED
                    : UserTrait.Status.StatusValue.STATUS_ENABLED);
      }
      assertThat(synced.grantIds()).contains("group:1:member:user:3", "group:1:member:user:5");
    }
  }

  @Test
  void tokensAreTheNextOffsetAndTheLastPageHasNone() {
    try (MetabaseSimulator sim = Sims.demo("0.56", false)) {
      ResourceSyncer users =
          Sims.connector(sim, MetabaseVariant.V056, false).resourceSyncers().get(0);
      List<String> tokens = new ArrayList<>();
      Set<String> seen = new TreeSet<>();
      String token = "";
      do {
        PageResult<Resource> page = users.list(Optional.empty(), new PageRequest(token, 3, ""));
        page.items().forEach(r -> seen.add("user:" + r.getId().getResource()));
        token = page.nextToken();
        tokens.add(token);
      } while (!token.isEmpty());
      assertThat(tokens).containsExactly("3", "6", "9", "");
      assertThat(seen).isEqualTo(userIds(1, 10));
      assertThat(sim.requestLog().count("GET /api/user")).isEqualTo(4);
    }
  }

  @Test
  void exactlyOnePageSizeOfUsersNeedsNoSecondCall() {
    try (MetabaseSimulator sim = Sims.demo("0.56", false)) {
      ResourceSyncer users =
          Sims.connector(sim, MetabaseVariant.V056, false).resourceSyncers().get(0);
      PageResult<Resource> first = users.list(Optional.empty(), new PageRequest("", 5, ""));
      PageResult<Resource> second =
          users.list(Optional.empty(), new PageRequest(first.nextToken(), 5, ""));
      assertThat(first.items()).hasSize(5);
      assertThat(second.items()).hasSize(5);
      assertThat(second.nextToken()).isEmpty();
    }
  }

  @Test
  void aBadTokenIsAnInvalidArgument() {
    try (MetabaseSimulator sim = Sims.demo("0.56", false)) {
      ResourceSyncer users =
          Sims.connector(sim, MetabaseVariant.V056, false).resourceSyncers().get(0);
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> users.list(Optional.empty(), new PageRequest("offset-x", 0, "")))
          .isInstanceOfSatisfying(
              ConnectorException.class,
              e -> assertThat(e.code()).isEqualTo(Status.Code.INVALID_ARGUMENT))
          .hasMessage("invalid page token: offset-x");
    }
  }

  /**
   * Users created while a sync runs (here: right after the first of two pages, through the sync
   * engine), reading one page after the other as the Go connectors do: every user that existed when
   * the sync started is synced; a new user whose name sorts after the current page is synced too;
   * one that sorts before it shifts the list (the user on the page boundary comes twice, which the
   * store de-duplicates) and is picked up by the next sync.
   */
  @Test
  void usersAddedBetweenPages() {
    try (MetabaseSimulator sim =
        Sims.start("0.56", false, TestDatasets.users(150, Set.of(7)).write(dir))) {
      SimAdmin admin = new SimAdmin(sim);
      AtomicInteger pages = new AtomicInteger();
      long[] added = new long[2];
      Connector connector =
          new AfterFirstUserPage(
              Sims.connector(sim, MetabaseVariant.V056, 1),
              () -> {
                if (pages.incrementAndGet() == 1) {
                  added[0] = admin.createUser("zed.zulu@example.com", "Zed", "Zulu");
                  added[1] = admin.createUser("aaron.aardvark@example.com", "Aaron", "Aardvark");
                }
              });
      SyncedFile first = SyncedFile.connectorOutput(connector, dir);
      assertThat(usersIn(first))
          .containsAll(userIds(1, 150))
          .contains("user:" + added[0])
          .doesNotContain("user:" + added[1]);
      assertThat(first.grantIds()).contains("group:1:member:user:" + added[0]);
      assertThat(sim.requestLog().count("GET /api/user")).isEqualTo(2);

      SyncedFile next =
          SyncedFile.connectorOutput(Sims.connector(sim, MetabaseVariant.V056, false), dir);
      assertThat(usersIn(next))
          .containsAll(userIds(1, 150))
          .contains("user:" + added[0], "user:" + added[1])
          .hasSize(152);
    }
  }

  /** Delegates to a connector, running a hook after each page of users. */
  private static final class AfterFirstUserPage implements Connector {
    private final Connector delegate;
    private final Runnable afterUserPage;

    AfterFirstUserPage(Connector delegate, Runnable afterUserPage) {
      this.delegate = delegate;
      this.afterUserPage = afterUserPage;
    }

    @Override
    public ConnectorInfo info() {
      return delegate.info();
    }

    @Override
    public void validate() {
      delegate.validate();
    }

    @Override
    public void syncFinished() {
      delegate.syncFinished();
    }

    @Override
    public List<ResourceSyncer> resourceSyncers() {
      List<ResourceSyncer> out = new ArrayList<>(delegate.resourceSyncers());
      ResourceSyncer users = out.get(0);
      out.set(
          0,
          new ResourceSyncer() {
            @Override
            public ResourceType resourceType() {
              return users.resourceType();
            }

            @Override
            public PageResult<Resource> list(Optional<ResourceId> parent, PageRequest page) {
              PageResult<Resource> result = users.list(parent, page);
              afterUserPage.run();
              return result;
            }

            @Override
            public PageResult<Entitlement> entitlements(Resource resource, PageRequest page) {
              return users.entitlements(resource, page);
            }

            @Override
            public PageResult<Grant> grants(Resource resource, PageRequest page) {
              return users.grants(resource, page);
            }
          });
      return out;
    }
  }
}
