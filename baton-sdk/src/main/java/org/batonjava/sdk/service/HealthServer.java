package org.batonjava.sdk.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.batonjava.sdk.connector.Connector;
import org.batonjava.sdk.connector.FailureWords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service-mode health server of the Go SDK: plain HTTP on {@code <bind-address>:<port>}, any
 * method, JSON {@code {"status":…,"timestamp":<RFC 3339 UTC>,"details":{…}}} ({@code details} only
 * when there are some):
 *
 * <ul>
 *   <li>{@code /health}: runs the connector's {@code validate()} (30 s timeout): 200 {@code
 *       healthy}, or 503 {@code unhealthy} with {@code error: "connector validation failed"} and
 *       {@code validation_error};
 *   <li>{@code /ready}: 200 {@code ready} while the service is connected and not shutting down,
 *       else 503 {@code not_ready};
 *   <li>{@code /live}: always 200 {@code alive}.
 * </ul>
 */
public final class HealthServer implements AutoCloseable {
  static final Duration VALIDATE_TIMEOUT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Logger LOG = LoggerFactory.getLogger(HealthServer.class);

  private final HttpServer server;
  private final ExecutorService validations;
  private final Connector connector;
  private final BooleanSupplier ready;
  private final Clock clock;
  private final AtomicInteger inFlight = new AtomicInteger();

  private HealthServer(HttpServer server, Connector connector, BooleanSupplier ready, Clock clock) {
    this.server = server;
    this.connector = connector;
    this.ready = ready;
    this.clock = clock;
    this.validations =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "baton-health-validate");
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Binds and starts the server; throws {@link ServiceException} when the address cannot be bound.
   */
  public static HealthServer start(
      HealthCheckOptions options, Connector connector, BooleanSupplier ready) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(options.bindAddress(), options.port()), 16);
    } catch (IOException e) {
      throw new ServiceException(
          "cannot start the health check server on "
              + options.bindAddress()
              + ":"
              + options.port()
              + " ("
              + e.getMessage()
              + "); choose another --health-check-port",
          e);
    }
    HealthServer health = new HealthServer(server, connector, ready, Clock.systemUTC());
    server.createContext("/", health::handle);
    server.setExecutor(
        Executors.newFixedThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "baton-health-http");
              t.setDaemon(true);
              return t;
            }));
    server.start();
    LOG.info(
        "Health check server listening on http://{}:{} (/health, /ready, /live)",
        options.bindAddress(),
        server.getAddress().getPort());
    return health;
  }

  /** Where it listens (the real port when 0 was asked for). */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  private void handle(HttpExchange exchange) throws IOException {
    inFlight.incrementAndGet();
    try (exchange) {
      switch (exchange.getRequestURI().getPath()) {
        case "/health" -> health(exchange);
        case "/ready" ->
            respond(
                exchange,
                ready.getAsBoolean() ? 200 : 503,
                ready.getAsBoolean() ? "ready" : "not_ready",
                Map.of());
        case "/live" -> respond(exchange, 200, "alive", Map.of());
        default -> {
          byte[] body = "404 page not found\n".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
          exchange.sendResponseHeaders(404, body.length);
          exchange.getResponseBody().write(body);
        }
      }
    } finally {
      inFlight.decrementAndGet();
    }
  }

  private void health(HttpExchange exchange) throws IOException {
    Future<?> validation = validations.submit(connector::validate);
    String problem = null;
    try {
      validation.get(VALIDATE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      problem = FailureWords.of(cause);
    } catch (TimeoutException e) {
      validation.cancel(true);
      problem = "validation did not finish within " + VALIDATE_TIMEOUT.toSeconds() + "s";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      problem = "interrupted";
    }
    if (problem == null) {
      respond(exchange, 200, "healthy", Map.of());
    } else {
      respond(
          exchange,
          503,
          "unhealthy",
          Map.of("error", "connector validation failed", "validation_error", problem));
    }
  }

  private void respond(HttpExchange exchange, int code, String status, Map<String, String> details)
      throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status);
    body.put("timestamp", clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
    if (!details.isEmpty()) {
      body.put("details", new TreeMap<>(details));
    }
    byte[] bytes;
    try {
      bytes = JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IOException(e);
    }
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(code, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Stops accepting requests, giving running ones up to 5 s (as Go does). */
  @Override
  public void close() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (inFlight.get() > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    server.stop(0);
    validations.shutdownNow();
    if (server.getExecutor() instanceof ExecutorService pool) {
      pool.shutdownNow();
    }
  }
}
