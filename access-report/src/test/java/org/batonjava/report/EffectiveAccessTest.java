package org.batonjava.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EffectiveAccessTest {
  /** A login a day ago: recent for any dormancy threshold. */
  private static Instant recent() {
    return Instant.now().minusSeconds(86_400);
  }

  @TempDir Path dir;

  /** {entitlement id: "through" text} for one principal. */
  private static Map<String, String> access(EffectiveAccess access, String principal) {
    AccessModel model = access.model();
    Map<String, String> out = new TreeMap<>();
    access
        .routes(model.principal(principal).orElseThrow())
        .forEach(
            (level, routes) ->
                out.put(model.levels().get(level).id(), Changes.names(model, routes)));
    return out;
  }

  private EffectiveAccess read(TenantFile tenant) {
    return new EffectiveAccess(
        new ModelReader(EmailRedactor.none()).read(tenant.write(dir.resolve("t.c1z"))));
  }

  @Test
  void groupGrantsReachMembersThroughTheGroup() {
    EffectiveAccess access =
        read(
            new TenantFile()
                .user("1", "Ann", "ann@example.com", true, recent())
                .user("2", "Bob", "bob@example.com", true, recent())
                .group("1", "All Users")
                .group("3", "Analysts")
                .group("5", "Marketing")
                .resource("database", "1", "Sample", "query-builder", "query-builder-and-native")
                .resource("database", "2", "Finance", "query-builder", "query-builder-and-native")
                .grant("group:1:member", "user:1")
                .grant("group:1:member", "user:2")
                .grant("group:3:member", "user:1")
                .grant("group:5:member", "user:2")
                .groupGrant("database:1:query-builder", "1")
                .groupGrant("database:1:query-builder", "5")
                .groupGrant("database:2:query-builder-and-native", "3"));

    assertThat(access(access, "user:1"))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "group:1:member", "direct",
                "group:3:member", "direct",
                "database:1:query-builder", "All Users",
                "database:2:query-builder-and-native", "Analysts"));
    assertThat(access(access, "user:2"))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "group:1:member", "direct",
                "group:5:member", "direct",
                "database:1:query-builder", "All Users, Marketing"));
    // The group itself holds its grants directly.
    assertThat(access(access, "group:3"))
        .containsExactly(Map.entry("database:2:query-builder-and-native", "direct"));
  }

  @Test
  void nestedGroupsExpandTransitivelyAndCyclesStop() {
    EffectiveAccess access =
        read(
            new TenantFile()
                .user("9", "Carla", "carla@example.com", true, recent())
                .group("3", "Analysts")
                .group("7", "Contractors")
                .resource("database", "2", "Finance", "query-builder")
                .resource("collection", "4", "Board decks", "view", "curate")
                .grant("group:7:member", "user:9")
                // Contractors are members of Analysts, and (a cycle) Analysts of Contractors.
                .groupGrant("group:3:member", "7")
                .groupGrant("group:7:member", "3")
                .groupGrant("database:2:query-builder", "3")
                .groupGrant("collection:4:curate", "3"));

    assertThat(access(access, "user:9"))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "group:7:member", "direct",
                "group:3:member", "Contractors",
                "database:2:query-builder", "Contractors → Analysts",
                "collection:4:curate", "Contractors → Analysts"));
  }

  @Test
  void principalTypesOfTheExpansionAreHonoured() {
    EffectiveAccess access =
        read(
            new TenantFile()
                .user("1", "Ann", "ann@example.com", true, recent())
                .apiKey("5", "ETL key")
                .group("3", "Analysts")
                .resource("database", "2", "Finance", "query-builder")
                .grant("group:3:member", "user:1")
                .grant("group:3:member", "api_key:5")
                .groupGrant("database:2:query-builder", "3", "user"));

    assertThat(access(access, "user:1")).containsKey("database:2:query-builder");
    assertThat(access(access, "api_key:5")).containsOnlyKeys("group:3:member");
  }

  @Test
  void grantsWrittenByAnEarlierExpansionAreRecomputedNotTrusted() {
    EffectiveAccess access =
        read(
            new TenantFile()
                .user("1", "Ann", "ann@example.com", true, recent())
                .user("2", "Bob", "bob@example.com", true, recent())
                .group("6", "Engineering")
                .resource("database", "4", "Events", "query-builder", "query-builder-and-native")
                .grant("group:6:member", "user:1")
                .groupGrant("database:4:query-builder-and-native", "6")
                .expandedGrant("database:4:query-builder-and-native", "user:1", "group:6:member")
                // Stale: Bob is not in Engineering, so the expanded grant must not count.
                .expandedGrant("database:4:query-builder-and-native", "user:2", "group:6:member")
                // A grant straight to a user counts as direct.
                .grant("database:4:query-builder", "user:2"));

    assertThat(access(access, "user:1"))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "group:6:member", "direct", "database:4:query-builder-and-native", "Engineering"));
    assertThat(access(access, "user:2"))
        .containsExactly(Map.entry("database:4:query-builder", "direct"));
    assertThat(access.reach(access.model().principal("user:1").orElseThrow())).hasSize(2);
  }

  @Test
  void closuresAreSharedAcrossPrincipals() {
    TenantFile tenant =
        new TenantFile()
            .group("3", "Analysts")
            .resource("database", "2", "Finance", "query-builder")
            .groupGrant("database:2:query-builder", "3");
    for (int i = 1; i <= 200; i++) {
      tenant
          .user(Integer.toString(i), "U" + i, "u" + i + "@example.com", true, recent())
          .grant("group:3:member", "user:" + i);
    }
    EffectiveAccess access = read(tenant);
    int member = access.model().level("group:3:member").orElseThrow();
    List<Reach> first = access.closure(member, "user");
    assertThat(access.closure(member, "user")).isSameAs(first);
    assertThat(access(access, "user:200")).containsEntry("database:2:query-builder", "Analysts");
  }
}
