package org.batonjava.metabase.sim.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP answer: a status, a body that is either a JSON value, a plain string or nothing, and
 * extra headers. The server serialises JSON bodies; handlers never touch streams.
 */
public final class Response {
  private final int status;
  private final JsonNode json;
  private final String text;
  private final Map<String, String> headers = new LinkedHashMap<>();

  private Response(int status, JsonNode json, String text) {
    this.status = status;
    this.json = json;
    this.text = text;
  }

  /** 200 with a JSON body. */
  public static Response ok(JsonNode body) {
    return new Response(200, body, null);
  }

  /** A JSON body with any status. */
  public static Response json(int status, JsonNode body) {
    return new Response(status, body, null);
  }

  /** A plain-string body, the way Metabase sends most of its error messages. */
  public static Response plain(int status, String text) {
    return new Response(status, null, text);
  }

  /** 204 with an empty body. */
  public static Response noContent() {
    return new Response(204, null, null);
  }

  /** Adds a response header and returns this response. */
  public Response header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  public int status() {
    return status;
  }

  public JsonNode json() {
    return json;
  }

  public String text() {
    return text;
  }

  public Map<String, String> headers() {
    return headers;
  }

  /** Plain-text body bytes (JSON bodies are written by the server with its mapper). */
  byte[] textBytes() {
    return text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
  }
}
