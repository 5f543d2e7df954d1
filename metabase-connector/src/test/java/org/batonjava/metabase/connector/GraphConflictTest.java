package org.batonjava.metabase.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.batonjava.metabase.connector.GraphSnapshot.at;
import static org.batonjava.metabase.connector.Provisioning.databaseEntitlement;
import static org.batonjava.metabase.connector.Provisioning.grant;
import static org.batonjava.metabase.connector.Provisioning.group;

import io.grpc.Status;
import org.batonjava.metabase.graph.GraphEdit;
import org.batonjava.metabase.sim.MetabaseSimulator;
import org.batonjava.sdk.connector.ConnectorException;
import org.batonjava.sdk.connector.GrantProvisioner;
import org.batonjava.sdk.crypto.Secret;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Someone else edits the permission graph between the connector's read and its write: Metabase
 * answers 409, the connector reads again and writes again, and the other edit survives (only the
 * one entry is ever sent). An editor who never stops makes the connector give up after a bounded
 * number of rounds, having changed nothing.
 */
class GraphConflictTest {
  private static GrantProvisioner databases(
      MetabaseVariant variant, String proxyUrl, MetabaseSimulator sim) {
    return Provisioning.provisioner(
        MetabaseConnectors.create(
            ConnectorConfig.of(variant, proxyUrl, Secret.of(sim.adminApiKey()), false)),
        "database");
  }

  @ParameterizedTest(name = "{0} on {1}")
  @CsvSource({
    "V049, 0.49, access, '{\"data\":{\"schemas\":\"all\"}}'",
    "V056, 0.56, query-builder, '{\"view-data\":\"unrestricted\",\"create-queries\":\"query-builder\"}'",
    "AUTO, newest, query-builder, '{\"view-data\":\"unrestricted\",\"create-queries\":\"query-builder\"}'"
  })
  void aConcurrentEditIsReadAgainAndKept(
      MetabaseVariant variant, String version, String slug, String otherEdit) {
    try (MetabaseSimulator sim = Sims.demo(version, false)) {
      SimAdmin admin = new SimAdmin(sim);
      // someone else gives Marketing (5) access to Finance Warehouse (2) while the connector works
      // on Finance (4) / DB 1
      try (InterferingProxy proxy =
          new InterferingProxy(
              sim.baseUrl(),
              "PUT /api/permissions/graph",
              n -> n == 1,
              () -> admin.setPermissions(5, 2, otherEdit))) {
        GraphSnapshot before = GraphSnapshot.read(admin);
        assertThat(
                databases(variant, proxy.baseUrl(), sim)
                    .grant(group(4), databaseEntitlement(1, slug)))
            .isEmpty();
        GraphSnapshot after = GraphSnapshot.read(admin);

        assertThat(proxy.intercepted())
            .as("written twice: once refused, once accepted")
            .isEqualTo(2);
        assertThat(sim.requestLog().count("PUT /api/permissions/graph", 409)).isEqualTo(1);
        assertThat(after.revision()).isEqualTo(before.revision() + 2);
        assertThat(after.without(at(4, 1), at(5, 2)))
            .as("every other group and database untouched")
            .isEqualTo(before.without(at(4, 1), at(5, 2)));
        assertThat(after.entry(5, 2))
            .as("the other edit survived")
            .isNotEqualTo(before.entry(5, 2));
        String granted =
            version.equals("0.49")
                ? after.entry(4, 1).path("data").path("schemas").asText()
                : after.entry(4, 1).path("create-queries").asText();
        assertThat(granted).isEqualTo(version.equals("0.49") ? "all" : "query-builder");
      }
    }
  }

  @ParameterizedTest(name = "{0} on {1}")
  @CsvSource({"V049, 0.49", "V056, 0.56"})
  void aGraphThatKeepsChangingIsGivenUpOnWithoutAChange(MetabaseVariant variant, String version) {
    try (MetabaseSimulator sim = Sims.demo(version, false)) {
      SimAdmin admin = new SimAdmin(sim);
      boolean[] flip = {false};
      Runnable otherEdits =
          () -> {
            flip[0] = !flip[0];
            admin.setPermissions(
                5,
                2,
                version.equals("0.49")
                    ? "{\"data\":{\"schemas\":\""
                        + (flip[0] ? "all" : "none")
                        + "\",\"native\":\"none\"}}"
                    : "{\"create-queries\":\"" + (flip[0] ? "query-builder" : "no") + "\"}");
          };
      try (InterferingProxy proxy =
          new InterferingProxy(
              sim.baseUrl(), "PUT /api/permissions/graph", n -> true, otherEdits)) {
        String slug = version.equals("0.49") ? "write" : "query-builder-and-native";
        GraphSnapshot before = GraphSnapshot.read(admin);
        assertThatThrownBy(
                () ->
                    databases(variant, proxy.baseUrl(), sim)
                        .revoke(grant(databaseEntitlement(1, slug), group(3))))
            .isInstanceOfSatisfying(
                ConnectorException.class, e -> assertThat(e.code()).isEqualTo(Status.Code.ABORTED))
            .hasMessage(
                "cannot revoke database:1:"
                    + slug
                    + " from group:3: the Metabase permission graph changed "
                    + GraphEdit.MAX_ATTEMPTS
                    + " times while group 3's permissions on database 1 were being written"
                    + " (someone else is editing permissions); nothing was changed, try again later");
        assertThat(proxy.intercepted()).isEqualTo(GraphEdit.MAX_ATTEMPTS);
        assertThat(GraphSnapshot.read(admin).entry(3, 1)).isEqualTo(before.entry(3, 1));
      }
    }
  }
}
