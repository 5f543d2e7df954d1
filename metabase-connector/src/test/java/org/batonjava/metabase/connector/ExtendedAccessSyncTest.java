package org.batonjava.metabase.connector;

import static org.assertj.core.api.Assertions.assertThat;

import c1.connector.v2.Grant;
import c1.connector.v2.GrantExpandable;
import c1.connector.v2.GrantImmutable;
import c1.connector.v2.Resource;
import c1.connector.v2.UserTrait;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.batonjava.metabase.sim.MetabaseSimulator;
import org.batonjava.metabase.sim.data.Dataset;
import org.batonjava.metabase.sim.data.ScaleParameters;
import org.batonjava.sdk.connector.Annotations;
import org.batonjava.sdk.crypto.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * API keys and collections over HTTP against the simulator, for every variant and version: the
 * exact resource, entitlement and grant IDs; the dense (before 0.56.13) and sparse graph giving the
 * same grants; key principals; pseudo-users never becoming users; two requests per sync however
 * many collections there are.
 */
class ExtendedAccessSyncTest {
  @TempDir Path dir;

  private static MetabaseConnector connector(
      MetabaseSimulator sim, MetabaseVariant variant, boolean extended, boolean paid) {
    return MetabaseConnectors.create(
        ConnectorConfig.of(variant, sim.baseUrl(), Secret.of(sim.adminApiKey()), paid)
            .withExtendedAccess(extended));
  }

