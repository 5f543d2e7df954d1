package org.batonjava.metabase.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.batonjava.metabase.connector.GraphSnapshot.at;
import static org.batonjava.metabase.connector.Provisioning.alreadyExists;
import static org.batonjava.metabase.connector.Provisioning.alreadyRevoked;
import static org.batonjava.metabase.connector.Provisioning.databaseEntitlement;
import static org.batonjava.metabase.connector.Provisioning.grant;
import static org.batonjava.metabase.connector.Provisioning.group;
import static org.batonjava.metabase.connector.Provisioning.user;

import com.fasterxml.jackson.databind.JsonNode;
import io.grpc.Status;
import java.util.List;
import java.util.stream.Stream;
import org.batonjava.metabase.sim.MetabaseSimulator;
import org.batonjava.sdk.connector.ConnectorException;
import org.batonjava.sdk.connector.GrantProvisioner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Database-permission grant and revoke against the simulator over HTTP, for both permission models,
 * free and paid: every path twice (the second time idempotent, with the graph untouched), the
 * implications between levels, and after every change the whole graph compared with the graph
 * before, except the one entry that was meant to change.
 */
class DatabaseProvisioningTest {
  record Case(
      String name, MetabaseVariant variant, String version, boolean paidBuild, boolean flag) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> legacy() {
    return Stream.of(
        new Case("v049 on 0.49 free", MetabaseVariant.V049, "0.49", false, false),
        new Case("v049 on 1.49 paid", MetabaseVariant.V049, "0.49", true, true),
        new Case("auto on 0.49 free", MetabaseVariant.AUTO, "0.49", false, false));
  }

  static Stream<Case> createQueries() {
    return Stream.of(
        new Case("v056 on 0.56 free", MetabaseVariant.V056, "0.56", false, false),
        new Case("v056 on 1.56 paid", MetabaseVariant.V056, "0.56", true, true),
        new Case("auto on newest free", MetabaseVariant.AUTO, "newest", false, false),
        new Case("auto on newest paid", MetabaseVariant.AUTO, "newest", true, false));
  }

  static Stream<Case> all() {
    return Stream.concat(legacy(), createQueries());
  }

  /** A simulator, the connector's database provisioner and an admin client for one case. */
  private record Setup(MetabaseSimulator sim, GrantProvisioner databases, SimAdmin admin)
      implements AutoCloseable {
    static Setup of(Case c) {
      MetabaseSimulator sim = Sims.demo(c.version(), c.paidBuild());
      return new Setup(
          sim,
          Provisioning.provisioner(Sims.connector(sim, c.variant(), c.flag()), "database"),
          new SimAdmin(sim));
    }

    /**
     * Grants twice; the first changes exactly the one entry, the second is AlreadyExists and
     * changes nothing.
     */
    JsonNode grantTwice(long groupId, long databaseId, String slug) {
      GraphSnapshot before = GraphSnapshot.read(admin);
      assertThat(databases.grant(group(groupId), databaseEntitlement(databaseId, slug))).isEmpty();
      GraphSnapshot after = GraphSnapshot.read(admin);
      assertThat(after.without(at(groupId, databaseId)))
          .as("nothing else changed")
          .isEqualTo(before.without(at(groupId, databaseId)));
      assertThat(after.entry(groupId, databaseId)).isNotEqualTo(before.entry(groupId, databaseId));
      assertUnchangedBy(
          () ->
              assertThat(
                      alreadyExists(
                          databases.grant(group(groupId), databaseEntitlement(databaseId, slug))))
                  .isTrue());
      return after.entry(groupId, databaseId);
    }

    /**
     * Revokes twice; the first changes exactly the one entry, the second is AlreadyRevoked and
     * changes nothing.
     */
    JsonNode revokeTwice(long groupId, long databaseId, String slug) {
      GraphSnapshot before = GraphSnapshot.read(admin);
      assertThat(databases.revoke(grant(databaseEntitlement(databaseId, slug), group(groupId))))
          .isEmpty();
      GraphSnapshot after = GraphSnapshot.read(admin);
      assertThat(after.without(at(groupId, databaseId)))
          .as("nothing else changed")
          .isEqualTo(before.without(at(groupId, databaseId)));
      assertThat(after.entry(groupId, databaseId)).isNotEqualTo(before.entry(groupId, databaseId));
      assertUnchangedBy(
          () ->
              assertThat(
                      alreadyRevoked(
                          databases.revoke(
                              grant(databaseEntitlement(databaseId, slug), group(groupId)))))
                  .isTrue());
      return after.entry(groupId, databaseId);
    }

    /** Runs {@code action} and checks that the graph (revision included) is exactly as before. */
    void assertUnchangedBy(Runnable action) {
      GraphSnapshot before = GraphSnapshot.read(admin);
      action.run();
      assertThat(GraphSnapshot.read(admin).graph()).isEqualTo(before.graph());
    }

    @Override
    public void close() {
      sim.close();
    }
  }

