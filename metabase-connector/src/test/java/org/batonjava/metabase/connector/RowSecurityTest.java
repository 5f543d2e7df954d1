package org.batonjava.metabase.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.batonjava.metabase.connector.Provisioning.databaseEntitlement;
import static org.batonjava.metabase.connector.Provisioning.grant;
import static org.batonjava.metabase.connector.Provisioning.group;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.grpc.Status;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.batonjava.metabase.sim.MetabaseSimulator;
import org.batonjava.metabase.sim.data.Dataset;
import org.batonjava.sdk.connector.Annotations;
import org.batonjava.sdk.connector.ConnectorException;
import org.batonjava.sdk.connector.GrantProvisioner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Sandboxes and connection impersonations, read-only, over HTTP against the simulator: the
 * sandboxed tables and impersonated databases appear as rights whose grant names the user
 * attributes that decide the scope, read once per sync on paid builds (never on free ones);
 * changing query access of such a group on such a database is refused in one line with nothing
 * written.
 */
class RowSecurityTest {
  @TempDir Path dir;

  /**
   * The demo plus Marketing (5) sandboxed on PEOPLE (table 2, database 1) by region, and Finance
   * (4) impersonated on Finance Warehouse (2) by warehouse_role.
   */
  private Dataset withPolicies() throws IOException {
    ObjectMapper json = new ObjectMapper();
    ObjectNode demo;
    try (InputStream in = Dataset.class.getResourceAsStream("demo-dataset.json")) {
      demo = (ObjectNode) json.readTree(in);
    }
    demo.putArray("sandboxes")
        .addObject()
        .put("group_id", 5)
        .put("table_id", 2)
        .put("card_id", 7)
        .putObject("attribute_remappings")
        .putArray("region")
        .add("dimension");
    demo.putArray("impersonations")
        .addObject()
        .put("group_id", 4)
        .put("db_id", 2)
        .put("attribute", "warehouse_role");
    Path file = dir.resolve("policies.json");
    Files.writeString(file, json.writeValueAsString(demo));
    return Dataset.fromJson(file);
  }

  private static List<String> field(SyncedFile synced, String grantId, String name) {
    Struct s =
        Annotations.find(synced.grants.get(grantId).getAnnotationsList(), Struct.class)
            .orElseThrow();
    return s.getFieldsOrThrow(name).getListValue().getValuesList().stream()
        .map(Value::getStringValue)
        .toList();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"newest, PUBLIC", "0.49, PUBLIC"})
  void sandboxedTablesAndImpersonatedDatabasesNameTheirAttributes(String version, String schema)
      throws IOException {
    try (MetabaseSimulator sim = Sims.start(version, true, withPolicies())) {
      SyncedFile synced =
          SyncedFile.connectorOutput(Sims.connector(sim, MetabaseVariant.AUTO, true), dir);
      assertThat(synced.grantIds())
          .contains(
              "database:1:view-sandboxed-partial:group:5", "database:2:view-impersonated:group:4");
      assertThat(field(synced, "database:1:view-sandboxed-partial:group:5", "scope"))
          .containsExactly("table 2 (" + schema + ")");
      assertThat(field(synced, "database:1:view-sandboxed-partial:group:5", "row_security"))
          .containsExactly("table 2 (" + schema + "): region");
      assertThat(field(synced, "database:2:view-impersonated:group:4", "row_security"))
          .containsExactly("role attribute: warehouse_role");
      assertThat(sim.requestLog().count("GET /api/mt/gtap", 200)).as("once per sync").isEqualTo(1);
      assertThat(sim.requestLog().count("GET /api/ee/advanced-permissions/impersonation", 200))
          .isEqualTo(1);
    }
  }

  @Test
  void freeBuildsAreNeverAskedForPolicies() throws IOException {
    try (MetabaseSimulator sim = Sims.start("newest", false, withPolicies())) {
      SyncedFile synced =
          SyncedFile.connectorOutput(Sims.connector(sim, MetabaseVariant.AUTO, false), dir);
      assertThat(synced.grantIds())
          .noneMatch(
              id -> id.contains(":view-sandboxed-partial:") || id.contains(":view-impersonated:"));
      assertThat(sim.requestLog().count("GET /api/mt/gtap", 402)).isZero();
      assertThat(sim.requestLog().count("GET /api/ee/advanced-permissions/impersonation", 402))
          .isZero();
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"newest, AUTO", "0.56, V056", "0.49, V049"})
  void queryAccessOfASandboxedOrImpersonatedGroupIsNotChanged(
      String version, MetabaseVariant variant) throws IOException {
    boolean legacy = version.equals("0.49");
    try (MetabaseSimulator sim = Sims.start(version, true, withPolicies())) {
      GrantProvisioner databases =
          Provisioning.provisioner(Sims.connector(sim, variant, true), "database");
      String qb = legacy ? "access" : "query-builder";
      String qbn = legacy ? "write" : "query-builder-and-native";
      assertRefused(
          () -> databases.grant(group(4), databaseEntitlement(2, qb)),
          "cannot grant database:2:"
              + qb
              + " to group:4: group 4 uses connection impersonation on database 2,"
              + " which a change here could silently remove; change its access in Metabase (Admin → Permissions)");
      assertRefused(
          () -> databases.revoke(grant(databaseEntitlement(2, qbn), group(4))),
          "cannot revoke database:2:"
              + qbn
              + " from group:4: group 4 uses connection impersonation on database 2,"
              + " which a change here could silently remove; change its access in Metabase (Admin → Permissions)");
      assertRefused(
          () -> databases.grant(group(5), databaseEntitlement(1, qbn)),
          "cannot grant database:1:"
              + qbn
              + " to group:5: group 5 has sandboxed tables on database 1, which a"
              + " change here could silently widen to the whole database; change its access in Metabase (Admin →"
              + " Permissions)");
      assertThat(sim.requestLog().count("PUT /api/permissions/graph", 200))
          .as("nothing written")
          .isZero();
      // other groups on the same databases are unaffected
      assertThat(databases.grant(group(6), databaseEntitlement(1, qb))).isEmpty();
    }
  }

  private static void assertRefused(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            ConnectorException.class,
            e -> {
              assertThat(e.code()).isEqualTo(Status.Code.FAILED_PRECONDITION);
              assertThat(e.getMessage()).isEqualTo(message).doesNotContain("\n");
            });
  }
}
