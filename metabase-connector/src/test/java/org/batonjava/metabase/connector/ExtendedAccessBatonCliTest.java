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
import org.batonjava.metabase.sim.MetabaseSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official Go {@code baton} CLI reads a file with API keys and collections: the same resource,
 * entitlement and grant IDs, the keys as principals, and collection access and application
 * permissions expanded to users and keys through their groups.
 */
class ExtendedAccessBatonCliTest {
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

  private static Set<String> filtered(Set<String> ids, String... prefixes) {
    Set<String> out = new TreeSet<>();
    for (String id : ids) {
      for (String p : prefixes) {
        if (id.startsWith(p)) {
          out.add(id);
        }
      }
    }
    return out;
  }

  @Test
  void batonReadsKeysAndCollectionsWithExpandedAccess() throws Exception {
    SyncedFile synced;
    try (MetabaseSimulator sim = Sims.demo("newest", true)) {
      SimAdmin admin = new SimAdmin(sim);
      long revision = admin.get("/api/permissions/graph/db/2").path("revision").asLong();
      admin.put(
          "/api/permissions/graph",
          "{\"revision\":"
              + revision
              + ",\"groups\":{\"5\":{\"2\":"
              + "{\"create-queries\":{\"public\":{\"11\":\"query-builder\"}}}}}}");
      synced = SyncedFile.expanded(Sims.connector(sim, MetabaseVariant.AUTO, true), dir);
    }
    JsonNode resources = baton(synced.file, "resources", "-o", "json").path("resources");
    Set<String> resourceIds = new TreeSet<>();
    resources.forEach(
        r ->
            resourceIds.add(
                r.path("resource").path("id").path("resourceType").asText()
                    + ":"
                    + r.path("resource").path("id").path("resource").asText()));
    assertThat(filtered(resourceIds, "api_key:", "collection:"))
        .isEqualTo(ExtendedAccessData.resourceIds(true));

    JsonNode entitlements = baton(synced.file, "entitlements", "-o", "json").path("entitlements");
    Set<String> entitlementIds = new TreeSet<>();
    entitlements.forEach(e -> entitlementIds.add(e.path("entitlement").path("id").asText()));
    assertThat(filtered(entitlementIds, "collection:"))
        .isEqualTo(ExtendedAccessData.entitlementIds(true));

    JsonNode grants = baton(synced.file, "grants", "-o", "json").path("grants");
    Set<String> grantIds = new TreeSet<>();
    grants.forEach(g -> grantIds.add(g.path("grant").path("id").asText()));
    assertThat(grantIds).containsAll(ExtendedAccessData.grantIds(true));
    // the Board report export key (3) views Board (2) through Contractors (7); John Smith (5)
    // through Finance (4)
    JsonNode viaKey = find(grants, "collection:2:view:api_key:3");
    assertThat(viaKey.path("sources").path("sources").has("group:7:member")).isTrue();
    JsonNode viaJohn = find(grants, "collection:2:view:user:5");
    assertThat(viaJohn.path("sources").path("sources").has("group:4:member")).isTrue();
    assertThat(grantIds)
        .doesNotContain("collection:1:view:api_key:3", "collection:2:curate:user:5");

    // application permissions (paid build): the three resources, and Settings reaching
    // Engineering's members
    assertThat(filtered(resourceIds, "application_permission:"))
        .containsExactly(
            "application_permission:monitoring",
            "application_permission:setting",
            "application_permission:subscription");
    assertThat(filtered(entitlementIds, "application_permission:"))
        .containsExactly(
            "application_permission:monitoring:access",
            "application_permission:setting:access",
            "application_permission:subscription:access");
    assertThat(grantIds).containsAll(ApplicationPermissionsTest.PAID_GRANTS);
    JsonNode viaGrace = find(grants, "application_permission:setting:access:user:2");
    assertThat(viaGrace.path("sources").path("sources").has("group:6:member")).isTrue();
    assertThat(grantIds).doesNotContain("application_permission:setting:access:user:4");

    // fine-grained database rights, a partial one with its table list in a Struct annotation
    assertThat(grantIds)
        .contains(
            "database:2:download-limited:group:4",
            "database:2:download-limited:user:5",
            "database:2:query-builder-partial:group:5",
            "database:2:query-builder-partial:user:6");
    JsonNode partial = find(grants, "database:2:query-builder-partial:group:5");
    assertThat(partial.path("annotations").toString()).contains("table 11 (public)");
  }

  private static JsonNode find(JsonNode grants, String id) {
    for (JsonNode g : grants) {
      if (g.path("grant").path("id").asText().equals(id)) {
        return g.path("grant");
      }
    }
    throw new AssertionError("baton does not show grant " + id);
  }
}
