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
import java.util.Optional;
import java.util.OptionalLong;
import org.batonjava.sdk.connector.ConnectorException;

/**
 * Metabase's JSON over {@link MetabaseHttp}, read tolerantly: unknown fields are ignored, ids may
 * come as numbers or strings, nulls are accepted where Metabase sends them, and values of any shape
 * can be handed over untouched. Every surface's API class (users, groups, databases, …) makes its
 * calls through one instance; a body that cannot be read becomes the same one-line {@link
 * ConnectorException} whichever surface asked.
 */
public final class MetabaseJson {
  private final MetabaseHttp http;

  /**
   * The tolerant mapper, shared by every instance and made on first use: creating a connector (as
   * {@code capabilities} does) does not pay for Jackson's data-binding set-up.
   */
  private static final class Mapper {
    static final ObjectMapper JSON =
        JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();
  }

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
   * {@code GET path}: the objects of a list answer, read as {@code type}. Metabase sends {@code
   * {data, total}} (a bare array in much older versions). The list must be there and be a list, and
   * each item an object with a whole-number id (see {@link ResponseShape}); otherwise the call
   * fails naming the endpoint and what was wrong.
   *
   * @param what how a message names the list, e.g. {@code the list of groups}
   */
  public <T> List<T> getList(String path, Class<T> type, String what) {
    MetabaseHttp.Answer answer = http.getJson(path, Map.of());
    JsonNode list;
    try {
      list = ResponseShape.listIn(tree(answer), "data", what);
      for (int i = 0; i < list.size(); i++) {
        ResponseShape.item(list.get(i), i, what);
      }
    } catch (ShapeProblem e) {
      throw http.failures().unreadable(answer.call(), e);
    }
    List<T> out = new ArrayList<>(list.size());
    for (JsonNode item : list) {
      out.add(convert(answer, item, type));
    }
    return out;
  }

  /** As {@link #getList(String, Class, String)}, naming the list by its path. */
  public <T> List<T> getList(String path, Class<T> type) {
    return getList(path, type, "the list");
  }

  /**
   * {@code GET path?query}, whose tree must pass {@code check} before it is read as {@code type}; a
   * failed check fails the call naming the endpoint and what was wrong.
   */
  public <T> T getChecked(String path, Map<String, String> query, Class<T> type, ShapeCheck check) {
    return checked(http.getJson(path, query), type, check);
  }

  /**
   * As {@link #getChecked(String, Map, Class, ShapeCheck)}, trying {@code fast} on the body first:
   * a reader for the usual shape of a large answer, read in one pass. When it declines (or the body
   * does not parse), the answer is read the checked way, so its result and errors are that way's.
   */
  public <T> T getChecked(
      String path, Map<String, String> query, Class<T> type, ShapeCheck check, FastRead<T> fast) {
    MetabaseHttp.Answer answer = http.getJson(path, query);
    try (JsonParser parser = Mapper.JSON.createParser(answer.body())) {
      Optional<T> read = fast.read(parser);
      if (read.isPresent()) {
        return read.get();
      }
    } catch (IOException e) {
      // Not the usual shape after all: the checked way below names the problem.
    }
    return checked(answer, type, check);
  }

  private <T> T checked(MetabaseHttp.Answer answer, Class<T> type, ShapeCheck check) {
    JsonNode node = tree(answer);
    try {
      check.check(node);
    } catch (ShapeProblem e) {
      throw http.failures().unreadable(answer.call(), e);
    }
    return convert(answer, node, type);
  }

  /** A one-pass reader of an answer's usual shape; empty to leave it to the checked way. */
  @FunctionalInterface
  public interface FastRead<T> {
    Optional<T> read(JsonParser parser) throws IOException;
  }

  /** A shape check of a whole answer. */
  @FunctionalInterface
  public interface ShapeCheck {
    void check(JsonNode answer) throws ShapeProblem;
  }

  /** A new JSON object for a request body. */
  public ObjectNode object() {
    return Mapper.JSON.createObjectNode();
  }

  /** A streaming parser over an answer's body. */
  public JsonParser parser(MetabaseHttp.Answer answer) throws IOException {
    return Mapper.JSON.createParser(answer.body());
  }

  /** A parser reading a streamed answer as it arrives. */
  public JsonParser parser(StreamedAnswer answer) throws IOException {
    return Mapper.JSON.createParser(answer.body());
  }

  public byte[] bytes(JsonNode body) {
    try {
      return Mapper.JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode a request body", e);
    }
  }

  public <T> T read(MetabaseHttp.Answer answer, Class<T> type) {
    try {
      return Mapper.JSON.readValue(answer.body(), type);
    } catch (JsonProcessingException e) {
      throw http.failures().unreadable(answer.call(), e);
    } catch (IOException e) {
      throw http.failures().fromIo(answer.call(), e);
    }
  }

  public JsonNode tree(MetabaseHttp.Answer answer) {
    try {
      JsonNode node = Mapper.JSON.readTree(answer.body());
      return node == null ? Mapper.JSON.missingNode() : node;
    } catch (JsonProcessingException e) {
      throw http.failures().unreadable(answer.call(), e);
    } catch (IOException e) {
      throw http.failures().fromIo(answer.call(), e);
    }
  }

  public <T> T convert(MetabaseHttp.Answer answer, JsonNode node, Class<T> type) {
    try {
      return Mapper.JSON.treeToValue(node, type);
    } catch (JsonProcessingException e) {
      throw http.failures().unreadable(answer.call(), e);
    } catch (IllegalArgumentException e) {
      throw http.failures()
          .unreadable(answer.call(), new ShapeProblem("a value has the wrong type"));
    }
  }

  /** The failure for a body that is valid JSON but not the shape expected. */
  public ConnectorException unexpected(MetabaseHttp.Answer answer, String what, JsonParser parser) {
    return http.failures()
        .unreadable(
            answer.call(),
            new ShapeProblem(what, parser == null ? null : parser.currentLocation()));
  }

  /** As {@link #unexpected(MetabaseHttp.Answer, String, JsonParser)}, for a streamed answer. */
  public ConnectorException unexpected(StreamedAnswer answer, String what, JsonParser parser) {
    return http.failures()
        .unreadable(
            answer.call(),
            new ShapeProblem(what, parser == null ? null : parser.currentLocation()));
  }

  /**
   * The failure for a streamed body that could not be parsed or read; a body cut off by the HTTP
   * timeout is the timeout.
   */
  public ConnectorException unreadable(StreamedAnswer answer, IOException e) {
    if (answer.deadlinePassed()) {
      return http.failures().wholeAnswerTimeout(answer.call());
    }
    return e instanceof JsonProcessingException p
        ? http.failures().unreadable(answer.call(), p)
        : http.failures().fromIo(answer.call(), e);
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
}
