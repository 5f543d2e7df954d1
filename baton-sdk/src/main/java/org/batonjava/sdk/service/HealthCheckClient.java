package org.batonjava.sdk.service;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import org.batonjava.sdk.connector.FailureWords;

/**
 * The {@code health-check} subcommand's client: {@code GET http://<bind-address>:<port>/<endpoint>}
 * of a running connector's health server; exit code 0 only on HTTP 200 (usable as a Kubernetes exec
 * probe).
 *
 * <pre>{@code
 * HealthCheckClient.Result r = new HealthCheckClient("127.0.0.1", 8081)
 *     .check(HealthCheckClient.Endpoint.parse("ready"), Duration.ofSeconds(5));
 * System.exit(r.exitCode());
 * }</pre>
 */
public final class HealthCheckClient {
  /** The three endpoints of the health server. */
  public enum Endpoint {
    HEALTH,
    READY,
    LIVE;

    /** {@code health}, {@code ready} or {@code live} (the {@code --endpoint} flag). */
    public static Endpoint parse(String value) {
      for (Endpoint e : values()) {
        if (e.path().equals("/" + value.trim().toLowerCase(Locale.ROOT))) {
          return e;
        }
      }
      throw new IllegalArgumentException(
          "--endpoint must be health, ready or live, got \"" + value + "\"");
    }

    public String path() {
      return "/" + name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * What the check saw.
   *
   * @param statusCode the HTTP status, or 0 when there was no answer
   * @param body the answer's body (the JSON document), or a description of the failure
   */
  public record Result(int statusCode, String body) {
    public boolean healthy() {
      return statusCode == 200;
    }

    /** 0 when healthy, 1 otherwise. */
    public int exitCode() {
      return healthy() ? 0 : 1;
    }
  }

  private final String host;
  private final int port;

  /**
   * {@code bindAddress} as configured; {@code 0.0.0.0}/{@code ::} are reached on the loopback
   * address.
   */
  public HealthCheckClient(String bindAddress, int port) {
    String h =
        bindAddress == null || bindAddress.isBlank()
            ? HealthCheckOptions.DEFAULT_BIND_ADDRESS
            : bindAddress;
    if (h.equals("0.0.0.0")) {
      h = "127.0.0.1";
    } else if (h.equals("::") || h.equals("[::]")) {
      h = "[::1]";
    } else if (h.contains(":") && !h.startsWith("[")) {
      h = "[" + h + "]";
    }
    this.host = h;
    this.port = port;
  }

  /** Asks {@code endpoint}, waiting at most {@code timeout} in all. */
  public Result check(Endpoint endpoint, Duration timeout) {
    URI uri = URI.create("http://" + host + ":" + port + endpoint.path());
    HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Result(response.statusCode(), response.body());
    } catch (java.net.ConnectException e) {
      return new Result(
          0,
          "health check "
              + uri
              + " failed: nothing is listening there; is the connector running in"
              + " service mode with --health-check, and on this --health-check-port / --health-check-bind-address?");
    } catch (java.net.http.HttpTimeoutException e) {
      return new Result(
          0, "health check " + uri + " failed: no answer within " + timeout.toSeconds() + " s");
    } catch (IOException e) {
      return new Result(0, "health check " + uri + " failed: " + FailureWords.of(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(0, "health check " + uri + " interrupted");
    }
  }
}
