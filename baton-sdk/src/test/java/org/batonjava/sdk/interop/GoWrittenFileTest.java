package org.batonjava.sdk.interop;

import static org.assertj.core.api.Assertions.assertThat;

import c1.connector.v2.Entitlement;
import c1.connector.v2.Grant;
import c1.connector.v2.GrantExpandable;
import c1.connector.v2.GroupTrait;
import c1.connector.v2.Resource;
import c1.connector.v2.ResourceId;
import c1.connector.v2.ResourceType;
import c1.connector.v2.UserTrait;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.batonjava.sdk.c1z.C1zFormat;
import org.batonjava.sdk.c1z.C1zOptions;
import org.batonjava.sdk.c1z.C1zStore;
import org.batonjava.sdk.c1z.GrantFilter;
import org.batonjava.sdk.c1z.RowReader;
import org.batonjava.sdk.c1z.SyncRun;
import org.batonjava.sdk.c1z.SyncType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads a c1z written by the Go SDK's own store (baton-sdk v0.25.0, SQLite engine) through {@code
 * tools/baton-cli/c1zfixture}, then adds a sync to it and lets the official {@code baton} CLI read
 * the result. The expected content mirrors {@code put} in {@code c1zfixture/main.go}.
 */
class GoWrittenFileTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  Path file;
  String goSyncId;
  Instant before;

  private C1zOptions options() {
    return C1zOptions.defaults().withTempDir(dir.resolve("tmp"));
  }

  @BeforeEach
  void writeWithTheGoSdk() {
    file = dir.resolve("go-written.c1z");
    before = Instant.now().minusSeconds(1);
    goSyncId = GoFixture.fromBuild().write(file);
    assertThat(C1zFormat.detect(file)).isEqualTo(C1zFormat.V1_SQLITE);
  }

  @Test
  void readsEveryRowTheGoSdkWrote() throws Exception {
    try (C1zStore store = C1zStore.openReadOnly(file, options())) {
      SyncRun run = store.syncRuns().latestFinished().orElseThrow();
      assertThat(run.id()).isEqualTo(goSyncId);
      assertThat(run.type()).isEqualTo(SyncType.FULL);
      assertThat(run.parentSyncId()).isEmpty();
      assertThat(run.supportsDiff()).isTrue();
      assertThat(run.syncToken()).isEqualTo("{\"completed_actions_count\":7,\"version\":1}");
      assertThat(run.startedAt()).isBetween(before, Instant.now());
      assertThat(run.endedAt())
          .hasValueSatisfying(
              end ->
                  assertThat(end)
                      .isAfterOrEqualTo(run.startedAt())
                      .isBefore(run.startedAt().plus(Duration.ofMinutes(1))));
      assertThat(store.syncRuns().all()).extracting(SyncRun::id).containsExactly(goSyncId);

      RowReader r = store.reader();
      assertThat(r.listResourceTypes(goSyncId, "", 0).items())
          .extracting(ResourceType::getId, t -> t.getTraitsList())
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("user", List.of(ResourceType.Trait.TRAIT_USER)),
              org.assertj.core.groups.Tuple.tuple("group", List.of(ResourceType.Trait.TRAIT_GROUP)),
              org.assertj.core.groups.Tuple.tuple("database", List.of()),
              org.assertj.core.groups.Tuple.tuple("schema", List.of()));

      List<Resource> resources = r.listResources(goSyncId, Optional.empty(), "", 0).items();
      assertThat(resources)
          .extracting(x -> x.getId().getResourceType() + ":" + x.getId().getResource())
          .containsExactly("user:1", "user:2", "group:10", "database:3", "schema:3/public");
      assertThat(resources)
          .extracting(Resource::getDisplayName)
          .containsExactly("Alice", "Bob", "Analysts", "Sales", "public");
      Resource alice = resources.get(0);
      UserTrait trait = alice.getAnnotations(0).unpack(UserTrait.class);
      assertThat(trait.getLogin()).isEqualTo("alice@example.com");
      assertThat(trait.getEmails(0).getAddress()).isEqualTo("alice@example.com");
      assertThat(trait.getStatus().getStatus())
          .isEqualTo(UserTrait.Status.StatusValue.STATUS_ENABLED);
      assertThat(resources.get(2).getAnnotations(0).is(GroupTrait.class)).isTrue();
      assertThat(resources.get(4).getParentResourceId())
          .isEqualTo(ResourceId.newBuilder().setResourceType("database").setResource("3").build());
      assertThat(resources.subList(0, 4))
          .allSatisfy(x -> assertThat(x.hasParentResourceId()).isFalse());
      // The parent columns, not just the blob: children are found through them.
      assertThat(r.listChildResources(goSyncId, "database", "3", "", 0).items())
          .extracting(x -> x.getId().getResource())
          .containsExactly("3/public");
      assertThat(r.listChildResources(goSyncId, "group", "10", "", 0).items()).isEmpty();
      assertThat(r.getResource(goSyncId, "schema", "3/public")).contains(resources.get(4));

      Resource analysts = resources.get(2);
      Resource sales = resources.get(3);
      List<Entitlement> entitlements =
          r.listEntitlements(goSyncId, Optional.empty(), "", 0).items();
      assertThat(entitlements)
          .extracting(Entitlement::getId)
          .containsExactly("group:10:member", "database:3:access");
      Entitlement member = entitlements.get(0);
      assertThat(member.getResource()).isEqualTo(analysts);
      assertThat(member.getSlug()).isEqualTo("member");
      assertThat(member.getDisplayName()).isEqualTo("Analysts member");
      assertThat(member.getPurpose()).isEqualTo(Entitlement.PurposeValue.PURPOSE_VALUE_ASSIGNMENT);
      assertThat(entitlements.get(1).getGrantableToList())
          .extracting(ResourceType::getId)
          .containsExactly("user", "group");
      assertThat(r.listEntitlements(goSyncId, Optional.of(sales), "", 0).items())
          .extracting(Entitlement::getId)
          .containsExactly("database:3:access");

      List<Grant> grants = r.listGrants(goSyncId, GrantFilter.all(), "", 0).items();
      assertThat(grants)
          .extracting(Grant::getId)
          .containsExactly(
              "group:10:member:user:1", "group:10:member:user:2", "database:3:access:group:10");
      assertThat(grants)
          .allSatisfy(
              g ->
                  assertThat(g.getAnnotationsList())
                      .as("the Go SDK strips GrantExpandable from the blob")
                      .isEmpty());
      assertThat(grants.get(0).getPrincipal()).isEqualTo(alice);
      assertThat(grants.get(0).getEntitlement()).isEqualTo(member);
      assertThat(r.listGrants(goSyncId, GrantFilter.forPrincipal("group", "10"), "", 0).items())
          .extracting(Grant::getId)
          .containsExactly("database:3:access:group:10");
      assertThat(r.listGrants(goSyncId, GrantFilter.forResource("group", "10"), "", 0).items())
          .extracting(Grant::getId)
          .containsExactly("group:10:member:user:1", "group:10:member:user:2");

      // The expansion column is put back as the annotation.
      List<Grant> pending = r.listGrantsNeedingExpansion(goSyncId, "", 0).items();
      assertThat(pending).extracting(Grant::getId).containsExactly("database:3:access:group:10");
      assertThat(pending.get(0).getAnnotationsCount()).isEqualTo(1);
      GrantExpandable expandable = pending.get(0).getAnnotations(0).unpack(GrantExpandable.class);
      assertThat(expandable.getEntitlementIdsList()).containsExactly("group:10:member");
      assertThat(expandable.getShallow()).isTrue();

      // The stats JSON the Go SDK stored at EndSync parses, and equals what this project computes.
      String goStats = run.statsJson().orElseThrow();
      JsonNode stats = JSON.readTree(goStats);
      assertThat(stats.path("resource_types").asLong()).isEqualTo(4);
      assertThat(stats.path("resources").asLong()).isEqualTo(5);
      assertThat(stats.path("entitlements").asLong()).isEqualTo(2);
      assertThat(stats.path("grants").asLong()).isEqualTo(3);
      assertThat(stats.path("resources_by_resource_type").path("user").asLong()).isEqualTo(2);
      assertThat(stats.path("grants_by_resource_type").path("group").asLong()).isEqualTo(2);
      assertThat(store.stats(goSyncId).toJson()).isEqualTo(goStats);
    }
  }

  @Test
  void addsASyncToAGoWrittenFileThatTheBatonCliStillReads() throws Exception {
    String javaSyncId;
    Resource carol =
        Resource.newBuilder()
            .setId(ResourceId.newBuilder().setResourceType("user").setResource("4"))
            .setDisplayName("Carol")
            .build();
    Resource analysts =
        Resource.newBuilder()
            .setId(ResourceId.newBuilder().setResourceType("group").setResource("10"))
            .setDisplayName("Analysts")
            .build();
    Entitlement member =
        Entitlement.newBuilder()
            .setResource(analysts)
            .setId("group:10:member")
            .setSlug("member")
            .setDisplayName("Analysts member")
            .build();
    Grant carolMember =
        Grant.newBuilder()
            .setEntitlement(member)
            .setPrincipal(carol)
            .setId("group:10:member:user:4")
            .build();
    try (C1zStore store = C1zStore.open(file, options())) {
      javaSyncId = store.syncRuns().start(SyncType.FULL, "");
      store
          .writer()
          .putResourceTypes(
              javaSyncId,
              List.of(
                  ResourceType.newBuilder()
                      .setId("user")
                      .setDisplayName("User")
                      .addTraits(ResourceType.Trait.TRAIT_USER)
                      .build(),
                  ResourceType.newBuilder()
                      .setId("group")
                      .setDisplayName("Group")
                      .addTraits(ResourceType.Trait.TRAIT_GROUP)
                      .build()));
      store.writer().putResources(javaSyncId, List.of(carol, analysts));
      store.writer().putEntitlements(javaSyncId, List.of(member));
      store.writer().putGrants(javaSyncId, List.of(carolMember));
      store.syncRuns().markSupportsDiff(javaSyncId);
      store.syncRuns().end(javaSyncId, store.stats(javaSyncId).toJson());
      store.save();
    }
    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));

    try (C1zStore store = C1zStore.openReadOnly(file, options())) {
      assertThat(store.syncRuns().all())
          .extracting(SyncRun::id)
          .containsExactly(goSyncId, javaSyncId);
      assertThat(store.syncRuns().latestFinished()).map(SyncRun::id).contains(javaSyncId);
      assertThat(store.reader().listGrants(goSyncId, GrantFilter.all(), "", 0).items())
          .as("the Go sync is untouched")
          .hasSize(3);
      assertThat(store.reader().listGrantsNeedingExpansion(goSyncId, "", 0).items()).hasSize(1);
    }

    BatonCli baton = BatonCli.fromBuild();
    JsonNode syncs = baton.run(file, "syncs", "-o", "json").json().path("syncs");
    assertThat(syncs)
        .extracting(s -> s.path("id").asText())
        .containsExactlyInAnyOrder(goSyncId, javaSyncId);
    assertThat(syncs)
        .allSatisfy(
            s -> {
              assertThat(s.path("syncType").asText()).isEqualTo("full");
              assertThat(s.path("endedAt").asText()).isNotEmpty();
            });
    // The CLI pins the latest finished sync: ours.
    JsonNode grants = baton.run(file, "grants", "-o", "json").json().path("grants");
    assertThat(grants)
        .extracting(g -> g.path("grant").path("id").asText())
        .containsExactly("group:10:member:user:4");
    JsonNode goGrants =
        baton.run(file, "grants", "--sync-id", goSyncId, "-o", "json").json().path("grants");
    assertThat(goGrants)
        .extracting(g -> g.path("grant").path("id").asText())
        .containsExactlyInAnyOrder(
            "group:10:member:user:1", "group:10:member:user:2", "database:3:access:group:10");
  }
}
