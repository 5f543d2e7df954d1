package org.batonjava.sdk.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.batonjava.sdk.connector.ConnectorException;
import org.junit.jupiter.api.Test;

class ProvisioningRetryTest {
  private final List<Duration> waits = new ArrayList<>();
  private final ProvisioningRetry retry = new ProvisioningRetry(Duration.ofSeconds(1), waits::add);

  /** Answers with the queued failures first, then "done"; counts the attempts. */
  private static final class Script {
    final Deque<ConnectorException> failures = new ArrayDeque<>();
    int attempts;

    String run() {
      attempts++;
      ConnectorException next = failures.poll();
      if (next != null) {
        throw next;
      }
      return "done";
    }
  }

  private static ConnectorException status(Status.Code code, String message) {
    return new ConnectorException(code, message);
  }

  @Test
  void aRateLimitIsRetriedAfterTheWaitTheServerAskedFor() {
    Script s = new Script();
    s.failures.add(
        new ConnectorException(
            Status.Code.RESOURCE_EXHAUSTED,
            "rate limited",
            Optional.of(Duration.ofSeconds(3)),
            null));
    ProvisioningRetry.Result<String> r = retry.call("grant g", s::run);
    assertThat(r.value()).isEqualTo("done");
    assertThat(r.earlierAttemptUncertain()).as("a 429 was refused unread").isFalse();
    assertThat(waits).containsExactly(Duration.ofSeconds(3));
  }

  @Test
  void aHugeRetryAfterIsCapped() {
    Script s = new Script();
    s.failures.add(
        new ConnectorException(
            Status.Code.RESOURCE_EXHAUSTED,
            "rate limited",
            Optional.of(Duration.ofHours(1)),
            null));
    retry.call("grant g", s::run);
    assertThat(waits).containsExactly(Duration.ofSeconds(30));
  }

  @Test
  void lostAnswersMakeTheResultUncertainAndBackOffExponentially() {
    Script s = new Script();
    s.failures.add(status(Status.Code.UNAVAILABLE, "connection reset"));
    s.failures.add(status(Status.Code.DEADLINE_EXCEEDED, "timed out"));
    ProvisioningRetry.Result<String> r = retry.call("grant g", s::run);
    assertThat(r.earlierAttemptUncertain()).isTrue();
    assertThat(s.attempts).isEqualTo(3);
    assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
  }

  @Test
  void retriesAreBoundedAndTheLastMessageSaysSoAndThatTheChangeMayHaveHappened() {
    Script s = new Script();
    for (int i = 0; i < 10; i++) {
      s.failures.add(
          status(
              Status.Code.UNAVAILABLE,
              "Metabase failed to answer (POST /api/permissions/membership: HTTP 502)"));
    }
    assertThatThrownBy(() -> retry.call("grant g", s::run))
        .isInstanceOfSatisfying(
            ConnectorException.class,
            e -> {
              assertThat(e.code()).isEqualTo(Status.Code.UNAVAILABLE);
              assertThat(e.getMessage())
                  .startsWith("Metabase failed to answer")
                  .contains("(gave up after 4 attempts)")
                  .contains(
                      "an earlier attempt's answer was lost, so the change may have taken effect");
            });
    assertThat(s.attempts).isEqualTo(ProvisioningRetry.ATTEMPTS);
  }

  @Test
  void aDefiniteRefusalIsNotRetried() {
    Script s = new Script();
    s.failures.add(status(Status.Code.PERMISSION_DENIED, "not an administrator"));
    assertThatThrownBy(() -> retry.call("grant g", s::run)).hasMessage("not an administrator");
    assertThat(s.attempts).isEqualTo(1);
    assertThat(waits).isEmpty();
  }

  @Test
  void aRefusalAfterALostAnswerStillSaysTheChangeMayHaveHappened() {
    Script s = new Script();
    s.failures.add(status(Status.Code.UNAVAILABLE, "connection reset"));
    s.failures.add(status(Status.Code.NOT_FOUND, "no user 5"));
    assertThatThrownBy(() -> retry.call("grant g", s::run))
        .hasMessageStartingWith("no user 5")
        .hasMessageContaining("may have taken effect");
  }
}
