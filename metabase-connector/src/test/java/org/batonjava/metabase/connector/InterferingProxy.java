package org.batonjava.metabase.connector;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;

/**
 * Sits between the connector and the simulator and forwards everything, except that just before
 * forwarding the chosen requests it lets "someone else" act on the simulator first (e.g. edit the
 * permission graph between the connector's read and its write). Not Metabase: a test's stand-in for
 * a second administrator.
 */
final class InterferingProxy implements AutoCloseable {
  private static final Set<String> FORWARDED_HEADERS =
      Set.of("x-api-key", "content-type", "accept", "user-agent");

  private final HttpServer server;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String target;
  private final String interceptedCall;
  private final IntPredicate interfereOn;
  private final Runnable interference;
  private final AtomicInteger seen = new AtomicInteger();
  private volatile Throwable failure;

  /**
   * @param target the simulator's base URL
   * @param interceptedCall e.g. {@code PUT /api/permissions/graph}
   * @param interfereOn which occurrences (1 = the first) of that call are preceded by {@code
   *     interference}
   * @param interference what someone else does just before the call is forwarded
   */
  InterferingProxy(
      String target, String interceptedCall, IntPredicate interfereOn, Runnable interference) {
    this.target = target;
    this.interceptedCall = interceptedCall;
    this.interfereOn = interfereOn;
    this.interference = interference;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/",
        exchange -> {
          try {
            forward(exchange);
          } catch (IOException | RuntimeException | Error e) {
            failure = e;
            exchange.close();
            throw e;
          }
        });
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** How many times the intercepted call arrived. */
  int intercepted() {
    return seen.get();
  }

  private void forward(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    URI uri = exchange.getRequestURI();
    if ((method + " " + uri.getPath()).equals(interceptedCall)
        && interfereOn.test(seen.incrementAndGet())) {
      interference.run();
    }
    byte[] body = exchange.getRequestBody().readAllBytes();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
            URI.create(
                target
                    + uri.getRawPath()
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())));
    exchange
        .getRequestHeaders()
        .forEach(
            (name, values) -> {
              if (FORWARDED_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                values.forEach(v -> request.header(name, v));
              }
            });
    request.method(
        method,
        body.length == 0
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    HttpResponse<byte[]> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    response
        .headers()
        .firstValue("Content-Type")
        .ifPresent(v -> exchange.getResponseHeaders().set("Content-Type", v));
    byte[] answer = response.body();
    exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(answer);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    if (failure != null) {
      throw new AssertionError("the proxy failed", failure);
    }
  }
}
