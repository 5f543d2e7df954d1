package org.batonjava.metabase.sim.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.batonjava.metabase.sim.faults.FaultDecision;
import org.batonjava.metabase.sim.faults.FaultInjector;
import org.batonjava.metabase.sim.log.RequestLog;

/**
 * The HTTP front: a JDK {@link HttpServer} on a bounded thread pool that authenticates, dispatches
 * to the {@link Router}, applies injected faults and records every {@code /api} request.
 */
public final class SimulatorServer implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(SimulatorServer.class.getName());
  private static final String ADMIN_PREFIX = "/__sim/";

  private final HttpServer server;
  private final ExecutorService executor;
  private final Router api;
  private final Router admin;
  private final Authenticator auth;
  private final FaultInjector faults;
  private final RequestLog log;
  private final ObjectMapper mapper;

  /**
   * Binds the server (not yet started).
   *
   * @param api Metabase's routes
   * @param admin the simulator's own {@code /__sim/} routes (superuser only, never faulted or
   *     logged)
   */
  public SimulatorServer(
      InetSocketAddress address,
      int threads,
      Router api,
      Router admin,
      Authenticator auth,
      FaultInjector faults,
      RequestLog log,
      ObjectMapper mapper)
      throws IOException {
    this.api = api;
    this.admin = admin;
    this.auth = auth;
    this.faults = faults;
    this.log = log;
    this.mapper = mapper;
    // The JDK server delays small responses by ~40 ms (Nagle) unless told otherwise; it reads this
    // property
    // once, when its first server starts. A simulator that answers slower than Metabase skews every
    // benchmark.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    this.server = HttpServer.create(address, 128);
    this.executor = Executors.newFixedThreadPool(threads, daemonThreads());
    server.setExecutor(executor);
    server.createContext("/", this::handle);
  }

  public void start() {
    server.start();
  }

  /** The bound port (useful with port 0). */
  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    long started = System.nanoTime();
    Instant at = Instant.now();
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    String rawQuery = exchange.getRequestURI().getRawQuery();
    try {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      if (path.startsWith(ADMIN_PREFIX)) {
        Routed routed = dispatch(admin, method, path, rawQuery, body, exchange, true);
        write(exchange, routed.response(), FaultDecision.NONE);
        return;
      }
      FaultDecision fault = faults.next(method, path);
      if (fault.delayMs() > 0) {
        sleep(fault.delayMs());
      }
      String endpoint = "unmatched";
      Response response;
      if (fault.reset()) {
        log.record(
            at.toString(),
            method,
            path,
            rawQuery,
            endpointOf(method, path),
            0,
            elapsed(started),
            "reset");
        return; // closing without headers drops the connection
      }
      if (fault.errorStatus() != 0) {
        endpoint = endpointOf(method, path);
        response = faultResponse(fault.errorStatus());
      } else {
        Routed routed = dispatch(api, method, path, rawQuery, body, exchange, false);
        endpoint = routed.endpoint();
        response = routed.response();
      }
      if (fault.lostAnswer()) {
        log.record(
            at.toString(), method, path, rawQuery, endpoint, 0, elapsed(started), fault.label());
        return; // the change is made; closing without headers drops the answer
      }
      // recorded before the answer is sent: a client that has read an answer always finds it in the
      // log,
      // and the log's order is the order in which answers were given
      log.record(
          at.toString(),
          method,
          path,
          rawQuery,
          endpoint,
          response.status(),
          elapsed(started),
          fault.label());
      write(exchange, response, fault);
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.FINE, "request " + method + " " + path + " failed", e);
    } finally {
      exchange.close();
    }
  }

  private record Routed(String endpoint, Response response) {}

  private Routed dispatch(
      Router router,
      String method,
      String path,
      String rawQuery,
      byte[] body,
      HttpExchange exchange,
      boolean adminRoutes) {
    Optional<Router.Match> match = router.match(method, path);
    if (match.isEmpty()) {
      String text =
          path.startsWith("/api/") || path.equals("/api")
              ? ErrorResponses.NO_ENDPOINT
              : ErrorResponses.NOT_FOUND;
      return new Routed("unmatched", Response.plain(404, text));
    }
    Route route = match.get().route();
    String endpoint = method + " " + route.template();
    try {
      Caller caller = null;
      if (route.access() != Route.Access.PUBLIC || adminRoutes) {
        caller = auth.resolve(name -> exchange.getRequestHeaders().getFirst(name));
        if (caller == null) {
          throw ErrorResponses.unauthenticated();
        }
        if ((route.access() == Route.Access.SUPERUSER || adminRoutes) && !caller.superuser()) {
          throw ErrorResponses.forbidden();
        }
      }
      Request request =
          new Request(
              method,
              path,
              parseQuery(rawQuery),
              match.get().params(),
              body,
              mapper,
              caller,
              name -> exchange.getRequestHeaders().getFirst(name));
      return new Routed(endpoint, route.handler().handle(request));
    } catch (ApiException e) {
      return new Routed(endpoint, e.response());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "unexpected error in " + endpoint, e);
      return new Routed(
          endpoint,
          ErrorResponses.unexpected(String.valueOf(e.getMessage()), e.getClass().getName())
              .response());
    }
  }

  private String endpointOf(String method, String path) {
    return api.match(method, path)
        .map(m -> method + " " + m.route().template())
        .orElse("unmatched");
  }

  private static Response faultResponse(int status) {
    return switch (status) {
      case 429 -> Response.plain(429, "Too Many Requests").header("Retry-After", "1");
      case 502 -> Response.plain(502, "Bad Gateway");
      case 503 ->
          Response.plain(503, "Metabase is still initializing. Please sit tight...")
              .header("Retry-After", "1");
      default -> Response.plain(500, ErrorResponses.INTERNAL);
    };
  }

  /** Writes a response, cutting the body short or sending it slowly when the fault says so. */
  private void write(HttpExchange exchange, Response response, FaultDecision fault)
      throws IOException {
    response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
    if (response.status() == 429 || response.status() == 503) {
      exchange
          .getResponseHeaders()
          .set("Retry-After", String.valueOf(Math.max(1, faults.current().retryAfterSeconds())));
    }
    if (response.status() == 204) {
      exchange.sendResponseHeaders(204, -1);
      return;
    }
    byte[] bytes;
    if (response.json() != null) {
      exchange.getResponseHeaders().set("Content-Type", "application/json;charset=utf-8");
      bytes = mapper.writeValueAsBytes(response.json());
    } else {
      exchange.getResponseHeaders().set("Content-Type", "text/plain;charset=utf-8");
      bytes = response.textBytes();
    }
    exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length == 0) {
      return;
    }
    OutputStream out = exchange.getResponseBody();
    if (fault.truncate()) {
      out.write(bytes, 0, bytes.length / 2);
      out.flush();
      return; // closing a short fixed-length stream drops the connection
    }
    if (fault.slowBody()) {
      int chunk = Math.max(1, bytes.length / 10);
      for (int i = 0; i < bytes.length; i += chunk) {
        out.write(bytes, i, Math.min(chunk, bytes.length - i));
        out.flush();
        sleep(faults.current().slowBodyDelayMs());
      }
    } else {
      out.write(bytes);
    }
    out.close();
  }

  static Map<String, List<String>> parseQuery(String raw) {
    Map<String, List<String>> out = new HashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
    }
    return out;
  }

  private static long elapsed(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1_000_000;
  }

  private static void sleep(int ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "metabase-sim-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
