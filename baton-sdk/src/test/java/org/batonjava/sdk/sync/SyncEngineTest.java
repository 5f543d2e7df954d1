package org.batonjava.sdk.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import c1.connector.v2.Entitlement;
import c1.connector.v2.Grant;
import c1.connector.v2.GrantImmutable;
import c1.connector.v2.Resource;
import c1.connector.v2.ResourceId;
import c1.connector.v2.ResourceType;
import com.google.protobuf.TextFormat;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.batonjava.sdk.c1z.C1zOptions;
import org.batonjava.sdk.c1z.C1zStore;
import org.batonjava.sdk.c1z.SyncRun;
import org.batonjava.sdk.c1z.SyncType;
import org.batonjava.sdk.connector.Annotations;
import org.batonjava.sdk.connector.Connector;
import org.batonjava.sdk.connector.ConnectorException;
import org.batonjava.sdk.connector.PageRequest;
import org.batonjava.sdk.connector.PageResult;
import org.batonjava.sdk.connector.ResourceSyncer;
import org.batonjava.sdk.testconnector.SyntheticConnector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncEngineTest {
  @TempDir Path dir;

  static Retryer noSleep() {
    return new Retryer(10, Duration.ofMillis(1), Duration.ofMillis(5), d -> {}, () -> false);
  }

  SyncOptions options(String name) {
    return SyncOptions.defaults(dir.resolve(name))
        .withStore(C1zOptions.defaults().withTempDir(dir.resolve("tmp")));
  }

  SyncReport sync(SyntheticConnector c, SyncOptions o) {
    return new SyncEngine(c, o, noSleep()).run();
  }

  @Test
  void fullSyncStoresEverythingAndExpandsGrants() throws Exception {
    SyntheticConnector.Shape shape = SyntheticConnector.Shape.small();
    SyncReport report = sync(new SyntheticConnector(shape), options("a.c1z"));
    // 57 users, 6 groups, 3 workspaces, 12 projects (children of workspaces).
    assertThat(report.stats().resourcesByResourceType())
        .containsExactlyEntriesOf(
            new java.util.TreeMap<>(
                Map.of("group", 6L, "project", 12L, "user", 57L, "workspace", 3L)));
    assertThat(report.stats().entitlements()).isEqualTo(6 + 24);
    SortedMap<String, String> rows = C1zDump.of(dir.resolve("a.c1z"));
    // Direct membership of user u0 (0 % 6 == 0) in group g0.
    assertThat(rows).containsKey("grant group:g0:member:user:u0");
    // Cycle g0 → g1 → g2 → g0: members of g0 become members of g1 and g2 through expansion.
    String derived = rows.get("grant group:g1:member:user:u0");
    assertThat(derived).as("derived grant through the cycle").isNotNull();
    Grant g = parse(derived);
    assertThat(g.getSources().getSourcesMap()).containsKey("group:g0:member");
    assertThat(Annotations.has(g.getAnnotationsList(), GrantImmutable.class)).isTrue();
    assertThat(rows).containsKey("grant group:g2:member:user:u0");
    // Group 3 is outside the cycle: its members are not spread to g0.
    assertThat(rows)
        .containsKey("grant group:g3:member:user:u3")
        .doesNotContainKey("grant group:g0:member:user:u3");
    // The expandable group-to-group grants keep their expansion data.
    assertThat(rows).containsKey("expandable group:g1:member:group:g0");
    try (C1zStore store = C1zStore.openReadOnly(dir.resolve("a.c1z"), C1zOptions.defaults())) {
      SyncRun run = store.syncRuns().latestFinished().orElseThrow();
      assertThat(run.type()).isEqualTo(SyncType.FULL);
      assertThat(run.supportsDiff()).isTrue();
      assertThat(run.syncToken()).startsWith("{\"current_action_id\":").contains("\"version\":1");
      assertThat(run.statsJson().orElseThrow()).contains("\"grants\":" + report.stats().grants());
    }
  }

  @Test
  void projectViewersComeFromGroupMembersIncludingDerivedOnes() {
    sync(new SyntheticConnector(SyntheticConnector.Shape.small()), options("a.c1z"));
    SortedMap<String, String> rows = C1zDump.of(dir.resolve("a.c1z"));
    long viewerGrantsToUsers =
        rows.keySet().stream()
            .filter(k -> k.startsWith("grant project:") && k.contains(":viewer:user:"))
            .count();
    assertThat(viewerGrantsToUsers).isPositive();
    rows.entrySet().stream()
        .filter(
            e -> e.getKey().startsWith("grant project:") && e.getKey().contains(":viewer:user:"))
        .forEach(e -> assertThat(parse(e.getValue()).getSources().getSourcesCount()).isPositive());
  }

  @Test
  void transientFailuresAreRetriedAndChangeNothing() {
    sync(new SyntheticConnector(SyntheticConnector.Shape.small()), options("clean.c1z"));
    SyntheticConnector.Shape flaky = new SyntheticConnector.Shape(57, 6, 3, 4, 10, 0.3, 42);
    sync(new SyntheticConnector(flaky), options("flaky.c1z"));
    assertThat(C1zDump.of(dir.resolve("flaky.c1z")))
        .isEqualTo(C1zDump.of(dir.resolve("clean.c1z")));
  }

  @Test
  void aServerThatNeverRecoversStopsTheSyncResumably() {
    SyntheticConnector.Shape dead = new SyntheticConnector.Shape(57, 6, 3, 4, 10, 1.0, 1);
    assertThatThrownBy(() -> sync(new SyntheticConnector(dead), options("dead.c1z")))
        .isInstanceOf(ConnectorException.class)
        .hasMessageContaining("gave up after 10 attempts");
    try (C1zStore store = C1zStore.openReadOnly(dir.resolve("dead.c1z"), C1zOptions.defaults())) {
      assertThat(store.syncRuns().resumable(SyncType.FULL)).isPresent();
    }
  }

  @Test
  void aRepeatedPageTokenStopsTheSync() {
    SyntheticConnector c = new SyntheticConnector(SyntheticConnector.Shape.small());
    c.repeatTokenBug();
    assertThatThrownBy(() -> sync(c, options("loop.c1z")))
        .isInstanceOf(ConnectorException.class)
        .hasMessageContaining("same page token twice")
        .hasMessageContaining("offset-10");
  }

  @Test
  void resourceTypeFilterDropsWhatPointsOutside() {
    sync(
        new SyntheticConnector(SyntheticConnector.Shape.small()),
        options("f.c1z").withResourceTypes(Set.of("user", "group")));
    SortedMap<String, String> rows = C1zDump.of(dir.resolve("f.c1z"));
    assertThat(rows.keySet()).noneMatch(k -> k.contains("project") || k.contains("workspace"));
    assertThat(rows).containsKey("grant group:g0:member:user:u0");
    assertThatThrownBy(
            () ->
                sync(
                    new SyntheticConnector(SyntheticConnector.Shape.small()),
                    options("g.c1z").withResourceTypes(Set.of("user", "robot"))))
        .isInstanceOf(ConnectorException.class)
        .hasMessageContaining("unknown resource type(s) robot");
  }

  @Test
  void resourcesOnlySync() {
    SyncReport r =
        sync(
            new SyntheticConnector(SyntheticConnector.Shape.small()),
            options("r.c1z").withSkipEntitlementsAndGrants(true));
    assertThat(r.stats().entitlements()).isZero();
    assertThat(r.stats().grants()).isZero();
    assertThat(r.stats().resources()).isEqualTo(57 + 6 + 3 + 12);
    try (C1zStore store = C1zStore.openReadOnly(dir.resolve("r.c1z"), C1zOptions.defaults())) {
      assertThat(store.syncRuns().latestFinished().orElseThrow().type())
          .isEqualTo(SyncType.RESOURCES_ONLY);
    }
  }

  @Test
  void workersGiveTheSameFileAsASequentialRun() {
    SyntheticConnector.Shape shape = new SyntheticConnector.Shape(230, 9, 5, 7, 25, 0.1, 5);
    sync(new SyntheticConnector(shape), options("seq.c1z"));
    sync(new SyntheticConnector(shape), options("par.c1z").withWorkers(4));
    assertThat(C1zDump.of(dir.resolve("par.c1z"))).isEqualTo(C1zDump.of(dir.resolve("seq.c1z")));
    assertThat(C1zDump.grantOrder(dir.resolve("par.c1z")))
        .isEqualTo(C1zDump.grantOrder(dir.resolve("seq.c1z")));
  }

  @Test
  void aTypeThatOffersNoEntitlementsIsNotAskedAndTheFileIsTheSame() {
    SyntheticConnector.Shape shape = SyntheticConnector.Shape.small();
    sync(new SyntheticConnector(shape), options("asked.c1z"));
    AtomicInteger asked = new AtomicInteger();
    Connector quiet = new QuietUsers(new SyntheticConnector(shape), asked);
    new SyncEngine(quiet, options("quiet.c1z"), noSleep()).run();
    assertThat(asked).hasValue(0);
    assertThat(C1zDump.of(dir.resolve("quiet.c1z")))
        .isEqualTo(C1zDump.of(dir.resolve("asked.c1z")));
  }

  /** The synthetic connector, its users saying they offer no entitlements; asks are counted. */
  private static final class QuietUsers extends ForwardingConnector {
    private final AtomicInteger asked;

    QuietUsers(Connector inner, AtomicInteger asked) {
      super(inner);
      this.asked = asked;
    }

    @Override
    public List<ResourceSyncer> resourceSyncers() {
      return inner.resourceSyncers().stream()
          .map(s -> s.resourceType().getId().equals("user") ? quiet(s) : s)
          .toList();
    }

    private ResourceSyncer quiet(ResourceSyncer users) {
      return new ResourceSyncer() {
        @Override
        public ResourceType resourceType() {
          return users.resourceType();
        }

        @Override
        public PageResult<Resource> list(Optional<ResourceId> parent, PageRequest page) {
          return users.list(parent, page);
        }

        @Override
        public PageResult<Entitlement> entitlements(Resource resource, PageRequest page) {
          asked.incrementAndGet();
          return users.entitlements(resource, page);
        }

        @Override
        public boolean offersEntitlements() {
          return false;
        }

        @Override
        public PageResult<Grant> grants(Resource resource, PageRequest page) {
          return users.grants(resource, page);
        }
      };
    }
  }

  @Test
  void aSecondSyncKeepsThePreviousOne() {
    SyncReport first =
        sync(new SyntheticConnector(SyntheticConnector.Shape.small()), options("two.c1z"));
    SyncReport second =
        sync(new SyntheticConnector(SyntheticConnector.Shape.small()), options("two.c1z"));
    SyncReport third =
        sync(new SyntheticConnector(SyntheticConnector.Shape.small()), options("two.c1z"));
    assertThat(second.resumed()).isFalse();
    try (C1zStore store = C1zStore.openReadOnly(dir.resolve("two.c1z"), C1zOptions.defaults())) {
      assertThat(store.syncRuns().all())
          .extracting(SyncRun::id)
          .containsExactly(second.syncId(), third.syncId());
    }
    assertThat(first.syncId()).isNotEqualTo(second.syncId());
  }

  static Grant parse(String text) {
    try {
      Grant.Builder b = Grant.newBuilder();
      TextFormat.getParser()
          .merge(text, com.google.protobuf.ExtensionRegistry.getEmptyRegistry(), b);
      return b.build();
    } catch (TextFormat.ParseException e) {
      throw new AssertionError(e);
    }
  }
}
