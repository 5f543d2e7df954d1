package org.batonjava.sdk.interop;

import static org.assertj.core.api.Assertions.assertThat;

import c1.connector.v2.Entitlement;
import c1.connector.v2.Grant;
import c1.connector.v2.Resource;
import c1.connector.v2.ResourceId;
import c1.connector.v2.ResourceType;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.batonjava.sdk.c1z.C1zOptions;
import org.batonjava.sdk.c1z.C1zStore;
import org.batonjava.sdk.c1z.SyncType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official Go baton CLI reads a checkpoint saved while a second sync was bulk-loading grants
 * (no {@code v1_grants} indexes, the bulk-load record table present): it creates the missing
 * indexes in its own copy and shows the finished sync. (Had the unfinished load stored a grant
 * twice, its unique index would fail and the CLI refuse the checkpoint; see COMPATIBILITY.md E9.)
 */
class BulkCheckpointInteropTest {
  @TempDir Path dir;

  private static Resource resource(String type, String id) {
    return Resource.newBuilder()
        .setId(ResourceId.newBuilder().setResourceType(type).setResource(id))
        .setDisplayName(type + " " + id)
        .build();
  }

  private static List<Grant> members(Entitlement member, int from, int to) {
    List<Grant> grants = new ArrayList<>();
    for (int u = from; u < to; u++) {
      Resource user = resource("user", Integer.toString(u));
      grants.add(
          Grant.newBuilder()
              .setEntitlement(member)
              .setPrincipal(user)
              .setId(member.getId() + ":user:" + u)
              .build());
    }
    return grants;
  }

  @Test
  void theGoCliReadsACheckpointSavedDuringABulkLoad() {
    Path file = dir.resolve("checkpoint.c1z");
    C1zOptions options = C1zOptions.defaults().withTempDir(dir.resolve("tmp"));
    Resource group = resource("group", "1");
    Entitlement member =
        Entitlement.newBuilder()
            .setResource(group)
            .setId("group:1:member")
            .setSlug("member")
            .setDisplayName("member")
            .build();
    List<Resource> users = new ArrayList<>();
    for (int u = 0; u < 5; u++) {
      users.add(resource("user", Integer.toString(u)));
    }
    List<ResourceType> types =
        List.of(
            ResourceType.newBuilder().setId("user").setDisplayName("User").build(),
            ResourceType.newBuilder().setId("group").setDisplayName("Group").build());
    String finished;
    try (C1zStore store = C1zStore.open(file, options)) {
      finished = store.syncRuns().start(SyncType.FULL, "");
      store.writer().putResourceTypes(finished, types);
      store.writer().putResources(finished, users);
      store.writer().putResources(finished, List.of(group));
      store.writer().putEntitlements(finished, List.of(member));
      store.beginBulkLoad();
      store.writer().putGrants(finished, members(member, 0, 3));
      store.endBulkLoad();
      store.syncRuns().end(finished, store.stats(finished).toJson());
      store.save();

      String second = store.syncRuns().start(SyncType.FULL, "");
      store.writer().putResourceTypes(second, types);
      store.writer().putResources(second, users);
      store.writer().putResources(second, List.of(group));
      store.writer().putEntitlements(second, List.of(member));
      store.beginBulkLoad();
      store.writer().putGrants(second, members(member, 0, 5));
      store.save();
      store.discard();
    }

    BatonCli baton = BatonCli.fromBuild();
    JsonNode grants = baton.run(file, "grants", "-o", "json").json().path("grants");
    List<String> ids = new ArrayList<>();
    grants.forEach(g -> ids.add(g.path("grant").path("id").asText()));
    assertThat(ids)
        .containsExactly("group:1:member:user:0", "group:1:member:user:1", "group:1:member:user:2");
    JsonNode syncs = baton.run(file, "syncs", "-o", "json").json().path("syncs");
    assertThat(syncs.toString()).contains(finished);
  }
}