  // ---- 0.49: access / write
  // ---------------------------------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @MethodSource("legacy")
  void legacyGrantAccessAndWriteWriteImpliesAccess(Case c) {
    try (Setup s = Setup.of(c)) {
      JsonNode access = s.grantTwice(7, 1, "access");
      assertThat(access.path("data").path("schemas").asText()).isEqualTo("all");
      assertThat(access.path("data").has("native")).as("native none is elided").isFalse();

      JsonNode write = s.grantTwice(4, 1, "write");
      assertThat(write.path("data").path("schemas").asText()).isEqualTo("all");
      assertThat(write.path("data").path("native").asText()).isEqualTo("write");
      s.assertUnchangedBy(
          () ->
              assertThat(
                      alreadyExists(
                          s.databases().grant(group(4), databaseEntitlement(1, "access"))))
                  .as("write implies access")
                  .isTrue());

      // Engineering's "no self-service" on Finance Warehouse becomes full access
      assertThat(s.grantTwice(6, 2, "access").path("data").path("schemas").asText())
          .isEqualTo("all");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("legacy")
  void legacyRevokeWriteKeepsAccessAndRevokeAccessRemovesWrite(Case c) {
    try (Setup s = Setup.of(c)) {
      JsonNode afterWrite = s.revokeTwice(3, 1, "write");
      assertThat(afterWrite.path("data").path("schemas").asText()).isEqualTo("all");
      assertThat(afterWrite.path("data").has("native")).isFalse();
      assertThat(s.revokeTwice(3, 1, "access").has("data")).isFalse();

      assertThat(s.revokeTwice(3, 4, "access").has("data")).as("write went with access").isFalse();
      s.assertUnchangedBy(
          () ->
              assertThat(
                      alreadyRevoked(
                          s.databases().revoke(grant(databaseEntitlement(4, "write"), group(3)))))
                  .isTrue());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("legacy")
  void legacyWriteIsRefusedOverPerTableAccessButAccessReplacesIt(Case c) {
    try (Setup s = Setup.of(c)) {
      s.admin()
          .setPermissions(
              7, 2, "{\"data\":{\"schemas\":{\"public\":{\"11\":\"all\",\"12\":\"none\"}}}}");
      s.assertUnchangedBy(
          () ->
              assertThatThrownBy(
                      () -> s.databases().grant(group(7), databaseEntitlement(2, "write")))
                  .isInstanceOfSatisfying(
                      ConnectorException.class,
                      e -> assertThat(e.code()).isEqualTo(Status.Code.FAILED_PRECONDITION))
                  .hasMessageStartingWith(
                      "cannot grant database:2:write to group:7: group 7 has per-schema or per-table data"
                          + " access on database 2; native SQL (write) needs access to all of it"));
      // access is database-level access by definition: granting it is asking for the whole database
      assertThat(s.grantTwice(7, 2, "access").path("data").path("schemas").asText())
          .isEqualTo("all");
      assertThat(s.grantTwice(7, 2, "write").path("data").path("native").asText())
          .isEqualTo("write");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("legacy")
  void legacyRefusesTheOtherModelsSlugs(Case c) {
    try (Setup s = Setup.of(c)) {
      assertThatThrownBy(
              () -> s.databases().grant(group(4), databaseEntitlement(1, "query-builder")))
          .isInstanceOfSatisfying(
              ConnectorException.class,
              e -> assertThat(e.code()).isEqualTo(Status.Code.INVALID_ARGUMENT))
          .hasMessage(
              "unsupported entitlement id \"database:1:query-builder\"; with the 0.49 data access (access/write)"
                  + " model a database offers [access, write]");
    }
  }

  // ---- 0.50+: query-builder / query-builder-and-native
  // ------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @MethodSource("createQueries")
  void createQueriesGrantTwiceAndNeverDowngrade(Case c) {
    try (Setup s = Setup.of(c)) {
      JsonNode qb = s.grantTwice(4, 1, "query-builder");
      assertThat(qb.path("create-queries").asText()).isEqualTo("query-builder");
      assertThat(qb.path("view-data").asText()).isEqualTo("unrestricted");

      // Analysts have query-builder-and-native on the Sample Database: granting query-builder
      // lowers nothing
      s.assertUnchangedBy(
          () ->
              assertThat(
                      alreadyExists(
                          s.databases().grant(group(3), databaseEntitlement(1, "query-builder"))))
                  .isTrue());
      assertThat(GraphSnapshot.read(s.admin()).entry(3, 1).path("create-queries").asText())
          .isEqualTo("query-builder-and-native");

      // Engineering's legacy "no self-service" view on Finance Warehouse: view-data becomes
      // unrestricted with it
      JsonNode native_ = s.grantTwice(6, 2, "query-builder-and-native");
      assertThat(native_.path("create-queries").asText()).isEqualTo("query-builder-and-native");
      assertThat(native_.path("view-data").asText()).isEqualTo("unrestricted");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("createQueries")
  void createQueriesRevokeSetsNo(Case c) {
    try (Setup s = Setup.of(c)) {
      JsonNode revoked = s.revokeTwice(3, 4, "query-builder-and-native");
      assertThat(revoked.has("create-queries")).as("create-queries no is elided").isFalse();
      assertThat(revoked.path("view-data").asText())
          .as("view-data is left alone")
          .isEqualTo("unrestricted");

      s.assertUnchangedBy(
          () ->
              assertThat(
                      alreadyRevoked(
                          s.databases()
                              .revoke(grant(databaseEntitlement(1, "query-builder"), group(3)))))
                  .as("holds qbn, not qb")
                  .isTrue());
      assertThat(s.revokeTwice(5, 1, "query-builder").has("create-queries")).isFalse();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("createQueries")
  void blockedAndTableLevelViewData(Case c) {
    try (Setup s = Setup.of(c)) {
      if (!c.paidBuild()) {
        // nothing blocked on a free build: Contractors simply have nothing on Marketing Analytics
        assertThat(s.grantTwice(7, 3, "query-builder").path("create-queries").asText())
            .isEqualTo("query-builder");
        return;
      }
      assertThat(GraphSnapshot.read(s.admin()).entry(7, 3).has("view-data"))
          .as("blocked is elided")
          .isFalse();
      JsonNode unblocked = s.grantTwice(7, 3, "query-builder");
      assertThat(unblocked.path("view-data").asText()).isEqualTo("unrestricted");
      assertThat(unblocked.path("create-queries").asText()).isEqualTo("query-builder");

      // table-level view data (one table blocked): Metabase would lift it for any database-level
      // create-queries,
      // so both levels are refused and nothing is written
      s.admin()
          .setPermissions(
              7,
              2,
              "{\"view-data\":{\"public\":{\"11\":\"unrestricted\",\"12\":\"blocked\"},"
                  + "\"reporting\":\"unrestricted\"}}");
      for (String slug : List.of("query-builder-and-native", "query-builder")) {
        s.assertUnchangedBy(
            () ->
                assertThatThrownBy(
                        () -> s.databases().grant(group(7), databaseEntitlement(2, slug)))
                    .isInstanceOfSatisfying(
                        ConnectorException.class,
                        e -> assertThat(e.code()).isEqualTo(Status.Code.FAILED_PRECONDITION))
                    .hasMessageStartingWith(
                        "cannot grant database:2:"
                            + slug
                            + " to group:7: group 7 has"
                            + " table-level view-data permissions")
                    .hasMessageContaining(
                        "Metabase would replace them with unrestricted access to the whole database"));
      }
      assertThat(GraphSnapshot.read(s.admin()).entry(7, 2).path("view-data").isObject())
          .as("table-level view data kept")
          .isTrue();
    }
  }

  // ---- both models
  // ------------------------------------------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @MethodSource("all")
  void administratorsPrincipalsAndUnknownIds(Case c) {
    try (Setup s = Setup.of(c)) {
      String slug = c.version().equals("0.49") ? "access" : "query-builder";
      s.assertUnchangedBy(
          () ->
              assertThat(alreadyExists(s.databases().grant(group(2), databaseEntitlement(1, slug))))
                  .as("administrators have everything")
                  .isTrue());
      assertThatThrownBy(() -> s.databases().revoke(grant(databaseEntitlement(1, slug), group(2))))
          .isInstanceOfSatisfying(
              ConnectorException.class,
              e -> assertThat(e.code()).isEqualTo(Status.Code.FAILED_PRECONDITION))
          .hasMessage(
              "cannot revoke database:1:"
                  + slug
                  + " from the Administrators group: Metabase always gives"
                  + " administrators full access to every database");
      assertThatThrownBy(() -> s.databases().grant(user(5), databaseEntitlement(1, slug)))
          .isInstanceOfSatisfying(
              ConnectorException.class,
              e -> assertThat(e.code()).isEqualTo(Status.Code.INVALID_ARGUMENT))
          .hasMessage(
              "database permissions are granted to Metabase groups only; got user:5 for database:1:"
                  + slug);
      assertThatThrownBy(() -> s.databases().grant(group(7), databaseEntitlement(99, slug)))
          .isInstanceOfSatisfying(
              ConnectorException.class, e -> assertThat(e.code()).isEqualTo(Status.Code.NOT_FOUND))
          .hasMessageStartingWith(
              "cannot grant database:99:"
                  + slug
                  + " to group:7: Metabase has no database 99 or no"
                  + " group 7");
      assertThatThrownBy(() -> s.databases().grant(group(99), databaseEntitlement(1, slug)))
          .isInstanceOfSatisfying(
              ConnectorException.class, e -> assertThat(e.code()).isEqualTo(Status.Code.NOT_FOUND));
    }
  }

  @ParameterizedTest(name = "{0} variant on a {1} server")
  @CsvSource({"V049, 0.56, access", "V056, 0.49, query-builder"})
  void aFixedVariantOnTheOtherModelsServerWritesNothing(
      MetabaseVariant variant, String version, String slug) {
    try (MetabaseSimulator sim = Sims.demo(version, false)) {
      GrantProvisioner databases =
          Provisioning.provisioner(Sims.connector(sim, variant, false), "database");
      SimAdmin admin = new SimAdmin(sim);
      GraphSnapshot before = GraphSnapshot.read(admin);
      assertThatThrownBy(() -> databases.grant(group(7), databaseEntitlement(1, slug)))
          .isInstanceOfSatisfying(
              ConnectorException.class,
              e -> assertThat(e.code()).isEqualTo(Status.Code.FAILED_PRECONDITION))
          .hasMessageContaining("permission graph is not in the")
          .hasMessageEndingWith(
              "use the variant for the server's version, or auto mode (--metabase-version auto)");
      assertThat(GraphSnapshot.read(admin).graph()).isEqualTo(before.graph());
      assertThat(sim.requestLog().count("PUT /api/permissions/graph")).isZero();
    }
  }
}
