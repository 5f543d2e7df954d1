package org.batonjava.metabase.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ServerVersionTest {
  @Test
  void parsesFreeAndPaidTags() {
    ServerVersion free = ServerVersion.parse("v0.49.2");
    assertThat(free.major()).isZero();
    assertThat(free.minor()).isEqualTo(49);
    assertThat(free.paidBuild()).isFalse();
    ServerVersion paid = ServerVersion.parse("v1.56.10");
    assertThat(paid.paidBuild()).isTrue();
    assertThat(paid.minor()).isEqualTo(56);
    assertThat(ServerVersion.parse("0.50.0-beta").minor()).isEqualTo(50);
  }

  @Test
  void refusesWhatTheGoConnectorsRefuse() {
    assertThatThrownBy(() -> ServerVersion.parse("v49"))
        .hasMessage("unexpected version format: v49");
    assertThatThrownBy(() -> ServerVersion.parse("vX.49.1"))
        .hasMessage("invalid major version in tag vX.49.1");
    assertThatThrownBy(() -> ServerVersion.parse("v0.4x.1"))
        .hasMessage("invalid minor version in tag v0.4x.1");
  }
}