  private static Set<String> ofTypes(Set<String> ids, String... prefixes) {
    return ids.stream()
        .filter(
            id -> {
              for (String p : prefixes) {
                if (id.startsWith(p)) {
                  return true;
                }
              }
              return false;
            })
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @ParameterizedTest(name = "{0} on {1} (paid {2})")
  @CsvSource({
    "AUTO, 0.49, false",
    "AUTO, 0.49, true",
    "AUTO, 0.54, false",
    "AUTO, v0.56.12, false",
    "AUTO, v0.56.13, false",
    "AUTO, newest, false",
    "AUTO, newest, true",
    "UNVERSIONED, 0.56, false",
    "UNVERSIONED, newest, true",
    "V049, 0.49, false",
    "V056, 0.56, true",
    "V056, v0.56.13, false"
  })
  void everyVariantAndVersionGivesTheSameIds(
      MetabaseVariant variant, String version, boolean paid) {
    try (MetabaseSimulator sim = Sims.demo(version, paid)) {
      SyncedFile synced = SyncedFile.connectorOutput(connector(sim, variant, true, paid), dir);
      assertThat(ofTypes(synced.resourceIds(), "api_key:", "collection:"))
          .isEqualTo(ExtendedAccessData.resourceIds(paid));
      assertThat(ofTypes(synced.entitlementIds(), "collection:"))
          .isEqualTo(ExtendedAccessData.entitlementIds(paid));
      assertThat(
              ofTypes(
                  synced.grantIds(),
                  "collection:",
                  "group:1:member:api_key",
                  "group:2:member:api_key",
                  "group:7:member:api_key"))
          .isEqualTo(ExtendedAccessData.grantIds(paid));
      assertThat(synced.grantIds())
          .filteredOn(id -> id.contains(":api_key:"))
          .containsExactlyInAnyOrderElementsOf(
              ofTypes(ExtendedAccessData.grantIds(paid), "group:"));
      // the Go model's IDs are unchanged by the extra surfaces
      DemoData.Model model =
          variant == MetabaseVariant.UNVERSIONED
              ? DemoData.Model.NONE
              : version.equals("0.49") ? DemoData.Model.LEGACY : DemoData.Model.CREATE_QUERIES;
      Set<String> goTypes = new TreeSet<>(synced.resourceIds());
      goTypes.removeIf(
          id ->
              id.startsWith("api_key:")
                  || id.startsWith("collection:")
                  || id.startsWith("application_permission:"));
      assertThat(goTypes).isEqualTo(DemoData.resourceIds(model));
      Set<String> goGrants = new TreeSet<>(synced.grantIds());
      goGrants.removeIf(
          id ->
              id.startsWith("collection:")
                  || id.contains(":api_key:")
                  || id.startsWith("application_permission:")
                  || FineGrainedRightsTest.isFineGrainedGrant(id));
      Set<String> expectedGo = new TreeSet<>(DemoData.membershipGrantIds(paid));
      expectedGo.addAll(DemoData.databaseGrantIds(model));
      assertThat(goGrants).isEqualTo(expectedGo);
      for (int pseudo : ExtendedAccessData.PSEUDO_USERS) {
        assertThat(synced.resourceIds()).doesNotContain("user:" + pseudo);
        assertThat(synced.grantIds()).noneMatch(id -> id.endsWith(":user:" + pseudo));
      }
      assertThat(sim.requestLog().count("GET /api/collection", 200)).isEqualTo(1);
      assertThat(sim.requestLog().count("GET /api/collection/graph", 200)).isEqualTo(1);
      assertThat(sim.requestLog().count("GET /api/api-key", 200)).isEqualTo(1);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"UNVERSIONED, 0.56", "V049, 0.49", "V056, 0.56"})
  void goNamedVariantsSyncNeitherKeysNorCollectionsByDefault(
      MetabaseVariant variant, String version) {
    try (MetabaseSimulator sim = Sims.demo(version, false)) {
      MetabaseConnector c = Sims.connector(sim, variant, false);
      assertThat(c.extendedAccess()).isFalse();
      SyncedFile synced = SyncedFile.connectorOutput(c, dir);
      assertThat(synced.resourceIds())
          .noneMatch(
              id ->
                  id.startsWith("api_key:")
                      || id.startsWith("collection:")
                      || id.startsWith("application_permission:"));
      assertThat(sim.requestLog().count("GET /api/ee/advanced-permissions/application/graph", 200))
          .isZero();
      assertThat(sim.requestLog().count("GET /api/collection", 200)).isZero();
      assertThat(sim.requestLog().count("GET /api/api-key", 200)).isZero();
    }
  }

  @Test
  void autoSyncsThemByDefault() {
    try (MetabaseSimulator sim = Sims.demo("newest", false)) {
      assertThat(Sims.connector(sim, MetabaseVariant.AUTO, false).extendedAccess()).isTrue();
    }
  }

  @Test
  void shapesOfKeysAndCollections() {
    try (MetabaseSimulator sim = Sims.demo("newest", true)) {
      SyncedFile synced =
          SyncedFile.connectorOutput(connector(sim, MetabaseVariant.AUTO, true, true), dir);
      Resource etl = synced.resources.get("api_key:2");
      assertThat(etl.getDisplayName()).isEqualTo("ETL pipeline");
      assertThat(etl.getExternalId().getId()).isEqualTo("2");
      UserTrait trait = Annotations.find(etl.getAnnotationsList(), UserTrait.class).orElseThrow();
      assertThat(trait.getAccountType()).isEqualTo(UserTrait.AccountType.ACCOUNT_TYPE_SERVICE);
      assertThat(trait.getStatus().getStatus())
          .isEqualTo(UserTrait.Status.StatusValue.STATUS_ENABLED);
      assertThat(trait.getProfile().getFieldsOrThrow("is_admin").getBoolValue()).isTrue();
      assertThat(trait.getProfile().getFieldsOrThrow("group_name").getStringValue())
          .isEqualTo("Administrators");
      assertThat(trait.getProfile().getFieldsOrThrow("updated_by_name").getStringValue())
          .isEqualTo("Ada Admin");
      assertThat(trait.getProfile().getFieldsOrThrow("masked_key").getStringValue())
          .matches("mb_.{4}\\*{40}");
      assertThat(trait.getCreatedAt().getSeconds()).isPositive();
      assertThat(etl.getDescription()).contains("full administrator");
      UserTrait viewer =
          Annotations.find(synced.resources.get("api_key:3").getAnnotationsList(), UserTrait.class)
              .orElseThrow();
      assertThat(viewer.getProfile().getFieldsOrThrow("is_admin").getBoolValue()).isFalse();
      assertThat(viewer.getProfile().getFieldsOrThrow("group_id").getNumberValue()).isEqualTo(7);

      Resource board = synced.resources.get("collection:2");
      assertThat(board.getDisplayName()).isEqualTo("Board");
      assertThat(board.getDescription()).isEqualTo("Our analytics / Finance / Board");
      assertThat(board.getParentResourceId().getResource()).isEqualTo("1");
      assertThat(synced.resources.get("collection:1").getParentResourceId().getResource())
          .isEqualTo("root");
      assertThat(synced.resources.get("collection:root").hasParentResourceId()).isFalse();
      assertThat(synced.resources.get("collection:root").getDisplayName())
          .isEqualTo("Our analytics");

      Grant finance = synced.grants.get("collection:1:curate:group:4");
      GrantExpandable expandable = synced.expandable.get("collection:1:curate:group:4");
      assertThat(expandable.getEntitlementIdsList())
          .containsExactly("group:4:member", "group:4:manager");
      assertThat(Annotations.has(finance.getAnnotationsList(), GrantImmutable.class)).isFalse();
      assertThat(
              Annotations.has(
                  synced.grants.get("collection:1:curate:group:2").getAnnotationsList(),
                  GrantImmutable.class))
          .as("Administrators' grants cannot be revoked")
          .isTrue();
    }
  }

  @Test
  void expansionGivesCollectionAccessToUsersAndKeysThroughTheirGroups() {
    try (MetabaseSimulator sim = Sims.demo("0.56", false)) {
      SyncedFile synced =
          SyncedFile.expanded(connector(sim, MetabaseVariant.AUTO, true, false), dir);
      // Board (2): Finance (users 4, 5), Contractors (user 9 and the Board report export key),
      // Administrators
      assertThat(synced.grantIds())
          .contains(
              "collection:2:view:user:5",
              "collection:2:view:user:9",
              "collection:2:view:api_key:3",
              "collection:2:view:api_key:2",
              "collection:2:view:user:1");
      assertThat(synced.grantIds())
          .doesNotContain(
              "collection:1:view:user:9",
              "collection:1:view:api_key:3",
              "collection:2:curate:user:9");
    }
  }

  @Test
  void requestsPerSyncStayTheSameWithThousandsOfCollections() {
    ScaleParameters small = new ScaleParameters(50, 20, 2, 3, 0.0, 7, 50, 5);
    ScaleParameters large = new ScaleParameters(50, 20, 2, 3, 0.0, 7, 3000, 5);
    long[] requests = new long[2];
    int i = 0;
    for (ScaleParameters p : List.of(small, large)) {
      try (MetabaseSimulator sim = Sims.start("0.56", false, Dataset.scale(p))) {
        SyncedFile synced =
            SyncedFile.connectorOutput(Sims.connector(sim, MetabaseVariant.AUTO, false), dir);
        assertThat(synced.resourceIds())
            .filteredOn(id -> id.startsWith("collection:"))
            .hasSizeGreaterThan(p.collections() - 2 * (p.collections() / 100));
        assertThat(sim.requestLog().count("GET /api/collection", 200)).isEqualTo(1);
        assertThat(sim.requestLog().count("GET /api/collection/graph", 200)).isEqualTo(1);
        requests[i++] = sim.requestLog().total();
      }
    }
    assertThat(requests[1]).as("requests with 3000 collections vs 50").isEqualTo(requests[0]);
  }
}
