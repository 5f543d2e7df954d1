package org.batonjava.metabase.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.batonjava.metabase.connector.Provisioning.alreadyExists;
import static org.batonjava.metabase.connector.Provisioning.alreadyRevoked;
import static org.batonjava.metabase.connector.Provisioning.entitlement;
import static org.batonjava.metabase.connector.Provisioning.grant;
import static org.batonjava.metabase.connector.Provisioning.group;
import static org.batonjava.metabase.connector.Provisioning.user;

import c1.connector.v2.Entitlement;
import c1.connector.v2.GrantExpandable;
import c1.connector.v2.GrantImmutable;
import c1.connector.v2.Resource;
import io.grpc.Status;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.batonjava.metabase.sim.MetabaseSimulator;
import org.batonjava.sdk.connector.Annotations;
import org.batonjava.sdk.connector.BatonIds;
import org.batonjava.sdk.connector.ConnectorException;
import org.batonjava.sdk.connector.GrantProvisioner;
import org.batonjava.sdk.crypto.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Application permissions (Settings, Monitoring, Subscriptions) over HTTP against the simulator:
 * present with their exact IDs on paid builds of every line, absent (and the graph never asked for)
 * on free builds; grants expandable to group members, Administrators immutable; grant and revoke of
 * one cell with the revision, idempotent, a concurrent 409 edit kept; bad requests refused in one
 * line with nothing written.
 */
class ApplicationPermissionsTest {
  private static final String GRAPH = "/api/ee/advanced-permissions/application/graph";

  @TempDir Path dir;

  /**
   * The demo's application graph: Administrators everything, Engineering (6) Settings and
   * Monitoring, All Users Subscriptions (Metabase's default).
   */
  static final Set<String> PAID_GRANTS =
      Set.of(
          "application_permission:setting:access:group:2",
              "application_permission:setting:access:group:6",
          "application_permission:monitoring:access:group:2",
              "application_permission:monitoring:access:group:6",
          "application_permission:subscription:access:group:1",
              "application_permission:subscription:access:group:2");

  private static MetabaseConnector connector(
      String baseUrl, MetabaseSimulator sim, MetabaseVariant variant, boolean paidFlag) {
    return MetabaseConnectors.create(
        ConnectorConfig.of(variant, baseUrl, Secret.of(sim.adminApiKey()), paidFlag)
            .withExtendedAccess(true));
  }

  private static GrantProvisioner provisioner(String baseUrl, MetabaseSimulator sim) {
    return Provisioning.provisioner(
        connector(baseUrl, sim, MetabaseVariant.AUTO, false), "application_permission");
  }

  private static Entitlement access(String permission) {
    Resource r =
        Resource.newBuilder()
            .setId(BatonIds.resourceId("application_permission", permission))
            .build();
    return entitlement(r, "access");
  }

  private static String cell(SimAdmin admin, long groupId, String permission) {
    return admin
        .get(GRAPH)
        .path("groups")
        .path(Long.toString(groupId))
        .path(permission)
        .asText("no");
  }

