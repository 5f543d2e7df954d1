package org.batonjava.sdk.service.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import c1.connector.v2.Capability;
import c1.connectorapi.baton.v1.BatonServiceHelloRequest;
import io.grpc.Status;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.batonjava.c1sim.Faults;
import org.batonjava.c1sim.RecordedCall;
import org.batonjava.c1sim.TokenRequest;
import org.batonjava.sdk.service.ServiceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Startup (token → Hello → polling), poll cadence, Hello and GetTask error handling. */
class StartupAndPollingTest {
  @TempDir Path dir;

  @Test
  void tokenThenHelloWithMetadataThenPollingAtTheServersCadence() throws Exception {
    try (ServiceHarness h = new ServiceHarness(dir)) {
      h.c1.nextPoll(Duration.ofMillis(400));
      h.start();
      List<RecordedCall> polls = h.c1.calls().await("GetTask", 5, Duration.ofSeconds(20));

      List<RecordedCall> all = h.c1.calls().all();
      assertThat(all.get(0).method()).isEqualTo("Hello");
      TokenRequest token = h.c1.tokenEndpoint().accepted().get(0);
      assertThat(token.at()).isBeforeOrEqualTo(all.get(0).at());
      assertThat(token.clientId()).isEqualTo(h.client.clientId());
      assertThat(token.userAgent()).isEqualTo("baton-c1-credential-provider baton-sdk/v0.25.0");
      assertThat(token.exp() - token.iat()).isEqualTo(120);
      assertThat(token.iat() - token.nbf()).isEqualTo(120);
      assertThat(token.nonce()).matches("[0-9a-f]{32}");

      BatonServiceHelloRequest hello = h.c1.lastHello().orElseThrow();
      assertThat(hello.getHostId()).isEqualTo("test-host");
      assertThat(hello.getTaskId()).isEmpty();
      assertThat(hello.getConnectorMetadata().getDisplayName()).isEqualTo("Test Connector");
      assertThat(hello.getConnectorMetadata().getCapabilities().getConnectorCapabilitiesList())
          .containsExactly(
              Capability.CAPABILITY_PROVISION,
              Capability.CAPABILITY_SYNC,
              Capability.CAPABILITY_ACCOUNT_PROVISIONING,
              Capability.CAPABILITY_ACTIONS);
      assertThat(hello.getBuildInfo().getLangVersion()).startsWith("java");
      assertThat(hello.getBuildInfo().getPackageVersion()).isEqualTo("v0.0.1-test");
      assertThat(hello.getOsInfo().getKernelArch()).isNotEmpty();
      assertThat(all.get(0).userAgent()).startsWith("test-connector baton-sdk/v0.25.0");

      assertThat(polls).allSatisfy(p -> assertThat(p.hostId()).isEqualTo("test-host"));
      for (Duration gap : gaps(polls)) {
        assertThat(gap).isBetween(Duration.ofMillis(350), Duration.ofMillis(2500));
      }
    }
  }

  @Test
  void aZeroNextPollIsClampedToTheMinimumInsteadOfABusyLoop() throws Exception {
    try (ServiceHarness h = new ServiceHarness(dir)) {
      h.c1.nextPoll(Duration.ZERO);
      h.start(b -> b.minPollInterval(Duration.ofMillis(300)));
      h.c1.calls().await("GetTask", 1, Duration.ofSeconds(20));
      Thread.sleep(2000);
      List<RecordedCall> polls = h.c1.calls().of("GetTask");
      assertThat(polls.size()).isBetween(2, 9); // a busy loop would make hundreds
      assertThat(gaps(polls))
          .allSatisfy(g -> assertThat(g).isGreaterThanOrEqualTo(Duration.ofMillis(250)));
    }
  }

  @Test
  void helloIsRetriedWithExponentialBackoffWhileUnavailable() throws Exception {
    try (ServiceHarness h = new ServiceHarness(dir)) {
      h.c1.faults().fail(Faults.Kind.HELLO, Status.UNAVAILABLE.withDescription("maintenance"), 2);
      h.start();
      h.c1.calls().await("GetTask", 1, Duration.ofSeconds(20));
      List<RecordedCall> hellos = h.c1.calls().of("Hello");
      assertThat(hellos).hasSize(3);
      List<Duration> gaps = gaps(hellos);
      assertThat(gaps.get(0)).isBetween(Duration.ofMillis(900), Duration.ofMillis(1900 + 1500));
      assertThat(gaps.get(1)).isBetween(Duration.ofMillis(1900), Duration.ofMillis(3900 + 1500));
    }
  }

  @Test
  void anUnauthenticatedHelloIsFatal() throws Exception {
    try (ServiceHarness h = new ServiceHarness(dir)) {
      h.c1
          .faults()
          .fail(Faults.Kind.HELLO, Status.UNAUTHENTICATED.withDescription("connector deleted"), 1);
      h.start();
      Throwable error = h.awaitExit(Duration.ofSeconds(20));
      assertThat(error)
          .isInstanceOf(ServiceException.class)
          .hasMessageContaining("UNAUTHENTICATED: connector deleted")
          .hasMessageContaining("check the client id and secret");
      assertThat(h.c1.calls().of("Hello")).hasSize(1);
      assertThat(h.c1.calls().of("GetTask")).isEmpty();
    }
  }

  @Test
  void aRefusedTokenExchangeIsFatalAndNothingUnauthenticatedReachesTheApi() throws Exception {
    try (ServiceHarness h = new ServiceHarness(dir)) {
      h.c1.tokenEndpoint().fail(401, 100);
      h.start();
      Throwable error = h.awaitExit(Duration.ofSeconds(20));
      assertThat(error)
          .isInstanceOf(ServiceException.class)
          .hasMessageContaining("UNAUTHENTICATED")
          .hasMessageContaining("failed to get token")
          .hasMessageContaining("HTTP 401");
      assertThat(h.c1.calls().all()).isEmpty();
      assertThat(h.c1.tokenEndpoint().requests()).hasSize(1);
    }
  }

  @Test
  void getTaskErrorsBackOffQuadraticallyAndPollingGoesOn() throws Exception {
    try (ServiceHarness h = new ServiceHarness(dir)) {
      h.c1.faults().fail(Faults.Kind.GET_TASK, Status.INTERNAL.withDescription("oops"), 2);
      h.start();
      List<RecordedCall> polls = h.c1.calls().await("GetTask", 4, Duration.ofSeconds(30));
      List<Duration> gaps = gaps(polls);
      assertThat(gaps.get(0)).isBetween(Duration.ofMillis(900), Duration.ofMillis(3000)); // 1²
      assertThat(gaps.get(1)).isBetween(Duration.ofMillis(3900), Duration.ofMillis(7000)); // 2²
      assertThat(gaps.get(2)).isLessThan(Duration.ofMillis(2500)); // back to next_poll, not 3²
    }
  }

  static List<Duration> gaps(List<RecordedCall> calls) {
    List<Duration> out = new ArrayList<>();
    Instant previous = null;
    for (RecordedCall c : calls) {
      if (previous != null) {
        out.add(Duration.between(previous, c.at()));
      }
      previous = c.at();
    }
    return out;
  }
}
