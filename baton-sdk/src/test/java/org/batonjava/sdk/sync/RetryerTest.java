package org.batonjava.sdk.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.batonjava.sdk.connector.ConnectorException;
import org.junit.jupiter.api.Test;

class RetryerTest {
  final List<Duration> sleeps = new ArrayList<>();
  final Retryer retryer =
      new Retryer(4, Duration.ofSeconds(1), Duration.ofSeconds(3), sleeps::add, () -> false);

  @Test
  void transientFailuresBackOffLinearlyUpToTheCap() {
    AtomicInteger calls = new AtomicInteger();
    String result =
        retryer.call(
            "listing",
            () -> {
              if (calls.incrementAndGet() < 4) {
                throw new ConnectorException(Status.Code.UNAVAILABLE, "hiccup");
              }
              return "ok";
            });
    assertThat(result).isEqualTo("ok");
    assertThat(sleeps)
        .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3));
    assertThat(retryer.retries()).isEqualTo(3);
  }

  @Test
  void aRateLimitWaitsAsLongAsTheServerAsked() {
    AtomicInteger calls = new AtomicInteger();
    retryer.call(
        "listing",
        () -> {
          if (calls.incrementAndGet() == 1) {
            throw new ConnectorException(
                Status.Code.RESOURCE_EXHAUSTED, "429", Optional.of(Duration.ofMillis(2500)), null);
          }
          return null;
        });
    assertThat(sleeps).containsExactly(Duration.ofMillis(2500));
  }

  @Test
  void permanentFailuresAreNotRetried() {
    assertThatThrownBy(
            () ->
                retryer.call(
                    "listing",
                    () -> {
                      throw new ConnectorException(Status.Code.PERMISSION_DENIED, "not an admin");
                    }))
        .hasMessage("not an admin");
    assertThat(sleeps).isEmpty();
  }

  @Test
  void givingUpSaysHowOften() {
    assertThatThrownBy(
            () ->
                retryer.call(
                    "listing",
                    () -> {
                      throw new ConnectorException(Status.Code.DEADLINE_EXCEEDED, "slow server");
                    }))
        .isInstanceOf(ConnectorException.class)
        .hasMessage("slow server (gave up after 4 attempts)");
    assertThat(sleeps).hasSize(3);
  }
}
