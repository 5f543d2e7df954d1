package org.batonjava.metabase.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.batonjava.metabase.sim.MetabaseSimulator;
import org.batonjava.sdk.c1z.C1zOptions;
import org.batonjava.sdk.provision.GrantRequests;
import org.batonjava.sdk.provision.OneShotProvisioning;
import org.batonjava.sdk.sync.SyncEngine;
import org.batonjava.sdk.sync.SyncOptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Collection grants through the SDK's one-shot path: a real sync into a c1z, then grant and revoke
 * by the IDs in that file, each twice; the wrong principal type and a revoke from Administrators
 * are refused in one line.
 */
class CollectionOneShotTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"0.49", "v0.56.12", "newest"})
  void provisionCollectionsFromASyncedFile(String version) throws Exception {
    try (MetabaseSimulator sim = Sims.demo(version, false)) {
      MetabaseConnector connector = Sims.connector(sim, MetabaseVariant.AUTO, false);
      Path file = dir.resolve("sync.c1z");
      C1zOptions store = C1zOptions.defaults().withTempDir(dir);
      new SyncEngine(connector, SyncOptions.defaults(file).withStore(store)).run();
      OneShotProvisioning oneShot = new OneShotProvisioning(connector, file, store);

      assertOutcome(
          oneShot.grant("collection:1:view", "6", "group"),
          true,
          "granted collection:1:view to group:6");
      assertOutcome(
          oneShot.grant("collection:1:view", "6", "group"),
          false,
          "group:6 already has collection:1:view; nothing changed");
      assertOutcome(
          oneShot.revoke("collection:1:curate:group:4"),
          true,
          "revoked collection:1:curate from group:4");
      assertOutcome(
          oneShot.revoke("collection:1:curate:group:4"),
          false,
          "group:4 did not have collection:1:curate (already revoked); nothing changed");
      assertOutcome(
          oneShot.grant("collection:root:curate", "5", "group"),
          true,
          "granted collection:root:curate to group:5");

      assertThatThrownBy(() -> oneShot.grant("collection:1:view", "5", "user"))
          .hasMessageStartingWith(
              "collection permissions are granted to Metabase groups only; got user:5")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
      assertThatThrownBy(() -> oneShot.revoke("collection:2:view:group:2"))
          .hasMessageContaining(
              "Metabase always lets the Administrators group curate every collection")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
      SimAdmin admin = new SimAdmin(sim);
      assertThat(admin.get("/api/collection/graph").path("groups").path("4").path("1").asText())
          .isEqualTo("read");
    }
  }

  private static void assertOutcome(
      GrantRequests.Outcome outcome, boolean changed, String message) {
    assertThat(outcome.message()).isEqualTo(message);
    assertThat(outcome.changed()).isEqualTo(changed);
  }
}
