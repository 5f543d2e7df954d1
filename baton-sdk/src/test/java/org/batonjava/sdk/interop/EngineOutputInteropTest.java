package org.batonjava.sdk.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.batonjava.sdk.c1z.C1zOptions;
import org.batonjava.sdk.sync.SyncEngine;
import org.batonjava.sdk.sync.SyncOptions;
import org.batonjava.sdk.sync.SyncReport;
import org.batonjava.sdk.testconnector.SyntheticConnector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The official baton CLI reads what the sync engine writes, expanded grants included. */
class EngineOutputInteropTest {
  @TempDir Path dir;

  @Test
  void batonShowsDirectAndExpandedGrants() {
    Path file = dir.resolve("engine.c1z");
    SyncReport report =
        new SyncEngine(
                new SyntheticConnector(SyntheticConnector.Shape.small()),
                SyncOptions.defaults(file).withStore(C1zOptions.defaults().withTempDir(dir)))
            .run();
    BatonCli baton = BatonCli.fromBuild();

    JsonNode grants = baton.run(file, "grants", "-o", "json").json().path("grants");
    assertThat(grants.size()).isEqualTo((int) report.stats().grants());
    Map<String, JsonNode> byId = new HashMap<>();
    grants.forEach(g -> byId.put(g.path("grant").path("id").asText(), g.path("grant")));
    assertThat(byId).containsKey("group:g0:member:user:u0");
    JsonNode derived = byId.get("group:g1:member:user:u0");
    assertThat(derived).as("grant derived through the group cycle").isNotNull();
    assertThat(derived.path("sources").path("sources").has("group:g0:member")).isTrue();
    assertThat(derived.path("annotations").toString()).contains("c1.connector.v2.GrantImmutable");

    JsonNode projects =
        baton.run(file, "resources", "-t", "project", "-o", "json").json().path("resources");
    assertThat(projects).hasSize(12);
    projects.forEach(
        p ->
            assertThat(p.path("parent").path("id").path("resourceType").asText())
                .isEqualTo("workspace"));

    String stats = baton.run(file, "stats").stdout().replaceAll("\u001B\\[[0-9;]*m", "");
    assertThat(stats).containsPattern("Grants\\s*\\|\\s*" + report.stats().grants() + "\\s");
  }
}
