package org.batonjava.metabase.connector;

import static org.assertj.core.api.Assertions.assertThat;

import c1.connector.v2.AccountInfo;
import c1.connector.v2.CreateAccountResponse;
import c1.connector.v2.LocalCredentialOptions;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.batonjava.metabase.sim.MetabaseSimulator;
import org.batonjava.sdk.c1z.C1zOptions;
import org.batonjava.sdk.crypto.CredentialEncryptor;
import org.batonjava.sdk.crypto.OneShotEncryptionConfig;
import org.batonjava.sdk.provision.AccountRequests;
import org.batonjava.sdk.provision.ActionRequests;
import org.batonjava.sdk.provision.GrantRequests;
import org.batonjava.sdk.provision.OneShotProvisioning;
import org.batonjava.sdk.sync.SyncEngine;
import org.batonjava.sdk.sync.SyncOptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The SDK's one-shot path end to end: a real sync into a c1z, then {@code OneShotProvisioning}
 * looks the ids up in that file and the connector changes Metabase (memberships and database
 * permissions, each twice), and the account and action requests go through the SDK's dispatch.
 * Changes made in Metabase after the sync are seen: provisioning reads Metabase, not the file or a
 * snapshot of the sync.
 */
class OneShotSdkPathTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "{0} on {1}, paid build {2}")
  @CsvSource({
    "V049, 0.49, false, access, write",
    "AUTO, newest, true, query-builder, query-builder-and-native",
    "V056, 0.56, false, query-builder, query-builder-and-native"
  })
  void provisionFromASyncedFile(
      MetabaseVariant variant, String version, boolean paid, String lower, String higher)
      throws Exception {
    try (MetabaseSimulator sim = Sims.demo(version, paid)) {
      MetabaseConnector connector = Sims.connector(sim, variant, false);
      Path file = dir.resolve("sync.c1z");
      C1zOptions store = C1zOptions.defaults().withTempDir(dir);
      new SyncEngine(connector, SyncOptions.defaults(file).withStore(store)).run();
      byte[] synced = Files.readAllBytes(file);
      OneShotProvisioning oneShot = new OneShotProvisioning(connector, file, store);
      SimMemberships state = new SimMemberships(sim);

      // memberships, twice each
      assertOutcome(
          oneShot.grant("group:3:member", "5", "user"), true, "granted group:3:member to user:5");
      assertOutcome(
          oneShot.grant("group:3:member", "5", "user"),
          false,
          "user:5 already has group:3:member; nothing changed");
      assertThat(state.member(5, 3)).isTrue();
      assertOutcome(
          oneShot.revoke("group:4:member:user:5"), true, "revoked group:4:member from user:5");
      assertOutcome(
          oneShot.revoke("group:4:member:user:5"),
          false,
          "user:5 did not have group:4:member (already revoked); nothing changed");
      assertThat(state.member(5, 4)).isFalse();

      // database permissions, twice each: Finance gets the lower level on the Sample Database,
      // Analysts lose the
      // higher one on Product Events
      assertOutcome(
          oneShot.grant("database:1:" + lower, "4", "group"),
          true,
          "granted database:1:" + lower + " to group:4");
      assertOutcome(
          oneShot.grant("database:1:" + lower, "4", "group"),
          false,
          "group:4 already has database:1:" + lower + "; nothing changed");
      assertOutcome(
          oneShot.revoke("database:4:" + higher + ":group:3"),
          true,
          "revoked database:4:" + higher + " from group:3");
      assertOutcome(
          oneShot.revoke("database:4:" + higher + ":group:3"),
          false,
          "group:3 did not have database:4:" + higher + " (already revoked); nothing changed");

      // what changed in Metabase after the sync counts, not what the file says
      SimAdmin admin = new SimAdmin(sim);
      int carlaInContractors = state.of(9, 7).orElseThrow().id();
      admin.send("DELETE", "/api/permissions/membership/" + carlaInContractors);
      admin.post("/api/permissions/membership", "{\"group_id\":3,\"user_id\":6}");
      assertOutcome(
          oneShot.revoke("group:7:member:user:9"),
          false,
          "user:9 did not have group:7:member (already revoked); nothing changed");
      assertOutcome(
          oneShot.grant("group:3:member", "6", "user"),
          false,
          "user:6 already has group:3:member; nothing changed");

      // account creation and actions through the SDK's dispatch
      AccountRequests accounts = new AccountRequests(connector, new CredentialEncryptor());
      AccountInfo info =
          AccountInfo.newBuilder()
              .setProfile(
                  Struct.newBuilder()
                      .putFields(
                          "email",
                          Value.newBuilder().setStringValue("new.hire@example.com").build())
                      .putFields("first_name", Value.newBuilder().setStringValue("New").build())
                      .putFields("last_name", Value.newBuilder().setStringValue("Hire").build()))
              .build();
      LocalCredentialOptions options =
          LocalCredentialOptions.newBuilder()
              .setRandomPassword(LocalCredentialOptions.RandomPassword.newBuilder().setLength(20))
              .build();
      CreateAccountResponse created =
          accounts.create("", info, options, List.of(OneShotEncryptionConfig.generate()));
      assertThat(created.hasSuccess()).isTrue();
      assertThat(created.getEncryptedDataList())
          .singleElement()
          .satisfies(d -> assertThat(d.getName()).isEqualTo("password"));
      CreateAccountResponse again =
          accounts.create("", info, options, List.of(OneShotEncryptionConfig.generate()));
      assertThat(again.hasAlreadyExists()).isTrue();
      assertThat(again.getAlreadyExists().getResource().getId())
          .isEqualTo(created.getSuccess().getResource().getId());
      assertThat(again.getEncryptedDataList()).isEmpty();

      ActionRequests actions = new ActionRequests(connector);
      assertThat(ActionRequests.json(actions.invoke("disable_user", "{\"userId\":\"7\"}")))
          .isEqualTo("{\"success\":true}");
      assertThat(ActionRequests.json(actions.invoke("disable_user", "{\"userId\":\"7\"}")))
          .isEqualTo("{\"success\":true}");
      assertThat(state.active(7)).isFalse();

      assertThat(Files.readAllBytes(file))
          .as("one-shot provisioning never rewrites the file")
          .isEqualTo(synced);
    }
  }

  private static void assertOutcome(
      GrantRequests.Outcome outcome, boolean changed, String message) {
    assertThat(outcome.message()).isEqualTo(message);
    assertThat(outcome.changed()).isEqualTo(changed);
  }
}
