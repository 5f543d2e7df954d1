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
import c1.connector.v2.Resource;
import com.fasterxml.jackson.databind.JsonNode;
import io.grpc.Status;
import org.batonjava.metabase.graph.GraphEdit;
import org.batonjava.metabase.sim.MetabaseSimulator;
import org.batonjava.sdk.connector.BatonIds;
import org.batonjava.sdk.connector.ConnectorException;
import org.batonjava.sdk.connector.GrantProvisioner;
import org.batonjava.sdk.crypto.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Granting and revoking {@code view} / {@code curate} on collections over HTTP: one cell of the
 * collection graph changed with the revision just read; grant only raises, revoking Curate leaves
 * View, revoking View removes both; twice is idempotent; a concurrent edit (a 409 mid-grant) is
 * read again and kept; bad requests get one line.
 */
class CollectionProvisioningTest {
  private static GrantProvisioner collections(String baseUrl, MetabaseSimulator sim) {
    return Provisioning.provisioner(
        MetabaseConnectors.create(
            ConnectorConfig.of(MetabaseVariant.AUTO, baseUrl, Secret.of(sim.adminApiKey()), false)),
        "collection");
  }

  private static Entitlement on(String collection, String slug) {
    Resource r = Resource.newBuilder().setId(BatonIds.resourceId("collection", collection)).build();
    return entitlement(r, slug);
  }

