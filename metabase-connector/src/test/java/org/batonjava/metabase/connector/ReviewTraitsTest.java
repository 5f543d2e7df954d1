package org.batonjava.metabase.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.batonjava.metabase.connector.Provisioning.grant;
import static org.batonjava.metabase.connector.Provisioning.groupEntitlement;
import static org.batonjava.metabase.connector.Provisioning.user;

import c1.connector.v2.GroupTrait;
import c1.connector.v2.Resource;
import c1.connector.v2.UserTrait;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.grpc.Status;
import java.nio.file.Path;
import java.util.List;
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
 * User review traits (superuser, SSO source, attribute names but never values, date joined) and
 * identity-provider mapped groups, over HTTP against the simulator: marked in the group profile
 * from one settings read per sync, membership grants into them refused in one line unless {@code
 * --force}; the Go-named variants unchanged.
 */
class ReviewTraitsTest {
  @TempDir Path dir;

  private static MetabaseConnector connector(
      MetabaseSimulator sim, MetabaseVariant variant, boolean extended, boolean force) {
    return MetabaseConnectors.create(
        ConnectorConfig.of(variant, sim.baseUrl(), Secret.of(sim.adminApiKey()), false)
            .withExtendedAccess(extended)
            .withForce(force));
  }

  private static Struct userProfile(SyncedFile synced, long id) {
    return Annotations.find(
            synced.resources.get("user:" + id).getAnnotationsList(), UserTrait.class)
        .orElseThrow()
        .getProfile();
  }

  private static Struct groupProfile(SyncedFile synced, long id) {
    return Annotations.find(
            synced.resources.get("group:" + id).getAnnotationsList(), GroupTrait.class)
        .orElseThrow()
        .getProfile();
  }

  private static List<String> strings(Value list) {
    return list.getListValue().getValuesList().stream().map(Value::getStringValue).toList();
  }

  @ParameterizedTest(name = "{0} paid {1}")
  @CsvSource({"0.49, false", "0.56, true", "newest, false", "newest, true"})
  void usersCarryReviewTraitsButNeverAttributeValues(String version, boolean paid) {
    try (MetabaseSimulator sim = Sims.demo(version, paid)) {
      SyncedFile synced =
          SyncedFile.connectorOutput(connector(sim, MetabaseVariant.AUTO, true, false), dir);
      Struct john = userProfile(synced, 5);
      assertThat(john.getFieldsOrThrow("is_superuser").getBoolValue()).isFalse();
      assertThat(john.containsFields("sso_source")).as("password login").isFalse();
      assertThat(userProfile(synced, 4).getFieldsOrThrow("sso_source").getStringValue())
          .isEqualTo("saml");
      assertThat(strings(john.getFieldsOrThrow("attribute_names"))).containsExactly("region");
      assertThat(john.getFieldsOrThrow("date_joined").getStringValue())
          .isEqualTo("2024-03-05T11:00:00Z");
      UserTrait johnTrait =
          Annotations.find(synced.resources.get("user:5").getAnnotationsList(), UserTrait.class)
              .orElseThrow();
      assertThat(johnTrait.getCreatedAt().getSeconds())
          .isEqualTo(java.time.Instant.parse("2024-03-05T11:00:00Z").getEpochSecond());
      assertThat(strings(userProfile(synced, 9).getFieldsOrThrow("attribute_names")))
          .containsExactly("region", "warehouse_role");
      Struct ada = userProfile(synced, 1);
      assertThat(ada.getFieldsOrThrow("is_superuser").getBoolValue()).isTrue();
      assertThat(ada.containsFields("sso_source")).as("password login").isFalse();
      assertThat(ada.containsFields("attribute_names")).isFalse();
      assertThat(ada.containsFields("tenant_id")).isFalse();
      for (Resource r : synced.resources.values()) {
        assertThat(r.toString())
            .as("attribute values never reach the file")
            .doesNotContain("EMEA")
            .doesNotContain("contractor_ro")
            .doesNotContain("FIN-1");
      }
    }
  }

