package org.batonjava.metabase.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.batonjava.metabase.connector.Provisioning.databaseEntitlement;
import static org.batonjava.metabase.connector.Provisioning.group;

import c1.connector.v2.GrantImmutable;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.grpc.Status;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.batonjava.metabase.databases.FineGrainedRights;
import org.batonjava.metabase.sim.MetabaseSimulator;
import org.batonjava.sdk.connector.Annotations;
import org.batonjava.sdk.connector.ConnectorException;
import org.batonjava.sdk.connector.GrantProvisioner;
import org.batonjava.sdk.crypto.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Fine-grained data rights on {@code database} over HTTP against the simulator (extended access):
 * downloads, table metadata, manage database, blocked / impersonated, and per-schema / per-table
 * values as {@code -partial} rights whose grant lists the schemas and tables, for 0.49 and 0.50+,
 * free and paid; the query-access IDs unchanged.
 */
class FineGrainedRightsTest {
  @TempDir Path dir;

  /** Whether a grant id is one of the fine-grained database rights. */
  static boolean isFineGrainedGrant(String id) {
    String[] p = id.split(":", -1);
    return p.length == 5 && p[0].equals("database") && FineGrainedRights.isFineGrained(p[2]);
  }

  private static Set<String> fineGrained(Set<String> ids) {
    return ids.stream()
        .filter(FineGrainedRightsTest::isFineGrainedGrant)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static MetabaseConnector connector(
      MetabaseSimulator sim, MetabaseVariant variant, boolean extended) {
    return MetabaseConnectors.create(
        ConnectorConfig.of(variant, sim.baseUrl(), Secret.of(sim.adminApiKey()), false)
            .withExtendedAccess(extended));
  }

  /**
   * Marketing (5) gets per-schema and per-table values on Finance Warehouse (2); Finance (4)
   * manages it.
   */
  private static void granularValues(SimAdmin admin) {
    long revision = admin.get("/api/permissions/graph/db/2").path("revision").asLong();
    admin.put(
        "/api/permissions/graph",
        "{\"revision\":"
            + revision
            + ",\"groups\":{"
            + "\"5\":{\"2\":{\"view-data\":{\"public\":\"unrestricted\",\"reporting\":\"blocked\"},"
            + "\"create-queries\":{\"public\":{\"11\":\"query-builder\"}},"
            + "\"download\":{\"schemas\":{\"public\":{\"11\":\"limited\"}}},"
            + "\"data-model\":{\"schemas\":{\"reporting\":\"all\"}}}},"
            + "\"4\":{\"2\":{\"details\":\"yes\"}}}}");
  }

  private static Set<String> expectedPaid(String dbLevelQuery) {
    Set<String> out = new TreeSet<>();
    for (int db = 1; db <= 4; db++) {
      out.add("database:" + db + ":download-full:group:2");
      out.add("database:" + db + ":manage-table-metadata:group:2");
      out.add("database:" + db + ":manage-database:group:2");
    }
    // downloads seeded by the demo on paid builds
    out.addAll(
        List.of(
            "database:1:download-full:group:1",
            "database:1:download-full:group:3",
            "database:2:download-limited:group:3",
            "database:4:download-full:group:3",
            "database:2:download-limited:group:4",
            "database:3:download-limited:group:5",
            "database:4:download-full:group:6"));
    out.add("database:2:manage-database:group:4");
    out.add("database:2:" + dbLevelQuery + ":group:5");
    return out;
  }

  @Test
  void paid050PlusReportsEveryRightAndPartialValuesWithTheirTables()
      throws InvalidProtocolBufferException {
    try (MetabaseSimulator sim = Sims.demo("newest", true)) {
      granularValues(new SimAdmin(sim));
      SyncedFile synced =
          SyncedFile.connectorOutput(connector(sim, MetabaseVariant.AUTO, true), dir);
      Set<String> expected = expectedPaid("query-builder-partial");
      expected.addAll(
          List.of(
              "database:2:view-blocked-partial:group:5",
              "database:2:download-limited-partial:group:5",
              "database:2:manage-table-metadata-partial:group:5"));
      assertThat(fineGrained(synced.grantIds())).isEqualTo(expected);
      assertThat(scope(synced, "database:2:query-builder-partial:group:5"))
          .containsExactly("table 11 (public)");
      assertThat(scope(synced, "database:2:download-limited-partial:group:5"))
          .containsExactly("table 11 (public)");
      assertThat(scope(synced, "database:2:view-blocked-partial:group:5"))
          .containsExactly("schema reporting");
      assertThat(scope(synced, "database:2:manage-table-metadata-partial:group:5"))
          .containsExactly("schema reporting");
      assertThat(synced.grantIds())
          .as(
              "query-access IDs unchanged: granular create-queries claims nothing at"
                  + " database level")
          .doesNotContain("database:2:query-builder:group:5");
      assertThat(
              Annotations.has(
                  synced.grants.get("database:1:manage-database:group:2").getAnnotationsList(),
                  GrantImmutable.class))
          .isTrue();
      assertThat(
              synced.expandable.get("database:2:download-limited:group:4").getEntitlementIdsList())
          .containsExactly("group:4:member", "group:4:manager");
      assertThat(synced.entitlementIds())
          .contains(
              "database:1:download-limited",
              "database:1:download-full",
              "database:1:manage-table-metadata",
              "database:1:manage-database",
              "database:1:view-blocked",
              "database:1:view-impersonated",
              "database:1:view-sandboxed-partial",
              "database:1:query-builder-partial",
              "database:1:query-builder",
              "database:1:query-builder-and-native");
      assertThat(sim.requestLog().count("GET /api/permissions/graph", 200))
          .as("one graph read per sync")
          .isEqualTo(1);
    }
  }

  @Test
  void paid049ReportsTheEquivalents() {
    try (MetabaseSimulator sim = Sims.demo("0.49", true)) {
      SimAdmin admin = new SimAdmin(sim);
      long revision = admin.get("/api/permissions/graph/db/2").path("revision").asLong();
      admin.put(
          "/api/permissions/graph",
          "{\"revision\":"
              + revision
              + ",\"groups\":{"
              + "\"5\":{\"2\":{\"data\":{\"schemas\":{\"public\":{\"11\":\"all\"}}}}},"
              + "\"4\":{\"2\":{\"details\":\"yes\"}}}}");
      SyncedFile synced =
          SyncedFile.connectorOutput(connector(sim, MetabaseVariant.AUTO, true), dir);
      Set<String> expected = expectedPaid("access-partial");
      // 0.49 writes block explicitly; 0.50+ leaves the blocked database out of the group's graph
      // entirely
      expected.add("database:3:view-blocked:group:7");
      assertThat(fineGrained(synced.grantIds())).isEqualTo(expected);
      assertThat(scope(synced, "database:2:access-partial:group:5"))
          .containsExactly("table 11 (public)");
      assertThat(synced.entitlementIds())
          .contains("database:2:access-partial", "database:2:view-blocked")
          .doesNotContain("database:2:query-builder-partial");
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"newest, query-builder-partial", "0.49, access-partial"})
  void freeBuildsOfferOnlyPartialQueryAccess(String version, String partial) {
    try (MetabaseSimulator sim = Sims.demo(version, false)) {
      SimAdmin admin = new SimAdmin(sim);
      long revision = admin.get("/api/permissions/graph/db/2").path("revision").asLong();
      String value =
          version.equals("0.49")
              ? "{\"data\":{\"schemas\":{\"public\":{\"11\":\"all\"}}}}"
              : "{\"create-queries\":{\"public\":{\"11\":\"query-builder\"}}}";
      admin.put(
          "/api/permissions/graph",
          "{\"revision\":" + revision + ",\"groups\":{\"5\":{\"2\":" + value + "}}}");
      SyncedFile synced =
          SyncedFile.connectorOutput(connector(sim, MetabaseVariant.AUTO, true), dir);
      assertThat(fineGrained(synced.grantIds()))
          .containsExactly("database:2:" + partial + ":group:5");
      assertThat(synced.entitlementIds())
          .contains("database:2:" + partial)
          .doesNotContain("database:2:download-full", "database:2:manage-database");
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"V049, 0.49", "V056, 0.56"})
  void goNamedVariantsReportNoneOfThem(MetabaseVariant variant, String version) {
    try (MetabaseSimulator sim = Sims.demo(version, true)) {
      granularValues(new SimAdmin(sim));
      SyncedFile synced = SyncedFile.connectorOutput(connector(sim, variant, false), dir);
      assertThat(fineGrained(synced.grantIds())).isEmpty();
      assertThat(
              fineGrained(
                  synced.entitlementIds().stream()
                      .map(id -> id + ":group:1")
                      .collect(Collectors.toSet())))
          .isEmpty();
    }
  }

  @Test
  void theyAreReportedNotProvisioned() {
    try (MetabaseSimulator sim = Sims.demo("newest", true)) {
      GrantProvisioner p =
          Provisioning.provisioner(connector(sim, MetabaseVariant.AUTO, true), "database");
      assertThatThrownBy(() -> p.grant(group(5), databaseEntitlement(2, "download-full")))
          .isInstanceOfSatisfying(
              ConnectorException.class,
              e -> {
                assertThat(e.code()).isEqualTo(Status.Code.FAILED_PRECONDITION);
                assertThat(e.getMessage())
                    .isEqualTo(
                        "database:2:download-full is reported for review and cannot be"
                            + " granted by the connector; change it in Metabase (Admin → Permissions)");
              });
      assertThat(sim.requestLog().count("PUT /api/permissions/graph", 200)).isZero();
    }
  }

  private static List<String> scope(SyncedFile synced, String grantId) {
    Struct s =
        Annotations.find(synced.grants.get(grantId).getAnnotationsList(), Struct.class)
            .orElseThrow();
    return s.getFieldsOrThrow("scope").getListValue().getValuesList().stream()
        .map(Value::getStringValue)
        .toList();
  }
}
