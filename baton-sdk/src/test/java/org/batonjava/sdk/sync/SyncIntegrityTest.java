package org.batonjava.sdk.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import c1.connector.v2.Entitlement;
import c1.connector.v2.Grant;
import c1.connector.v2.GroupTrait;
import c1.connector.v2.Resource;
import c1.connector.v2.ResourceId;
import c1.connector.v2.ResourceType;
import c1.connector.v2.UserTrait;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.batonjava.sdk.c1z.C1zOptions;
import org.batonjava.sdk.c1z.C1zStore;
import org.batonjava.sdk.c1z.SyncRun;
import org.batonjava.sdk.c1z.SyncType;
import org.batonjava.sdk.connector.Connector;
import org.batonjava.sdk.connector.ConnectorException;
import org.batonjava.sdk.connector.ConnectorInfo;
import org.batonjava.sdk.connector.EntitlementBuilder;
import org.batonjava.sdk.connector.GrantBuilder;
import org.batonjava.sdk.connector.PageRequest;
import org.batonjava.sdk.connector.PageResult;
import org.batonjava.sdk.connector.ResourceBuilder;
import org.batonjava.sdk.connector.ResourceSyncer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The check before a sync is marked finished: a grant whose entitlement or principal, or an
 * entitlement whose resource, is not in the same sync fails the sync with one line naming the first
 * dangling reference; the failed sync is dropped, the previous finished sync stays the latest, and
 * the next run starts afresh.
 */
class SyncIntegrityTest {
  @TempDir Path dir;
  Path file;
  Flawed connector;

  /** What the connector gets wrong. */
  enum Flaw {
    GRANT_OF_A_MISSING_ENTITLEMENT(
        "grant group:g1:ghost:user:u1 points at entitlement group:g1:ghost"),
    GRANT_TO_A_MISSING_PRINCIPAL("grant group:g1:member:user:u9 points at principal user:u9"),
    ENTITLEMENT_OF_A_MISSING_RESOURCE("entitlement group:g7:member points at resource group:g7");

    final String sentence;

    Flaw(String sentence) {
      this.sentence = sentence;
    }
  }

  @BeforeEach
  void goodSyncFirst() {
    file = dir.resolve("sync.c1z");
    connector = new Flawed();
    run();
  }

  private SyncReport run() {
    return new SyncEngine(
            connector,
            SyncOptions.defaults(file).withStore(C1zOptions.defaults().withTempDir(dir)),
            SyncEngineTest.noSleep())
        .run();
  }

  private Optional<SyncRun> latestFinished() {
    try (C1zStore store = C1zStore.openReadOnly(file, C1zOptions.defaults().withTempDir(dir))) {
      return store.syncRuns().latestFinished();
    }
  }

  @ParameterizedTest
  @EnumSource(Flaw.class)
  void aDanglingReferenceFailsTheSyncAndKeepsThePreviousOne(Flaw flaw) {
    SyncRun good = latestFinished().orElseThrow();
    connector.flaw = flaw;
    ConnectorException e = catchThrowableOfType(ConnectorException.class, this::run);
    assertThat(e).as("the sync must fail").isNotNull();
    assertThat(e.getMessage())
        .startsWith(
            "the sync is inconsistent and was not kept: "
                + flaw.sentence
                + ", which is not in the same sync; "
                + file
                + " keeps its earlier finished syncs")
        .doesNotContain("\n");
    assertThat(latestFinished().map(SyncRun::id)).contains(good.id());
    try (C1zStore store = C1zStore.openReadOnly(file, C1zOptions.defaults().withTempDir(dir))) {
      assertThat(store.syncRuns().resumable(SyncType.FULL))
          .as("the failed sync is not resumed")
          .isEmpty();
    }

    connector.flaw = null;
    SyncReport next = run();
    assertThat(next.resumed()).isFalse();
    assertThat(latestFinished().map(SyncRun::id)).contains(next.syncId());
  }

  @Test
  void aConsistentSyncPasses() {
    assertThat(latestFinished()).isPresent();
  }

  /**
   * The file's earlier sync granted to user u2; this one no longer has u2 at all. References of the
   * earlier sync are not this sync's: it passes.
   */
  @Test
  void aPrincipalOnlyAnEarlierSyncReferencedIsNotDangling() {
    connector.withU2 = true;
    run();
    connector.withU2 = false;
    SyncReport next = run();
    assertThat(latestFinished().map(SyncRun::id)).contains(next.syncId());
  }

  /** One user type, one group type; a flaw adds one dangling reference. */
  static final class Flawed implements Connector {
    Flaw flaw;
    boolean withU2;

    static Resource user(String id) {
      return ResourceBuilder.of("user", id, "U " + id)
          .userTrait(UserTrait.getDefaultInstance())
          .build();
    }

    static Resource group(String id) {
      return ResourceBuilder.of("group", id, "G " + id)
          .groupTrait(GroupTrait.getDefaultInstance())
          .build();
    }

    @Override
    public ConnectorInfo info() {
      return new ConnectorInfo("flawed", "Flawed", "dangling references", "0");
    }

    @Override
    public void validate() {}

    @Override
    public List<ResourceSyncer> resourceSyncers() {
      return List.of(
          new Syncer("user", ResourceType.Trait.TRAIT_USER),
          new Syncer("group", ResourceType.Trait.TRAIT_GROUP));
    }

    private final class Syncer implements ResourceSyncer {
      private final String type;
      private final ResourceType.Trait trait;

      Syncer(String type, ResourceType.Trait trait) {
        this.type = type;
        this.trait = trait;
      }

      @Override
      public ResourceType resourceType() {
        return ResourceType.newBuilder().setId(type).addTraits(trait).build();
      }

      @Override
      public PageResult<Resource> list(Optional<ResourceId> parent, PageRequest page) {
        return PageResult.last(
            type.equals("user")
                ? (withU2 ? List.of(user("u1"), user("u2")) : List.of(user("u1")))
                : List.of(group("g1")));
      }

      @Override
      public PageResult<Entitlement> entitlements(Resource r, PageRequest page) {
        if (type.equals("user")) {
          return PageResult.empty();
        }
        Entitlement member = EntitlementBuilder.assignment(r, "member").build();
        if (flaw == Flaw.ENTITLEMENT_OF_A_MISSING_RESOURCE) {
          return PageResult.last(
              List.of(member, EntitlementBuilder.assignment(group("g7"), "member").build()));
        }
        return PageResult.last(List.of(member));
      }

      @Override
      public PageResult<Grant> grants(Resource r, PageRequest page) {
        if (type.equals("user")) {
          return PageResult.empty();
        }
        Entitlement member = EntitlementBuilder.assignment(r, "member").build();
        Grant ok = GrantBuilder.of(member, user("u1")).build();
        if (flaw == Flaw.GRANT_OF_A_MISSING_ENTITLEMENT) {
          return PageResult.last(
              List.of(
                  ok,
                  GrantBuilder.of(EntitlementBuilder.assignment(r, "ghost").build(), user("u1"))
                      .build()));
        }
        if (flaw == Flaw.GRANT_TO_A_MISSING_PRINCIPAL) {
          return PageResult.last(List.of(ok, GrantBuilder.of(member, user("u9")).build()));
        }
        if (withU2) {
          return PageResult.last(List.of(ok, GrantBuilder.of(member, user("u2")).build()));
        }
        return PageResult.last(List.of(ok));
      }
    }
  }
}
