package org.batonjava.sdk.service.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import c1.connector.v2.AccountInfo;
import c1.connector.v2.CreateAccountResponse;
import c1.connector.v2.CredentialOptions;
import c1.connector.v2.EncryptedData;
import c1.connector.v2.Entitlement;
import c1.connector.v2.Grant;
import c1.connector.v2.GrantAlreadyExists;
import c1.connector.v2.GrantAlreadyRevoked;
import c1.connector.v2.GrantManagerServiceGrantResponse;
import c1.connector.v2.GrantManagerServiceRevokeResponse;
import c1.connectorapi.baton.v1.Task;
import io.grpc.Status;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.batonjava.c1sim.ChosenPasswords;
import org.batonjava.c1sim.Ed25519Keys;
import org.batonjava.c1sim.EncryptionKeys;
import org.batonjava.c1sim.FinishedTask;
import org.batonjava.c1sim.Tasks;
import org.batonjava.sdk.connector.GrantBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Grant, revoke and account-creation tasks, with and without {@code --provisioning}. */
class ProvisioningTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String PROVISIONING_DISABLED =
      "rpc error: code = FailedPrecondition desc = provisioning is not enabled\ntask failed and is non-retryable";

  @TempDir Path dir;

  @Test
  void withoutProvisioningEveryWriteTaskFailsLikeTheGoSdk() throws Exception {
    try (ServiceHarness h = new ServiceHarness(dir)) {
      Entitlement g2member = TestConnector.member(TestConnector.group("g2"));
      Task grant = Tasks.grant(g2member, TestConnector.user("u2"));
      Task revoke =
          Tasks.revoke(
              GrantBuilder.of(
                      TestConnector.member(TestConnector.group("g1")), TestConnector.user("u1"))
                  .build());
      Task create =
          Tasks.createAccount(
              AccountInfo.newBuilder().setLogin("new").build(),
              CredentialOptions.newBuilder()
                  .setRandomPassword(CredentialOptions.RandomPassword.newBuilder().setLength(16))
                  .build(),
              List.of(new EncryptionKeys().jwkConfig()));
      h.c1.tasks().enqueue(grant, revoke, create);
      h.start(); // provisioning off by default

      for (Task t : List.of(grant, revoke, create)) {
        FinishedTask done = h.c1.tasks().awaitFinished(t.getId(), WAIT);
        assertThat(done.success()).isFalse();
        assertThat(done.code()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(done.message()).isEqualTo(PROVISIONING_DISABLED);
        assertThat(done.nonRetryable()).isTrue();
      }
      assertThat(h.connector.memberships).containsExactly("g1/u1");
      assertThat(h.connector.lastPassword).isNull();
    }
  }

  @Test
  void withProvisioningGrantsAndRevokesAnswerWithTheConnectorsAnnotations() throws Exception {
    try (ServiceHarness h = new ServiceHarness(dir)) {
      Entitlement g2member = TestConnector.member(TestConnector.group("g2"));
      Task grant = Tasks.grant(g2member, TestConnector.user("u2"));
      Task grantAgain = Tasks.grant(g2member, TestConnector.user("u2"));
      Grant existing = GrantBuilder.of(g2member, TestConnector.user("u2")).build();
      Task revoke = Tasks.revoke(existing);
      Task revokeAgain = Tasks.revoke(existing);
      h.start(b -> b.provisioning(true).taskConcurrency(1));

      h.c1.tasks().enqueue(grant);
      FinishedTask granted = h.c1.tasks().awaitFinished(grant.getId(), WAIT);
      assertThat(granted.success()).as(granted.message()).isTrue();
      assertThat(granted.response(GrantManagerServiceGrantResponse.class).getAnnotationsList())
          .isEmpty();
      assertThat(h.connector.memberships).contains("g2/u2");

      h.c1.tasks().enqueue(grantAgain);
      FinishedTask again = h.c1.tasks().awaitFinished(grantAgain.getId(), WAIT);
      assertThat(
              again
                  .response(GrantManagerServiceGrantResponse.class)
                  .getAnnotations(0)
                  .is(GrantAlreadyExists.class))
          .isTrue();
      assertThat(again.request().getSuccess().getAnnotations(0).is(GrantAlreadyExists.class))
          .isTrue();

      h.c1.tasks().enqueue(revoke);
      FinishedTask revoked = h.c1.tasks().awaitFinished(revoke.getId(), WAIT);
      assertThat(revoked.success()).isTrue();
      assertThat(revoked.response(GrantManagerServiceRevokeResponse.class).getAnnotationsList())
          .isEmpty();
      assertThat(h.connector.memberships).doesNotContain("g2/u2");

      h.c1.tasks().enqueue(revokeAgain);
      FinishedTask revokedAgain = h.c1.tasks().awaitFinished(revokeAgain.getId(), WAIT);
      assertThat(
              revokedAgain
                  .response(GrantManagerServiceRevokeResponse.class)
                  .getAnnotations(0)
                  .is(GrantAlreadyRevoked.class))
          .isTrue();
    }
  }

  @Test
  void connectorErrorsAndMalformedTasksAreNonRetryable() throws Exception {
    try (ServiceHarness h = new ServiceHarness(dir)) {
      Task groupIntoGroup =
          Tasks.grant(TestConnector.member(TestConnector.group("g1")), TestConnector.group("g2"));
      Task malformed =
          Task.newBuilder()
              .setId(org.batonjava.c1sim.TaskIds.next())
              .setGrant(Task.GrantTask.newBuilder().setPrincipal(TestConnector.user("u1")))
              .build();
      h.c1.tasks().enqueue(groupIntoGroup, malformed);
      h.start(b -> b.provisioning(true));

      FinishedTask refused = h.c1.tasks().awaitFinished(groupIntoGroup.getId(), WAIT);
      assertThat(refused.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(refused.message())
          .isEqualTo(
              "rpc error: code = InvalidArgument desc = only users can join groups\ntask failed and is non-retryable");
      assertThat(refused.nonRetryable()).isTrue();

      FinishedTask bad = h.c1.tasks().awaitFinished(malformed.getId(), WAIT);
      assertThat(bad.code()).isEqualTo(Status.Code.UNKNOWN);
      assertThat(bad.message()).isEqualTo("malformed grant task\ntask failed and is non-retryable");
      assertThat(bad.nonRetryable()).isTrue();
    }
  }

  @Test
  void createdAccountsPasswordReachesConductorOneOnlyEncryptedToItsKey() throws Exception {
    try (ServiceHarness h = new ServiceHarness(dir);
        LogCapture logs = new LogCapture()) {
      EncryptionKeys keys = new EncryptionKeys();
      Task create =
          Tasks.createAccount(
              AccountInfo.newBuilder().setLogin("newbie").build(),
              CredentialOptions.newBuilder()
                  .setRandomPassword(CredentialOptions.RandomPassword.newBuilder().setLength(16))
                  .build(),
              List.of(keys.jwkConfig()));
      h.c1.tasks().enqueue(create);
      h.start(b -> b.provisioning(true));

      FinishedTask done = h.c1.tasks().awaitFinished(create.getId(), WAIT);
      assertThat(done.success()).as(done.message()).isTrue();
      CreateAccountResponse response = done.response(CreateAccountResponse.class);
      assertThat(response.getSuccess().getResource().getId().getResource()).isEqualTo("newbie");
      assertThat(response.getSuccess().getIsCreateAccountResult()).isTrue();
      assertThat(response.getEncryptedDataList()).hasSize(1);
      EncryptedData data = response.getEncryptedData(0);
      assertThat(data.getProvider()).isEqualTo("baton/jwk/v1");
      assertThat(data.getName()).isEqualTo("password");
      assertThat(data.getKeyIdsList()).containsExactly(keys.keyId());
      assertThat(data.getKeyId()).isEqualTo(keys.keyId());

      String password = h.connector.lastPassword;
      assertThat(keys.decrypt(data)).isEqualTo(password);
      // Bytes mapped one to one (ISO-8859-1), so the ASCII password would show if it were in the
      // message.
      assertThat(new String(done.request().toByteArray(), StandardCharsets.ISO_8859_1))
          .doesNotContain(password);
      assertThat(logs.text()).doesNotContain(password).contains("account newbie created");
    }
  }

  @Test
  void aPasswordChosenInConductorOneIsOpenedWithTheClientSecretAndPassedOn() throws Exception {
    try (ServiceHarness h = new ServiceHarness(dir);
        LogCapture logs = new LogCapture()) {
      String chosen = "Chosen by an admin: \"quotes\" & ünïcode";
      // an entry for another key comes first: the SDK must pick ours by key id
      Task create =
          Tasks.createAccount(
              AccountInfo.newBuilder().setLogin("chosen").build(),
              ChosenPasswords.encryptedFor(chosen, Ed25519Keys.generate(), h.client.keys()),
              List.of());
      h.c1.tasks().enqueue(create);
      h.start(b -> b.provisioning(true));

      FinishedTask done = h.c1.tasks().awaitFinished(create.getId(), WAIT);
      assertThat(done.success()).as(done.message()).isTrue();
      CreateAccountResponse response = done.response(CreateAccountResponse.class);
      assertThat(response.getSuccess().getResource().getId().getResource()).isEqualTo("chosen");
      assertThat(response.getEncryptedDataList()).as("nothing to send back").isEmpty();
      assertThat(h.connector.lastChosenPassword).isEqualTo(chosen);
      assertThat(logs.text()).doesNotContain(chosen).contains("account chosen created");
    }
  }

  @Test
  void aChosenPasswordThatCannotBeUsedIsANonRetryableInvalidArgument() throws Exception {
    try (ServiceHarness h = new ServiceHarness(dir);
        LogCapture logs = new LogCapture()) {
      String chosen = "Never-leaks-0123456789";
      CredentialOptions forOurs = ChosenPasswords.encryptedFor(chosen, h.client.keys());
      CredentialOptions forOthers = ChosenPasswords.encryptedFor(chosen, Ed25519Keys.generate());
      CredentialOptions damaged =
          CredentialOptions.newBuilder()
              .setEncryptedPassword(
                  CredentialOptions.EncryptedPassword.newBuilder()
                      .addEncryptedPasswords(
                          ChosenPasswords.damaged(
                              forOurs.getEncryptedPassword().getEncryptedPasswords(0))))
              .build();
      Task notOurs =
          Tasks.createAccount(AccountInfo.newBuilder().setLogin("a").build(), forOthers, List.of());
      Task alsoConfigs =
          Tasks.createAccount(
              AccountInfo.newBuilder().setLogin("b").build(),
              forOurs,
              List.of(new EncryptionKeys().jwkConfig()));
      Task broken =
          Tasks.createAccount(AccountInfo.newBuilder().setLogin("c").build(), damaged, List.of());
      List.of(notOurs, alsoConfigs, broken).forEach(h.c1.tasks()::enqueue);
      h.start(b -> b.provisioning(true));

      FinishedTask a = h.c1.tasks().awaitFinished(notOurs.getId(), WAIT);
      FinishedTask b = h.c1.tasks().awaitFinished(alsoConfigs.getId(), WAIT);
      FinishedTask c = h.c1.tasks().awaitFinished(broken.getId(), WAIT);
      for (FinishedTask done : List.of(a, b, c)) {
        assertThat(done.code()).as(done.message()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(done.nonRetryable()).isTrue();
        assertThat(done.message()).doesNotContain(chosen);
      }
      assertThat(a.message())
          .contains(
              "is for this connector's client secret (key id "
                  + h.client.keys().thumbprintHex()
                  + ")");
      assertThat(b.message()).contains("only one may be used");
      assertThat(c.message()).contains("could not be opened with the client secret");
      assertThat(h.connector.lastChosenPassword).as("the connector was never called").isNull();
      assertThat(logs.text()).doesNotContain(chosen);
    }
  }
}
