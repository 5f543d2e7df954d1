package org.batonjava.sdk.service.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.batonjava.c1sim.TokenRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Access tokens are shared by all calls and fetched again, with a fresh assertion, within 10 s of
 * expiry. The fake refuses expired tokens, so a client that did not refresh in time would see
 * UNAUTHENTICATED calls.
 */
class TokenTest {
  @TempDir Path dir;

  @Test
  void aLongLivedTokenServesEveryCall() throws Exception {
    try (ServiceHarness h = new ServiceHarness(dir)) {
      h.start();
      h.c1.calls().await("GetTask", 10, Duration.ofSeconds(20));
      assertThat(h.c1.tokenEndpoint().requests()).hasSize(1);
      assertThat(h.c1.calls().refused()).isEmpty();
    }
  }

  @Test
  void aTokenCloseToExpiryIsReplacedBeforeItExpires() throws Exception {
    try (ServiceHarness h = new ServiceHarness(dir)) {
      h.c1.tokenEndpoint().lifetime(Duration.ofSeconds(11)); // reusable for about 1 s
      h.c1.nextPoll(Duration.ofMillis(200));
      h.start();
      Thread.sleep(3500);
      int polls = h.c1.calls().of("GetTask").size();
      List<TokenRequest> tokens = h.c1.tokenEndpoint().accepted();
      assertThat(tokens.size()).isBetween(3, polls - 3);
      assertFreshAssertions(tokens);
      assertThat(h.c1.calls().refused()).isEmpty();
    }
  }

  @Test
  void aTokenLivingTenSecondsOrLessIsFetchedBeforeEveryCall() throws Exception {
    try (ServiceHarness h = new ServiceHarness(dir)) {
      h.c1.tokenEndpoint().lifetime(Duration.ofSeconds(1));
      h.start();
      h.c1.calls().await("GetTask", 5, Duration.ofSeconds(20));
      int calls = h.c1.calls().all().size();
      assertThat(h.c1.tokenEndpoint().accepted().size()).isGreaterThanOrEqualTo(calls);
      assertFreshAssertions(h.c1.tokenEndpoint().accepted());
      assertThat(h.c1.calls().refused()).isEmpty();
    }
  }

  private static void assertFreshAssertions(List<TokenRequest> tokens) {
    assertThat(tokens).extracting(TokenRequest::nonce).doesNotHaveDuplicates();
    for (int i = 1; i < tokens.size(); i++) {
      assertThat(tokens.get(i).iat()).isGreaterThanOrEqualTo(tokens.get(i - 1).iat());
    }
  }
}
