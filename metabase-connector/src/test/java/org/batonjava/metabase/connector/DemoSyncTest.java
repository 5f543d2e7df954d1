package org.batonjava.metabase.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.batonjava.metabase.connector.DemoData.Model;
import org.batonjava.metabase.sim.MetabaseSimulator;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * End-to-end syncs through the real sync engine over HTTP against the simulator's demo data, for
 * every variant on the versions it serves, free and paid: the full sets of resource, entitlement
 * and grant IDs (derived by hand in {@link DemoData}), the expansion annotations of database
 * grants, and how many calls were made.
 */
class DemoSyncTest {
  @TempDir Path dir;

  /**
   * @param managers whether Jane is reported as Finance's manager (paid build and the plan shows
   *     managers)
   * @param paidPlan whether the manager entitlement exists (the flag, or auto mode on a paid build)
   */
  record Case(
      String name,
      MetabaseVariant variant,
      String version,
      boolean paidBuild,
      boolean flag,
      Model model,
      boolean paidPlan,
      boolean managers) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case(
            "v049 on 0.49 free",
            MetabaseVariant.V049,
            "0.49",
            false,
            false,
            Model.LEGACY,
            false,
            false),
        new Case(
            "v049 on 1.49 paid, paid plan",
            MetabaseVariant.V049,
            "0.49",
            true,
            true,
            Model.LEGACY,
            true,
            true),
        new Case(
            "v056 on 0.56 free",
            MetabaseVariant.V056,
            "0.56",
            false,
            false,
            Model.CREATE_QUERIES,
            false,
            false),
        new Case(
            "v056 on 1.56 paid, paid plan",
            MetabaseVariant.V056,
            "0.56",
            true,
            true,
            Model.CREATE_QUERIES,
            true,
            true),
        new Case(
            "v056 on 1.56 paid, free plan flag",
            MetabaseVariant.V056,
            "0.56",
            true,
            false,
            Model.CREATE_QUERIES,
            false,
            false),
        new Case(
            "auto on newest free",
            MetabaseVariant.AUTO,
            "newest",
            false,
            false,
            Model.CREATE_QUERIES,
            false,
            false),
        new Case(
            "auto on newest paid (detected)",
            MetabaseVariant.AUTO,
            "newest",
            true,
            false,
            Model.CREATE_QUERIES,
            true,
            true),
        new Case(
            "auto on 0.49 free",
            MetabaseVariant.AUTO,
            "0.49",
            false,
            false,
            Model.LEGACY,
            false,
            false),
        new Case(
            "auto on 1.56 paid",
            MetabaseVariant.AUTO,
            "0.56",
            true,
            false,
            Model.CREATE_QUERIES,
            true,
            true),
        new Case(
            "unversioned on 0.56 free",
            MetabaseVariant.UNVERSIONED,
            "0.56",
            false,
            false,
            Model.NONE,
            false,
            false),
        new Case(
            "unversioned on newest paid, paid plan",
            MetabaseVariant.UNVERSIONED,
            "newest",
            true,
            true,
            Model.NONE,
            true,
            true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void syncProducesExactlyTheGoConnectorsIds(Case c) {
    try (MetabaseSimulator sim = Sims.demo(c.version(), c.paidBuild())) {
      SyncedFile synced = SyncedFile.connectorOutput(Sims.goModel(sim, c.variant(), c.flag()), dir);

      assertThat(synced.resourceIds()).isEqualTo(DemoData.resourceIds(c.model()));
      assertThat(synced.entitlementIds())
          .isEqualTo(DemoData.entitlementIds(c.model(), c.paidPlan()));
      Set<String> expectedGrants = new TreeSet<>(DemoData.membershipGrantIds(c.managers()));
      expectedGrants.addAll(DemoData.databaseGrantIds(c.model()));
      assertThat(synced.grantIds()).isEqualTo(expectedGrants);

      // Every database grant expands to its group's members (and managers with the paid plan);
      // nothing else does.
      assertThat(synced.expandable.keySet()).isEqualTo(DemoData.databaseGrantIds(c.model()));
      synced.expandable.forEach(
          (grantId, expandable) -> {
            String group = grantId.substring(grantId.lastIndexOf(':') + 1);
            List<String> from = new ArrayList<>(List.of("group:" + group + ":member"));
            if (c.paidPlan()) {
              from.add("group:" + group + ":manager");
            }
            assertThat(expandable.getEntitlementIdsList())
                .as(grantId)
                .containsExactlyElementsOf(from);
            assertThat(expandable.getResourceTypeIdsList()).isEmpty();
            assertThat(expandable.getShallow()).isFalse();
          });

      // Memberships and the permission graph are read once per sync, not once per user or database.
      assertThat(sim.requestLog().count("GET /api/user")).isEqualTo(1);
      assertThat(sim.requestLog().count("GET /api/permissions/membership")).isEqualTo(1);
      long graphReads = c.model() == Model.NONE ? 0 : 1;
      assertThat(sim.requestLog().count("GET /api/permissions/graph")).isEqualTo(graphReads);
      assertThat(sim.requestLog().count("GET /api/permissions/graph/db/:id")).isZero();
    }
  }

  static Stream<Case> casesWithDatabases() {
    return cases().filter(c -> c.model() != Model.NONE);
  }

  /**
   * Jane reaches Finance's databases whether she is reported as its member or (paid plan) its
   * manager.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("casesWithDatabases")
  void expansionGivesUsersTheirGroupsDatabaseAccess(Case c) {
    try (MetabaseSimulator sim = Sims.demo(c.version(), c.paidBuild())) {
      SyncedFile synced = SyncedFile.expanded(Sims.goModel(sim, c.variant(), c.flag()), dir);
      Set<String> expected = new TreeSet<>(DemoData.membershipGrantIds(c.managers()));
      expected.addAll(DemoData.databaseGrantIds(c.model()));
      expected.addAll(DemoData.expandedDatabaseGrantIds(c.model()));
      assertThat(synced.grantIds()).isEqualTo(expected);
    }
  }
}
