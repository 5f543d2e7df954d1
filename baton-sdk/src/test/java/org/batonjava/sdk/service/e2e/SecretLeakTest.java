package org.batonjava.sdk.service.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import c1.connector.v2.AccountInfo;
import c1.connector.v2.CredentialOptions;
import c1.connectorapi.baton.v1.Task;
import io.grpc.Status;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.batonjava.c1sim.EncryptionKeys;
import org.batonjava.c1sim.Faults;
import org.batonjava.c1sim.Tasks;
import org.batonjava.sdk.crypto.Secret;
import org.batonjava.sdk.service.ServiceConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A busy session at DEBUG level (token refreshes, a sync, a grant, an account with a password,
 * failures) leaves no client secret, signing key, access token or generated password in the logs.
 */
class SecretLeakTest {
  @TempDir Path dir;

  @Test
  void logsNeverContainSecretsTokensOrPasswords() throws Exception {
    try (ServiceHarness h = new ServiceHarness(dir);
        LogCapture logs = new LogCapture()) {
      h.c1.tokenEndpoint().lifetime(Duration.ofSeconds(11));
      h.c1.faults().fail(Faults.Kind.GET_TASK, Status.UNAVAILABLE, 1);
      h.c1.faults().fail(Faults.Kind.UPLOAD, Status.UNAVAILABLE, 1);
      Task sync = Tasks.syncFull();
      Task grant =
          Tasks.grant(TestConnector.member(TestConnector.group("g2")), TestConnector.user("u3"));
      Task account =
          Tasks.createAccount(
              AccountInfo.newBuilder().setLogin("leaky").build(),
              CredentialOptions.newBuilder()
                  .setRandomPassword(CredentialOptions.RandomPassword.newBuilder().setLength(20))
                  .build(),
              List.of(new EncryptionKeys().jwkConfig()));
      h.c1.tasks().enqueue(sync, grant, account);
      h.start(b -> b.provisioning(true));
      for (Task t : List.of(sync, grant, account)) {
        assertThat(h.c1.tasks().awaitFinished(t.getId(), Duration.ofSeconds(60)).success())
            .isTrue();
      }
      Thread.sleep(1200); // at least one token refresh after the tasks
      h.runner().shutdown();

      String text = logs.text();
      assertThat(text)
          .contains("Task " + account.getId() + " (create_account) finished successfully");
      assertThat(text).doesNotContain(h.client.clientSecret());
      assertThat(text).doesNotContain(h.client.keys().d());
      assertThat(h.c1.issuedTokens()).hasSizeGreaterThan(1);
      for (String token : h.c1.issuedTokens()) {
        assertThat(text).doesNotContain(token);
      }
      assertThat(h.connector.lastPassword).isNotNull();
      assertThat(text).doesNotContain(h.connector.lastPassword);

      ServiceConfig config = h.config().build();
      assertThat(config.toString()).doesNotContain(h.client.clientSecret());
      assertThat(Secret.of(h.client.clientSecret()).toString()).isEqualTo("<secret>");
    }
  }
}
