package org.batonjava.metabase.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A tiny real-HTTP client for tests: one API key (or session), JSON in, raw body out. */
final class SimClient {
  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String base;
  private final String header;
  private final String credential;

  private SimClient(String base, String header, String credential) {
    this.base = base;
    this.header = header;
    this.credential = credential;
  }

  static SimClient apiKey(MetabaseSimulator sim, String key) {
    return new SimClient(sim.baseUrl(), "X-API-Key", key);
  }

  static SimClient admin(MetabaseSimulator sim) {
    return apiKey(sim, sim.adminApiKey());
  }

  static SimClient anonymous(MetabaseSimulator sim) {
    return new SimClient(sim.baseUrl(), null, null);
  }

  static SimClient session(MetabaseSimulator sim, String sessionId) {
    return new SimClient(sim.baseUrl(), "X-Metabase-Session", sessionId);
  }

  /** A response: status, raw body, content type. */
  record Resp(int status, String body, HttpResponse<String> raw) {
    JsonNode json() {
      try {
        return MAPPER.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON (status " + status + "): " + body, e);
      }
    }

    String contentType() {
      return raw.headers().firstValue("Content-Type").orElse("");
    }
  }

  Resp get(String path) {
    return send("GET", path, null);
  }

  Resp delete(String path) {
    return send("DELETE", path, null);
  }

  Resp post(String path, String json) {
    return send("POST", path, json);
  }

  Resp put(String path, String json) {
    return send("PUT", path, json);
  }

  Resp send(String method, String path, String json) {
    try {
      return sendChecked(method, path, json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Resp sendChecked(String method, String path, String json) throws IOException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "application/json");
    if (header != null) {
      b.header(header, credential);
    }
    if (json != null) {
      b.header("Content-Type", "application/json");
    }
    b.method(
        method,
        json == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json));
    try {
      HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Resp(r.statusCode(), r.body(), r);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }
}
