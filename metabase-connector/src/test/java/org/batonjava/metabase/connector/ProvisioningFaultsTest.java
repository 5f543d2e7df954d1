package org.batonjava.metabase.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import c1.connector.v2.AccountInfo;
import c1.connector.v2.CreateAccountResponse;
import c1.connector.v2.LocalCredentialOptions;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import java.nio.file.Path;
import java.util.List;
import org.batonjava.metabase.sim.MetabaseSimulator;
import org.batonjava.metabase.sim.faults.FaultConfig;
import org.batonjava.metabase.sim.log.RequestLogEntry;
import org.batonjava.sdk.c1z.C1zOptions;
import org.batonjava.sdk.connector.ConnectorException;
import org.batonjava.sdk.crypto.CredentialEncryptor;
import org.batonjava.sdk.crypto.OneShotEncryptionConfig;
import org.batonjava.sdk.provision.AccountRequests;
import org.batonjava.sdk.provision.ActionRequests;
import org.batonjava.sdk.provision.GrantRequests;
import org.batonjava.sdk.provision.OneShotProvisioning;
import org.batonjava.sdk.sync.SyncEngine;
import org.batonjava.sdk.sync.SyncOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One-shot provisioning against the simulator with injected faults on its writes: a rate limit
 * (with {@code Retry-After}), gateway errors and a reset connection are retried, a bounded number
 * of times; a change whose answer was lost is found in place by the retry and reported as "in
 * place; this run's request may have made it", never as "nothing changed".
 */
class ProvisioningFaultsTest {
  @TempDir Path dir;
  MetabaseSimulator sim;
  MetabaseConnector connector;
  OneShotProvisioning oneShot;
  SimMemberships state;

  @BeforeEach
  void syncFirst() {
    sim = Sims.demo("0.56", true);
    connector = Sims.connector(sim, MetabaseVariant.AUTO, false);
    Path file = dir.resolve("sync.c1z");
    C1zOptions store = C1zOptions.defaults().withTempDir(dir);
    new SyncEngine(connector, SyncOptions.defaults(file).withStore(store)).run();
    oneShot = new OneShotProvisioning(connector, file, store);
    state = new SimMemberships(sim);
    sim.requestLog().reset();
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  private void faultTheNextChange(FaultConfig.Builder fault) {
    sim.faults().set(fault.changesOnly(true).limit(1).build());
  }

  private List<RequestLogEntry> changes() {
    return sim.requestLog().recent(1000).stream().filter(e -> !e.method().equals("GET")).toList();
  }

  @Test
  void aLostAnswerToAGrantIsReportedAsPossiblyThisRunsChange() {
    assertThat(state.member(5, 3)).isFalse();
    faultTheNextChange(FaultConfig.builder().lostAnswerRate(1.0));
    GrantRequests.Outcome o = oneShot.grant("group:3:member", "5", "user");
    assertThat(o.message())
        .isEqualTo(
            "the change is in place: user:5 has group:3:member; this run's request may"
                + " have made it (an earlier attempt's answer was lost)");
    assertThat(o.changed()).isTrue();
    assertThat(state.member(5, 3)).isTrue();
    assertThat(changes()).as("the change was sent once; the retry read the state").hasSize(1);
  }

  @Test
  void aLostAnswerToARevokeIsReportedAsPossiblyThisRunsChange() {
    assertThat(state.member(7, 6)).isTrue();
    faultTheNextChange(FaultConfig.builder().lostAnswerRate(1.0));
    GrantRequests.Outcome o = oneShot.revoke("group:6:member:user:7");
    assertThat(o.message())
        .isEqualTo(
            "the change is in place: user:7 no longer has group:6:member; this run's"
                + " request may have removed it (an earlier attempt's answer was lost)");
    assertThat(state.member(7, 6)).isFalse();
  }

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {429, 502, 503})
  void aTransientErrorOnTheWriteIsRetried(int status) {
    faultTheNextChange(
        FaultConfig.builder().errorRate(1.0).errorStatuses(List.of(status)).retryAfterSeconds(1));
    GrantRequests.Outcome o = oneShot.grant("group:3:member", "5", "user");
    assertThat(state.member(5, 3)).isTrue();
    assertThat(changes()).extracting(RequestLogEntry::status).containsExactly(status, 200);
    assertThat(o.message()).isEqualTo("granted group:3:member to user:5");
  }

  @Test
  void aResetConnectionIsRetried() {
    faultTheNextChange(FaultConfig.builder().resetRate(1.0));
    GrantRequests.Outcome o = oneShot.grant("group:3:member", "5", "user");
    assertThat(state.member(5, 3)).isTrue();
    assertThat(o.message()).isEqualTo("granted group:3:member to user:5");
    assertThat(changes()).extracting(RequestLogEntry::fault).containsExactly("reset", null);
  }

  @Test
  void retriesAreBoundedAndTheFailureSaysTheStateIsUncertain() {
    sim.faults()
        .set(
            FaultConfig.builder()
                .errorRate(1.0)
                .errorStatuses(List.of(502))
                .changesOnly(true)
                .build());
    assertThatThrownBy(() -> oneShot.grant("group:3:member", "5", "user"))
        .isInstanceOf(ConnectorException.class)
        .hasMessageContaining("(gave up after 4 attempts)")
        .hasMessageContaining("the change may have taken effect")
        .hasMessageNotContaining("\n");
    assertThat(changes()).hasSize(4);
    assertThat(state.member(5, 3)).isFalse();
  }

  @Test
  void aLostAnswerToAnAccountCreationIsReportedHonestly() {
    faultTheNextChange(FaultConfig.builder().lostAnswerRate(1.0));
    AccountRequests accounts = new AccountRequests(connector, new CredentialEncryptor());
    AccountRequests.Created created =
        accounts.createReporting(
            "",
            AccountInfo.newBuilder()
                .setProfile(
                    Struct.newBuilder()
                        .putFields(
                            "email",
                            Value.newBuilder().setStringValue("lost.answer@example.com").build()))
                .build(),
            LocalCredentialOptions.getDefaultInstance(),
            List.of(OneShotEncryptionConfig.generate()));
    assertThat(created.earlierAttemptUncertain()).isTrue();
    CreateAccountResponse response = created.response();
    assertThat(response.hasAlreadyExists()).isTrue();
    assertThat(state.userByEmail("lost.answer@example.com")).isPresent();
    assertThat(changes()).as("one user created, not two").hasSize(1);
  }

  @Test
  void aLostAnswerToAnActionIsRetriedAndSucceeds() {
    assertThat(state.active(3)).isTrue();
    faultTheNextChange(FaultConfig.builder().lostAnswerRate(1.0));
    Struct result = new ActionRequests(connector).invoke("disable_user", "{\"userId\":\"3\"}");
    assertThat(result.getFieldsOrThrow("success").getBoolValue()).isTrue();
    assertThat(state.active(3)).isFalse();
    assertThat(changes()).hasSize(1);
  }
}
