package org.batonjava.metabase.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.batonjava.sdk.connector.ConnectorException;

/**
 * Metabase's JSON over {@link MetabaseHttp}, read tolerantly: unknown fields are ignored, ids may come as numbers or
 * strings, nulls are accepted where Metabase sends them, and values of any shape can be handed over untouched. Every
 * surface's API class (users, groups, databases, …) makes its calls through one instance; a body that cannot be read
 * becomes the same one-line {@link ConnectorException} whichever surface asked.
 */
public final class MetabaseJson {
  private final MetabaseHttp http;
  private final ObjectMapper json = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .build();

  public MetabaseJson(ClientSettings settings) {
    this(new MetabaseHttp(settings));
  }

  public MetabaseJson(MetabaseHttp http) {
    this.http = http;
  }

  public BaseUrl baseUrl() {
    return http.baseUrl();
  }

  /** The HTTP layer, for calls that send a body or stream the answer. */
  public MetabaseHttp http() {
    return http;
  }

  /** {@code GET path?query}, read as {@code type}. */
  public <T> T get(String path, Map<String, String> query, Class<T> type) {
    return read(http.getJson(path, query), type);
  }

  /**
   * {@code GET path}: the objects of a list answer, read as {@code type}. Metabase sends {@code {data, total}} (a bare
   * array in much older versions); items that are not objects are skipped.
   */
  public <T> List<T> getList(String path, Class<T> type) {
    MetabaseHttp.Answer answer = http.getJson(path, Map.of());
    JsonNode node = tree(answer);
    List<T> out = new ArrayList<>();
    for (JsonNode item : node.isArray() ? node : node.path("data")) {
      if (item != null && item.isObject()) {
        out.add(convert(answer, item, type));
      }
    }
    return out;
  }

  /** A new JSON object for a request body. */
  public ObjectNode object() {
    return json.createObjectNode();
  }

  /** A streaming parser over an answer's body. */
  public JsonParser parser(MetabaseHttp.Answer answer) throws IOException {
    return json.createParser(answer.body());
  }

  public byte[] bytes(JsonNode body) {
    try {
      return json.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode a request body", e);
    }
  }

  public <T> T read(MetabaseHttp.Answer answer, Class<T> type) {
    try {
      return json.readValue(answer.body(), type);
    } catch (JsonProcessingException e) {
      throw http.failures().unreadable(answer.call(), e);
    } catch (IOException e) {
      throw http.failures().fromIo(answer.call(), e);
    }
  }

  public JsonNode tree(MetabaseHttp.Answer answer) {
    try {
      JsonNode node = json.readTree(answer.body());
      return node == null ? json.missingNode() : node;
    } catch (JsonProcessingException e) {
      throw http.failures().unreadable(answer.call(), e);
    } catch (IOException e) {
      throw http.failures().fromIo(answer.call(), e);
    }
  }

  public <T> T convert(MetabaseHttp.Answer answer, JsonNode node, Class<T> type) {
    try {
      return json.treeToValue(node, type);
    } catch (JsonProcessingException e) {
      throw http.failures().unreadable(answer.call(), e);
    } catch (IllegalArgumentException e) {
      throw http.failures().unreadable(answer.call(), new UnexpectedShape(e.getMessage(), null));
    }
  }

  /** The failure for a body that is valid JSON but not the shape expected. */
  public ConnectorException unexpected(MetabaseHttp.Answer answer, String what, JsonParser parser) {
    return http.failures().unreadable(answer.call(), new UnexpectedShape(what, parser));
  }

  /** The failure for a body that could not be parsed or read while streaming it. */
  public ConnectorException unreadable(MetabaseHttp.Answer answer, IOException e) {
    return e instanceof JsonProcessingException p
        ? http.failures().unreadable(answer.call(), p)
        : http.failures().fromIo(answer.call(), e);
  }

  /** A numeric id sent as a JSON key or string ({@code "12"}). */
  public static OptionalLong parseId(String text) {
    try {
      return OptionalLong.of(Long.parseLong(text.trim()));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /** A body that is valid JSON but not the shape expected. */
  private static final class UnexpectedShape extends JsonProcessingException {
    private static final long serialVersionUID = 1L;

    UnexpectedShape(String message, JsonParser parser) {
      super(message, parser == null ? null : parser.currentLocation());
    }
  }
}
