package org.batonjava.metabase.connector;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A tiny JDK HTTP server that answers every request with what a test says (not Metabase). */
final class FakeServer implements AutoCloseable {
  /** A canned answer. */
  record Reply(int status, String contentType, String body, Map<String, String> headers) {
    static Reply of(int status, String contentType, String body) {
      return new Reply(status, contentType, body, Map.of());
    }
  }

  /** What arrived. */
  record Received(
      String method, String path, String query, String apiKey, String userAgent, String accept) {}

  private final HttpServer server;
  final List<Received> requests = new CopyOnWriteArrayList<>();

  FakeServer(Function<Received, Reply> answer) {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", exchange -> handle(exchange, answer));
    server.start();
  }

  private void handle(HttpExchange exchange, Function<Received, Reply> answer) throws IOException {
    Received r =
        new Received(
            exchange.getRequestMethod(),
            exchange.getRequestURI().getRawPath(),
            exchange.getRequestURI().getRawQuery(),
            exchange.getRequestHeaders().getFirst("X-API-KEY"),
            exchange.getRequestHeaders().getFirst("User-Agent"),
            exchange.getRequestHeaders().getFirst("Accept"));
    requests.add(r);
    Reply reply = answer.apply(r);
    byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", reply.contentType());
    reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
    exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