  private static Set<String> ofType(Set<String> ids) {
    return ids.stream()
        .filter(id -> id.startsWith("application_permission:"))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @ParameterizedTest(name = "{0} on {1} (paid {2})")
  @CsvSource({
    "AUTO, 0.49, true",
    "AUTO, 0.54, true",
    "AUTO, newest, true",
    "V049, 0.49, true",
    "V056, 0.56, true",
    "AUTO, 0.49, false",
    "AUTO, newest, false",
    "V056, 0.56, false"
  })
  void idsOnPaidBuildsAndNothingOnFreeOnes(MetabaseVariant variant, String version, boolean paid) {
    try (MetabaseSimulator sim = Sims.demo(version, paid)) {
      SyncedFile synced =
          SyncedFile.connectorOutput(connector(sim.baseUrl(), sim, variant, paid), dir);
      if (!paid) {
        assertThat(ofType(synced.resourceIds())).isEmpty();
        assertThat(ofType(synced.grantIds())).isEmpty();
        assertThat(sim.requestLog().count("GET " + GRAPH, 402))
            .as("a free build's graph is never asked for")
            .isZero();
        return;
      }
      assertThat(ofType(synced.resourceIds()))
          .containsExactly(
              "application_permission:monitoring",
              "application_permission:setting",
              "application_permission:subscription");
      assertThat(ofType(synced.entitlementIds()))
          .containsExactly(
              "application_permission:monitoring:access",
              "application_permission:setting:access",
              "application_permission:subscription:access");
      assertThat(ofType(synced.grantIds())).isEqualTo(new TreeSet<>(PAID_GRANTS));
      assertThat(sim.requestLog().count("GET " + GRAPH, 200))
          .as("one graph read per sync")
          .isEqualTo(1);
    }
  }

  @Test
  void grantsExpandToMembersAndAdministratorsAreImmutable() {
    try (MetabaseSimulator sim = Sims.demo("newest", true)) {
      SyncedFile synced =
          SyncedFile.connectorOutput(
              connector(sim.baseUrl(), sim, MetabaseVariant.AUTO, true), dir);
      Resource settings = synced.resources.get("application_permission:setting");
      assertThat(settings.getDisplayName()).isEqualTo("Settings");
      assertThat(settings.getDescription()).contains("authentication").contains("public sharing");
      GrantExpandable expandable =
          synced.expandable.get("application_permission:setting:access:group:6");
      assertThat(expandable.getEntitlementIdsList())
          .containsExactly("group:6:member", "group:6:manager");
      assertThat(
              Annotations.has(
                  synced
                      .grants
                      .get("application_permission:setting:access:group:2")
                      .getAnnotationsList(),
                  GrantImmutable.class))
          .isTrue();
      assertThat(
              Annotations.has(
                  synced
                      .grants
                      .get("application_permission:setting:access:group:6")
                      .getAnnotationsList(),
                  GrantImmutable.class))
          .isFalse();
    }
    try (MetabaseSimulator sim = Sims.demo("0.56", true)) {
      SyncedFile expanded =
          SyncedFile.expanded(connector(sim.baseUrl(), sim, MetabaseVariant.AUTO, true), dir);
      // Engineering (6): Grace Hopper (2) and Alan Turing (3); Jane Doe (4) is not in it
      assertThat(expanded.grantIds())
          .contains(
              "application_permission:setting:access:user:2",
              "application_permission:setting:access:user:3",
              "application_permission:subscription:access:user:4",
              "application_permission:setting:access:api_key:2");
      assertThat(expanded.grantIds())
          .doesNotContain(
              "application_permission:setting:access:user:4",
              "application_permission:setting:access:api_key:3");
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"0.49", "0.56", "newest"})
  void grantAndRevokeOneCellTwiceIsIdempotent(String version) {
    try (MetabaseSimulator sim = Sims.demo(version, true)) {
      SimAdmin admin = new SimAdmin(sim);
      GrantProvisioner p = provisioner(sim.baseUrl(), sim);
      long revision = admin.get(GRAPH).path("revision").asLong();

      assertThat(p.grant(group(4), access("monitoring"))).isEmpty();
      assertThat(cell(admin, 4, "monitoring")).isEqualTo("yes");
      assertThat(cell(admin, 4, "setting"))
          .as("the other cells of the group untouched")
          .isEqualTo("no");
      assertThat(alreadyExists(p.grant(group(4), access("monitoring")))).isTrue();

      assertThat(p.revoke(grant(access("setting"), group(6)))).isEmpty();
      assertThat(cell(admin, 6, "setting")).isEqualTo("no");
      assertThat(cell(admin, 6, "monitoring")).isEqualTo("yes");
      assertThat(alreadyRevoked(p.revoke(grant(access("setting"), group(6))))).isTrue();
      assertThat(alreadyRevoked(p.revoke(grant(access("setting"), group(5))))).isTrue();

      assertThat(alreadyExists(p.grant(group(2), access("setting"))))
          .as("Administrators hold everything")
          .isTrue();
      assertThat(admin.get(GRAPH).path("revision").asLong())
          .as("one revision per change")
          .isEqualTo(revision + 2);
      assertThat(cell(admin, 1, "subscription")).isEqualTo("yes");
      assertThat(sim.requestLog().count("PUT " + GRAPH, 409)).isZero();
    }
  }

  @Test
  void aConcurrentEditMidGrantIsReadAgainAndKept() {
    try (MetabaseSimulator sim = Sims.demo("newest", true)) {
      SimAdmin admin = new SimAdmin(sim);
      // someone else gives Marketing (5) Monitoring between the connector's read and its write
      Runnable otherEdit =
          () -> {
            long revision = admin.get(GRAPH).path("revision").asLong();
            admin.put(
                GRAPH,
                "{\"revision\":" + revision + ",\"groups\":{\"5\":{\"monitoring\":\"yes\"}}}");
          };
      try (InterferingProxy proxy =
          new InterferingProxy(sim.baseUrl(), "PUT " + GRAPH, n -> n == 1, otherEdit)) {
        long before = admin.get(GRAPH).path("revision").asLong();
        assertThat(provisioner(proxy.baseUrl(), sim).grant(group(5), access("setting"))).isEmpty();
        assertThat(proxy.intercepted())
            .as("written twice: once refused, once accepted")
            .isEqualTo(2);
        assertThat(sim.requestLog().count("PUT " + GRAPH, 409)).isEqualTo(1);
        assertThat(cell(admin, 5, "setting")).isEqualTo("yes");
        assertThat(cell(admin, 5, "monitoring")).as("the other edit survived").isEqualTo("yes");
        assertThat(admin.get(GRAPH).path("revision").asLong()).isEqualTo(before + 2);
      }
    }
  }

  @Test
  void badRequestsAreRefusedInOneLineAndNothingIsWritten() {
    try (MetabaseSimulator sim = Sims.demo("newest", true)) {
      GrantProvisioner p = provisioner(sim.baseUrl(), sim);
      assertRefused(
          () -> p.revoke(grant(access("setting"), group(2))),
          Status.Code.FAILED_PRECONDITION,
          "cannot revoke application_permission:setting:access from group:2: Metabase always gives the Administrators"
              + " group every application permission; remove the user from Administrators instead");
      assertRefused(
          () -> p.grant(user(4), access("setting")),
          Status.Code.INVALID_ARGUMENT,
          "application permissions are granted to Metabase groups only; got user:4 for"
              + " application_permission:setting:access (grant it to a group the user is in, or add the user to a"
              + " group that has it)");
      assertRefused(
          () -> p.grant(group(4), access("audit")),
          Status.Code.INVALID_ARGUMENT,
          "unknown application permission \"audit\": Metabase has setting, monitoring and subscription");
      Resource setting =
          Resource.newBuilder()
              .setId(BatonIds.resourceId("application_permission", "setting"))
              .build();
      assertRefused(
          () -> p.grant(group(4), entitlement(setting, "admin")),
          Status.Code.INVALID_ARGUMENT,
          "unsupported entitlement id \"application_permission:setting:admin\"; an application permission offers"
              + " application_permission:setting:access");
      assertRefused(
          () -> p.grant(group(99), access("setting")),
          Status.Code.NOT_FOUND,
          "cannot grant application_permission:setting:access to group:99: Metabase has no group 99 (sync again to"
              + " refresh the groups)");
      assertThat(sim.requestLog().count("PUT " + GRAPH, 200)).as("nothing written").isZero();
    }
    try (MetabaseSimulator sim = Sims.demo("newest", false)) {
      assertThatThrownBy(() -> provisioner(sim.baseUrl(), sim).grant(group(4), access("setting")))
          .isInstanceOfSatisfying(
              ConnectorException.class,
              e -> {
                assertThat(e.code()).isEqualTo(Status.Code.FAILED_PRECONDITION);
                assertThat(e.getMessage())
                    .startsWith(
                        "cannot grant application_permission:setting:access to group:4:"
                            + " this needs a paid Metabase plan")
                    .doesNotContain("\n");
              });
      assertThat(sim.requestLog().count("PUT " + GRAPH, 200)).isZero();
    }
  }

  private static void assertRefused(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call,
      Status.Code code,
      String message) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            ConnectorException.class,
            e -> {
              assertThat(e.code()).isEqualTo(code);
              assertThat(e.getMessage()).isEqualTo(message).doesNotContain("\n");
            });
  }
}
