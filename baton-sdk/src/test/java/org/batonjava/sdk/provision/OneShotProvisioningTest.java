package org.batonjava.sdk.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.batonjava.sdk.c1z.C1zOptions;
import org.batonjava.sdk.connector.ConnectorException;
import org.batonjava.sdk.sync.SyncEngine;
import org.batonjava.sdk.sync.SyncOptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OneShotProvisioningTest {
  @TempDir Path dir;
  Path file;
  MembershipConnector connector;
  OneShotProvisioning provisioning;

  @BeforeEach
  void syncFirst() {
    connector = new MembershipConnector();
    file = dir.resolve("sync.c1z");
    new SyncEngine(
            connector, SyncOptions.defaults(file).withStore(C1zOptions.defaults().withTempDir(dir)))
        .run();
    provisioning = new OneShotProvisioning(connector, file, C1zOptions.defaults().withTempDir(dir));
  }

  @Test
  void grantTwiceIsIdempotent() throws Exception {
    byte[] before = Files.readAllBytes(file);
    GrantRequests.Outcome first = provisioning.grant("group:g2:member", "u2", "user");
    assertThat(first.changed()).isTrue();
    assertThat(first.message()).isEqualTo("granted group:g2:member to user:u2");
    assertThat(connector.memberships).contains("g2/u2");
    GrantRequests.Outcome second = provisioning.grant("group:g2:member", "u2", "user");
    assertThat(second.changed()).isFalse();
    assertThat(second.message()).contains("already has group:g2:member");
    assertThat(Files.readAllBytes(file))
        .as("provisioning never rewrites the file")
        .isEqualTo(before);
  }

  @Test
  void revokeTwiceIsIdempotent() {
    GrantRequests.Outcome first = provisioning.revoke("group:g1:member:user:u1");
    assertThat(first.changed()).isTrue();
    assertThat(first.message()).isEqualTo("revoked group:g1:member from user:u1");
    assertThat(connector.memberships).doesNotContain("g1/u1");
    GrantRequests.Outcome second = provisioning.revoke("group:g1:member:user:u1");
    assertThat(second.changed()).isFalse();
    assertThat(second.message()).contains("already revoked");
  }

  @Test
  void unknownIdsNameTheIdAndTheFile() {
    assertThatThrownBy(() -> provisioning.grant("group:g9:member", "u2", "user"))
        .isInstanceOf(ConnectorException.class)
        .hasMessageContaining("entitlement group:g9:member")
        .hasMessageContaining(file.toString());
    assertThatThrownBy(() -> provisioning.grant("group:g1:member", "u9", "user"))
        .hasMessageContaining("resource user:u9")
        .hasMessageContaining(file.toString());
    assertThatThrownBy(() -> provisioning.revoke("group:g1:member:user:u9"))
        .hasMessageContaining("grant group:g1:member:user:u9")
        .hasMessageContaining(file.toString());
  }

  @Test
  void entitlementsOfTypesWithoutAProvisionerAreRefused() {
    // Users have no entitlements here; granting a group to a group principal reaches the
    // connector's own check.
    assertThatThrownBy(() -> provisioning.grant("group:g1:member", "g2", "group"))
        .isInstanceOf(ConnectorException.class)
        .hasMessageContaining("only users can join groups");
  }

  @Test
  void aFileWithoutAFinishedSyncIsExplained() throws Exception {
    Path empty = dir.resolve("missing.c1z");
    OneShotProvisioning p = new OneShotProvisioning(connector, empty, C1zOptions.defaults());
    assertThatThrownBy(() -> p.revoke("x")).hasMessageContaining("does not exist or is empty");
  }

  @Test
  void actionsListAndInvoke() {
    ActionRequests actions = new ActionRequests(connector);
    assertThat(actions.schemasJson()).contains("\"name\": \"count_members\"");
    assertThat(ActionRequests.json(actions.invoke("count_members", "{\"groupId\":\"g1\"}")))
        .isEqualTo("{\"count\":1.0}");
    assertThatThrownBy(() -> actions.invoke("explode", "{}"))
        .hasMessageContaining("unknown action explode")
        .hasMessageContaining("count_members");
    assertThatThrownBy(() -> actions.invoke("count_members", "[1,2]"))
        .hasMessageContaining("must be a JSON object");
    assertThatThrownBy(() -> actions.invoke("count_members", "{}"))
        .hasMessageContaining("groupId is required");
  }
}
