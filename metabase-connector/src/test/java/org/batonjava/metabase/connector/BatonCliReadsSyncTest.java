package org.batonjava.metabase.connector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.batonjava.metabase.connector.DemoData.Model;
import org.batonjava.metabase.sim.MetabaseSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official Go {@code baton} CLI (built by tools/baton-cli/build.sh; path in the {@code
 * baton.cli} system property) reads a file this connector synced, and shows database access
 * expanded to users through groups.
 */
class BatonCliReadsSyncTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private JsonNode baton(Path file, String... args) throws IOException, InterruptedException {
    String binary = System.getProperty("baton.cli");
    assertThat(binary).as("system property baton.cli (run the tests through ./mvnw)").isNotBlank();
    assertThat(Path.of(binary)).as("the baton CLI; run tools/baton-cli/build.sh").isExecutable();
    List<String> command = new ArrayList<>(List.of(binary, "-f", file.toString()));
    command.addAll(List.of(args));
    Path out = dir.resolve("baton.out");
    Path err = dir.resolve("baton.err");
    Process p =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("baton finished").isTrue();
    assertThat(p.exitValue())
        .as("baton exit code; stderr: %s", Files.readString(err, StandardCharsets.UTF_8))
        .isZero();
    return JSON.readTree(Files.readString(out, StandardCharsets.UTF_8));
  }

  private static Set<String> ids(JsonNode list, String... path) {
    Set<String> out = new TreeSet<>();
    for (JsonNode item : list) {
      JsonNode n = item;
      for (String p : path) {
        n = n.path(p);
      }
      out.add(n.asText());
    }
    return out;
  }

  @Test
  void batonShowsExpandedDatabaseGrants() throws Exception {
    SyncedFile synced;
    try (MetabaseSimulator sim = Sims.demo("0.56", true)) {
      synced = SyncedFile.expanded(Sims.connector(sim, MetabaseVariant.V056, true), dir);
    }
    JsonNode grants = baton(synced.file, "grants", "-o", "json").path("grants");
    Set<String> expected = new TreeSet<>(DemoData.membershipGrantIds(true));
    expected.addAll(DemoData.databaseGrantIds(Model.CREATE_QUERIES));
    expected.addAll(DemoData.expandedDatabaseGrantIds(Model.CREATE_QUERIES));
    assertThat(ids(grants, "grant", "id")).isEqualTo(expected);

    // John Smith (5) reaches Finance Warehouse (2) only through Finance (4); Jane Doe (4) as
    // Finance's manager.
    JsonNode john = findGrant(grants, "database:2:query-builder-and-native:user:5");
    assertThat(john.path("sources").path("sources").has("group:4:member")).isTrue();
    JsonNode jane = findGrant(grants, "database:2:query-builder-and-native:user:4");
    assertThat(jane.path("sources").path("sources").has("group:4:manager")).isTrue();

    JsonNode resources = baton(synced.file, "resources", "-o", "json").path("resources");
    Set<String> resourceIds = new TreeSet<>();
    resources.forEach(
        r ->
            resourceIds.add(
                r.path("resource").path("id").path("resourceType").asText()
                    + ":"
                    + r.path("resource").path("id").path("resource").asText()));
    assertThat(resourceIds).isEqualTo(DemoData.resourceIds(Model.CREATE_QUERIES));
    JsonNode entitlements = baton(synced.file, "entitlements", "-o", "json").path("entitlements");
    assertThat(ids(entitlements, "entitlement", "id"))
        .isEqualTo(DemoData.entitlementIds(Model.CREATE_QUERIES, true));
  }

  private static JsonNode findGrant(JsonNode grants, String id) {
    for (JsonNode g : grants) {
      if (g.path("grant").path("id").asText().equals(id)) {
        return g.path("grant");
      }
    }
    throw new AssertionError("baton does not show grant " + id);
  }
}