  /** A group's level on a collection as the graph shows it (absent = none). */
  private static String level(SimAdmin admin, long groupId, String collection) {
    JsonNode cell =
        admin
            .get("/api/collection/graph")
            .path("groups")
            .path(Long.toString(groupId))
            .path(collection);
    return cell.isMissingNode() ? "none" : cell.asText();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"0.49", "0.56", "v0.56.13", "newest"})
  void grantRaisesRevokeLowersAndTwiceIsIdempotent(String version) {
    try (MetabaseSimulator sim = Sims.demo(version, false)) {
      SimAdmin admin = new SimAdmin(sim);
      GrantProvisioner p = collections(sim.baseUrl(), sim);
      long revision = admin.get("/api/collection/graph").path("revision").asLong();

      // Engineering (6) has nothing on Finance (1)
      assertThat(p.grant(group(6), on("1", "view"))).isEmpty();
      assertThat(level(admin, 6, "1")).isEqualTo("read");
      assertThat(alreadyExists(p.grant(group(6), on("1", "view")))).isTrue();
      assertThat(p.grant(group(6), on("1", "curate"))).isEmpty();
      assertThat(level(admin, 6, "1")).isEqualTo("write");
      assertThat(alreadyExists(p.grant(group(6), on("1", "curate")))).isTrue();
      assertThat(alreadyExists(p.grant(group(6), on("1", "view"))))
          .as("curate includes view")
          .isTrue();

      // Finance (4) curates Finance (1): revoking curate leaves view
      assertThat(p.revoke(grant(on("1", "curate"), group(4)))).isEmpty();
      assertThat(level(admin, 4, "1")).isEqualTo("read");
      assertThat(alreadyRevoked(p.revoke(grant(on("1", "curate"), group(4))))).isTrue();
      // Finance (4) curates Payroll (3): revoking view removes both
      assertThat(p.revoke(grant(on("3", "view"), group(4)))).isEmpty();
      assertThat(level(admin, 4, "3")).isEqualTo("none");
      assertThat(alreadyRevoked(p.revoke(grant(on("3", "view"), group(4))))).isTrue();
      assertThat(alreadyRevoked(p.revoke(grant(on("3", "curate"), group(4))))).isTrue();

      // the root collection
      assertThat(p.grant(group(6), on("root", "view"))).isEmpty();
      assertThat(level(admin, 6, "root")).isEqualTo("read");
      // Administrators already curate everything
      assertThat(alreadyExists(p.grant(group(2), on("4", "curate")))).isTrue();

      assertThat(admin.get("/api/collection/graph").path("revision").asLong())
          .as("one revision per change")
          .isEqualTo(revision + 5);
      assertThat(level(admin, 3, "1")).as("other cells untouched").isEqualTo("read");
      assertThat(level(admin, 7, "2")).isEqualTo("read");
      assertThat(sim.requestLog().count("PUT /api/collection/graph", 409)).isZero();
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"0.49", "0.56", "newest"})
  void aConcurrentEditMidGrantIsReadAgainAndKept(String version) {
    try (MetabaseSimulator sim = Sims.demo(version, false)) {
      SimAdmin admin = new SimAdmin(sim);
      // someone else lets Marketing (5) view Finance (1) between the connector's read and its write
      Runnable otherEdit =
          () -> {
            long revision = admin.get("/api/collection/graph").path("revision").asLong();
            admin.put(
                "/api/collection/graph",
                "{\"revision\":" + revision + ",\"groups\":{\"5\":{\"1\":\"read\"}}}");
          };
      try (InterferingProxy proxy =
          new InterferingProxy(
              sim.baseUrl(), "PUT /api/collection/graph", n -> n == 1, otherEdit)) {
        long before = admin.get("/api/collection/graph").path("revision").asLong();
        assertThat(collections(proxy.baseUrl(), sim).grant(group(6), on("1", "curate"))).isEmpty();
        assertThat(proxy.intercepted())
            .as("written twice: once refused, once accepted")
            .isEqualTo(2);
        assertThat(sim.requestLog().count("PUT /api/collection/graph", 409)).isEqualTo(1);
        assertThat(level(admin, 6, "1")).isEqualTo("write");
        assertThat(level(admin, 5, "1")).as("the other edit survived").isEqualTo("read");
        assertThat(admin.get("/api/collection/graph").path("revision").asLong())
            .isEqualTo(before + 2);
      }
    }
  }

  @Test
  void aCollectionCreatedMidGrantBumpsTheRevisionFrom055AndTheGrantIsRetried() {
    try (MetabaseSimulator sim = Sims.demo("newest", false)) {
      SimAdmin admin = new SimAdmin(sim);
      String[] created = {""};
      try (InterferingProxy proxy =
          new InterferingProxy(
              sim.baseUrl(),
              "PUT /api/collection/graph",
              n -> n == 1,
              () ->
                  created[0] =
                      admin
                          .post("/api/collection", "{\"name\":\"Q3 close\",\"parent_id\":1}")
                          .path("id")
                          .asText())) {
        assertThat(collections(proxy.baseUrl(), sim).revoke(grant(on("1", "curate"), group(4))))
            .isEmpty();
        assertThat(sim.requestLog().count("PUT /api/collection/graph", 409)).isEqualTo(1);
        assertThat(level(admin, 4, "1")).isEqualTo("read");
        assertThat(level(admin, 4, created[0]))
            .as("the new collection copied Finance's curate before the revoke")
            .isEqualTo("write");
      }
    }
  }

  @Test
  void aGraphThatKeepsChangingIsGivenUpOnWithoutAChange() {
    try (MetabaseSimulator sim = Sims.demo("0.56", false)) {
      SimAdmin admin = new SimAdmin(sim);
      boolean[] flip = {false};
      Runnable otherEdits =
          () -> {
            flip[0] = !flip[0];
            long revision = admin.get("/api/collection/graph").path("revision").asLong();
            admin.put(
                "/api/collection/graph",
                "{\"revision\":"
                    + revision
                    + ",\"groups\":{\"5\":{\"1\":\""
                    + (flip[0] ? "read" : "none")
                    + "\"}}}");
          };
      try (InterferingProxy proxy =
          new InterferingProxy(sim.baseUrl(), "PUT /api/collection/graph", n -> true, otherEdits)) {
        assertThatThrownBy(() -> collections(proxy.baseUrl(), sim).grant(group(6), on("1", "view")))
            .isInstanceOfSatisfying(
                ConnectorException.class, e -> assertThat(e.code()).isEqualTo(Status.Code.ABORTED))
            .hasMessage(
                "cannot grant collection:1:view to group:6: the Metabase permission graph changed "
                    + GraphEdit.MAX_ATTEMPTS
                    + " times while group 6's permissions on collection 1 were being written"
                    + " (someone else is editing permissions); nothing was changed, try again later");
        assertThat(proxy.intercepted()).isEqualTo(GraphEdit.MAX_ATTEMPTS);
        assertThat(level(admin, 6, "1")).isEqualTo("none");
      }
    }
  }

  @Test
  void badRequestsAreRefusedInOneLine() {
    try (MetabaseSimulator sim = Sims.demo("newest", true)) {
      GrantProvisioner p = collections(sim.baseUrl(), sim);
      assertRefused(
          () -> p.grant(group(4), on("99", "view")),
          Status.Code.NOT_FOUND,
          "cannot grant collection:99:view to group:4: Metabase has no collection 99 (sync again to refresh the"
              + " collections)");
      assertRefused(
          () -> p.grant(user(5), on("1", "view")),
          Status.Code.INVALID_ARGUMENT,
          "collection permissions are granted to Metabase groups only; got user:5 for collection:1:view (grant it"
              + " to a group the user is in, or add the user to a group that has it)");
      assertRefused(
          () -> p.revoke(grant(on("1", "view"), group(2))),
          Status.Code.FAILED_PRECONDITION,
          "cannot revoke collection:1:view from group:2: Metabase always lets the Administrators group curate every"
              + " collection; remove the user from Administrators instead");
      assertRefused(
          () -> p.grant(group(4), on("5", "view")),
          Status.Code.FAILED_PRECONDITION,
          "cannot grant collection:5:view to group:4: collection 5 is a personal collection (or inside one);"
              + " Metabase gives personal collections no group permissions");
      assertRefused(
          () -> p.grant(group(4), on("6", "curate")),
          Status.Code.FAILED_PRECONDITION,
          "cannot grant collection:6:curate to group:4: collection 6 is a personal collection (or inside one);"
              + " Metabase gives personal collections no group permissions");
      assertRefused(
          () -> p.grant(group(4), on("7", "view")),
          Status.Code.FAILED_PRECONDITION,
          "cannot grant collection:7:view to group:4: collection 7 is in the trash (archived); restore it in"
              + " Metabase first");
      assertRefused(
          () -> p.grant(group(4), on(ExtendedAccessData.ANALYTICS, "curate")),
          Status.Code.FAILED_PRECONDITION,
          "cannot grant collection:8:curate to group:4: the Usage analytics"
              + " collection can only be viewed; grant view instead");
      assertRefused(
          () -> p.grant(group(4), on("1", "own")),
          Status.Code.INVALID_ARGUMENT,
          "unsupported entitlement id \"collection:1:own\"; a collection offers view and curate");
      assertRefused(
          () -> p.grant(group(99), on("1", "view")),
          Status.Code.NOT_FOUND,
          "cannot grant collection:1:view to group:99: Metabase has no group 99 or no collection 1 (sync again to"
              + " refresh them)");
      assertThat(sim.requestLog().count("PUT /api/collection/graph", 200))
          .as("nothing written")
          .isZero();
      assertThat(p.grant(group(4), on(ExtendedAccessData.ANALYTICS, "view"))).isEmpty();
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