  @ParameterizedTest(name = "{0} paid {1}")
  @CsvSource({"0.49, false, ldap", "0.56, true, 'ldap,saml'", "newest, true, 'ldap,saml'"})
  void groupsAnIdentityProviderManagesAreMarkedFromOneSettingsRead(
      String version, boolean paid, String providers) {
    try (MetabaseSimulator sim = Sims.demo(version, paid)) {
      SyncedFile synced =
          SyncedFile.connectorOutput(connector(sim, MetabaseVariant.AUTO, true, false), dir);
      Struct contractors = groupProfile(synced, 7);
      assertThat(contractors.getFieldsOrThrow("idp_mapped").getBoolValue()).isTrue();
      assertThat(strings(contractors.getFieldsOrThrow("idp_providers")))
          .containsExactly(providers.split(","));
      assertThat(synced.resources.get("group:7").getDescription()).contains("identity provider");
      assertThat(groupProfile(synced, 4).getFieldsOrThrow("idp_mapped").getBoolValue()).isFalse();
      assertThat(groupProfile(synced, 1).getFieldsOrThrow("idp_mapped").getBoolValue()).isFalse();
      assertThat(sim.requestLog().count("GET /api/setting", 200))
          .as("one settings read per sync")
          .isEqualTo(1);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"UNVERSIONED, 0.56", "V049, 0.49", "V056, 0.56"})
  void goNamedVariantsKeepGoProfilesAndDoNotReadSettings(MetabaseVariant variant, String version) {
    try (MetabaseSimulator sim = Sims.demo(version, true)) {
      SyncedFile synced = SyncedFile.connectorOutput(connector(sim, variant, false, false), dir);
      assertThat(userProfile(synced, 5).getFieldsMap()).containsOnlyKeys("first_name", "last_name");
      assertThat(groupProfile(synced, 7).getFieldsMap()).containsOnlyKeys("name", "member_count");
      assertThat(synced.resources.get("group:7").getDescription()).isEmpty();
      assertThat(sim.requestLog().count("GET /api/setting", 200)).isZero();
      // the Go behaviour: a membership of a mapped group is added without a question
      GrantProvisioner groups =
          Provisioning.provisioner(connector(sim, variant, false, false), "group");
      assertThat(groups.grant(user(6), groupEntitlement(7, "member"))).isEmpty();
    }
  }

  @Test
  void aMembershipOfAMappedGroupIsRefusedInOneLineUnlessForced() {
    try (MetabaseSimulator sim = Sims.demo("newest", true)) {
      GrantProvisioner groups =
          Provisioning.provisioner(connector(sim, MetabaseVariant.AUTO, true, false), "group");
      assertThatThrownBy(() -> groups.grant(user(6), groupEntitlement(7, "member")))
          .isInstanceOfSatisfying(
              ConnectorException.class,
              e -> {
                assertThat(e.code()).isEqualTo(Status.Code.FAILED_PRECONDITION);
                assertThat(e.getMessage())
                    .isEqualTo(
                        "cannot add user 6 to group 7: the group is mapped by ldap, saml"
                            + " group sync, so Metabase would undo this at the user's next SSO login; change the membership in"
                            + " the identity provider, or pass --force to add it anyway");
              });
      assertThat(sim.requestLog().count("POST /api/permissions/membership", 200))
          .as("nothing written")
          .isZero();
      // an unmapped group is unaffected
      assertThat(groups.grant(user(6), groupEntitlement(4, "member"))).isEmpty();
      // removing access still works (until the next login); it is only logged
      assertThat(groups.revoke(grant(groupEntitlement(7, "member"), user(9)))).isEmpty();

      GrantProvisioner forced =
          Provisioning.provisioner(connector(sim, MetabaseVariant.AUTO, true, true), "group");
      assertThat(forced.grant(user(6), groupEntitlement(7, "member"))).isEmpty();
      assertThat(Provisioning.alreadyExists(forced.grant(user(6), groupEntitlement(7, "member"))))
          .isTrue();
    }
  }
}
