package org.batonjava.metabase.sim.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A parsed request as handlers see it: path parameters, query parameters, JSON body and the caller.
 */
public final class Request {
  private final String method;
  private final String path;
  private final Map<String, List<String>> query;
  private final Map<String, String> pathParams;
  private final byte[] body;
  private final ObjectMapper mapper;
  private final Caller caller;
  private final Function<String, String> headers;

  public Request(
      String method,
      String path,
      Map<String, List<String>> query,
      Map<String, String> pathParams,
      byte[] body,
      ObjectMapper mapper,
      Caller caller,
      Function<String, String> headers) {
    this.headers = headers;
    this.method = method;
    this.path = path;
    this.query = query;
    this.pathParams = pathParams;
    this.body = body;
    this.mapper = mapper;
    this.caller = caller;
  }

  /** First value of a request header (case-insensitive), or null. */
  public String header(String name) {
    return headers.apply(name);
  }

  /** The {@code X-Metabase-Session} header or {@code metabase.SESSION} cookie, or null. */
  public String sessionId() {
    return SessionCookie.sessionId(headers);
  }

  public String method() {
    return method;
  }

  public String path() {
    return path;
  }

  /** The authenticated caller; only null on routes that need no authentication. */
  public Caller caller() {
    return caller;
  }

  /** First value of a query parameter, if present. */
  public Optional<String> query(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  public boolean hasQuery(String name) {
    return query.containsKey(name);
  }

  /** A boolean query parameter ({@code true}/{@code false}); absent gives the default. */
  public boolean queryBoolean(String name, boolean defaultValue) {
    Optional<String> v = query(name);
    if (v.isEmpty()) {
      return defaultValue;
    }
    String s = v.get();
    if (s.equalsIgnoreCase("true")) {
      return true;
    }
    if (s.equalsIgnoreCase("false")) {
      return false;
    }
    throw ErrorResponses.schemaError(
        name, "nullable boolean", "should be a boolean", "\"" + s + "\"");
  }

  /** A positive-integer path parameter; anything else is a 400 schema error like Metabase's. */
  public int pathId(String name) {
    String raw = pathParams.get(name);
    try {
      int v = Integer.parseInt(raw);
      if (v > 0) {
        return v;
      }
    } catch (NumberFormatException e) {
      // fall through to the schema error
    }
    throw ErrorResponses.schemaError(
        name,
        "value must be an integer greater than zero.",
        "should be a positive int",
        "\"" + raw + "\"");
  }

  /** The JSON body; an absent body is JSON null. Malformed JSON is a 400. */
  public JsonNode json() {
    if (body == null || body.length == 0) {
      return NullNode.getInstance();
    }
    try {
      JsonNode node = mapper.readTree(body);
      return node == null ? NullNode.getInstance() : node;
    } catch (IOException e) {
      throw ErrorResponses.plain(400, "Malformed JSON in request body.");
    }
  }

  /** The JSON body, which must be an object (a missing body counts as an empty object). */
  public JsonNode jsonObject() {
    JsonNode node = json();
    if (node.isNull() || node.isMissingNode()) {
      return mapper.createObjectNode();
    }
    if (!node.isObject()) {
      throw ErrorResponses.schemaError("body", "map", "invalid type", node.toString());
    }
    return node;
  }
}
