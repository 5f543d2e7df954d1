package org.batonjava.sdk.service.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Struct;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.batonjava.c1sim.Tasks;
import org.batonjava.sdk.service.HealthCheckClient;
import org.batonjava.sdk.service.HealthCheckClient.Endpoint;
import org.batonjava.sdk.service.HealthCheckOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The health server's endpoints and JSON, and the health-check client's exit codes. */
class HealthTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void healthReadyAndLiveAnswerWithGoShapedJson() throws Exception {
    try (ServiceHarness h = new ServiceHarness(dir)) {
      h.start(b -> b.healthCheck(HealthCheckOptions.enabled(0, "127.0.0.1")));
      InetSocketAddress address = awaitHealthServer(h);
      HealthCheckClient client = new HealthCheckClient("127.0.0.1", address.getPort());

      HealthCheckClient.Result live = client.check(Endpoint.LIVE, Duration.ofSeconds(5));
      assertThat(live.exitCode()).isZero();
      assertThat(field(live.body(), "status")).isEqualTo("alive");
      assertThat(Instant.parse(field(live.body(), "timestamp")))
          .isCloseTo(
              Instant.now(),
              org.assertj.core.api.Assertions.within(5, java.time.temporal.ChronoUnit.SECONDS));
      assertThat(field(live.body(), "timestamp"))
          .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
      assertThat(JSON.readTree(live.body()).has("details")).isFalse();

      HealthCheckClient.Result ready = client.check(Endpoint.READY, Duration.ofSeconds(5));
      assertThat(ready.statusCode()).isEqualTo(200);
      assertThat(field(ready.body(), "status")).isEqualTo("ready");

      HealthCheckClient.Result healthy =
          client.check(Endpoint.parse("health"), Duration.ofSeconds(5));
      assertThat(healthy.exitCode()).isZero();
      assertThat(field(healthy.body(), "status")).isEqualTo("healthy");

      h.connector.healthy = false;
      HealthCheckClient.Result unhealthy = client.check(Endpoint.HEALTH, Duration.ofSeconds(5));
      assertThat(unhealthy.statusCode()).isEqualTo(503);
      assertThat(unhealthy.exitCode()).isEqualTo(1);
      JsonNode body = JSON.readTree(unhealthy.body());
      assertThat(body.get("status").asText()).isEqualTo("unhealthy");
      assertThat(body.get("details").get("error").asText())
          .isEqualTo("connector validation failed");
      assertThat(body.get("details").get("validation_error").asText()).contains("healthy=false");

      HttpResponse<String> other =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + address.getPort() + "/metrics"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(other.statusCode()).isEqualTo(404);

      h.runner().shutdown();
      assertThat(client.check(Endpoint.LIVE, Duration.ofSeconds(2)).exitCode()).isEqualTo(1);
    }
  }

  @Test
  void readyTurnsNotReadyWhileShuttingDown() throws Exception {
    try (ServiceHarness h = new ServiceHarness(dir)) {
      var task = Tasks.actionInvoke("block", Struct.getDefaultInstance());
      h.c1.tasks().enqueue(task);
      h.start(b -> b.healthCheck(HealthCheckOptions.enabled(0, "127.0.0.1")));
      HealthCheckClient client = new HealthCheckClient("0.0.0.0", awaitHealthServer(h).getPort());
      h.c1.tasks().awaitLeases(1, Duration.ofSeconds(20));
      assertThat(client.check(Endpoint.READY, Duration.ofSeconds(5)).statusCode()).isEqualTo(200);

      Thread stopper = new Thread(h.runner()::shutdown);
      stopper.start();
      HealthCheckClient.Result notReady = null;
      for (int i = 0; i < 50 && (notReady == null || notReady.statusCode() != 503); i++) {
        Thread.sleep(100);
        notReady = client.check(Endpoint.READY, Duration.ofSeconds(2));
      }
      assertThat(notReady.statusCode()).isEqualTo(503);
      assertThat(field(notReady.body(), "status")).isEqualTo("not_ready");
      assertThat(client.check(Endpoint.LIVE, Duration.ofSeconds(2)).exitCode()).isZero();

      h.connector.unblock.countDown();
      stopper.join(20_000);
      assertThat(h.c1.tasks().awaitFinished(task.getId(), Duration.ofSeconds(5)).success())
          .isTrue();
    }
  }

  @Test
  void theClientReportsAnUnreachableServerAsFailure() {
    HealthCheckClient.Result result =
        new HealthCheckClient("127.0.0.1", 1).check(Endpoint.LIVE, Duration.ofSeconds(2));
    assertThat(result.statusCode()).isZero();
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.body())
        .isEqualTo(
            "health check http://127.0.0.1:1/live failed: nothing is listening there; is the"
                + " connector running in service mode with --health-check, and on this --health-check-port /"
                + " --health-check-bind-address?");
  }

  static InetSocketAddress awaitHealthServer(ServiceHarness h) throws InterruptedException {
    for (int i = 0; i < 200; i++) {
      if (h.runner().healthAddress().isPresent()) {
        return h.runner().healthAddress().get();
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the health server did not start");
  }

  private static String field(String json, String name) throws Exception {
    return JSON.readTree(json).get(name).asText();
  }
}
