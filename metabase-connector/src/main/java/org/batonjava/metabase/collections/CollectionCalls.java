package org.batonjava.metabase.collections;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.batonjava.metabase.client.MetabaseHttp;

/**
 * The collection calls, with streamed reading (the listing and the graph of a large instance are never built into
 * one tree): {@code GET /api/collection}, {@code GET /api/collection/:id}, {@code GET /api/collection/graph} and
 * the one-cell {@code PUT /api/collection/graph}.
 */
public final class CollectionCalls {
  private final MetabaseHttp http;
  private final ObjectMapper json = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .build();

  public CollectionCalls(MetabaseHttp http) {
    this.http = http;
  }

  /**
   * {@code GET /api/collection}: every non-archived collection the key can read (administrators: all of them,
   * every user's personal collections included), the root pseudo entry first; one item at a time.
   */
  void list(Consumer<CollectionItem> visitor) {
    MetabaseHttp.Answer answer = http.getJson("/api/collection", Map.of());
    try (JsonParser parser = json.createParser(answer.body())) {
      JsonToken first = parser.nextToken();
      if (first != JsonToken.START_ARRAY) {
        throw http.failures().unreadable(answer.call(), new Unexpected("the collections are not a JSON array", parser));
      }
      while (parser.nextToken() == JsonToken.START_OBJECT) {
        CollectionItem item = parser.readValueAs(CollectionItem.class);
        if (item != null && !item.key().isEmpty()) {
          visitor.accept(item);
        }
      }
    } catch (JsonProcessingException e) {
      throw http.failures().unreadable(answer.call(), e);
    } catch (IOException e) {
      throw http.failures().fromIo(answer.call(), e);
    }
  }

  /** {@code GET /api/collection/:id} (404 when there is no such collection). */
  CollectionItem get(long id) {
    MetabaseHttp.Answer answer = http.getJson("/api/collection/" + id, Map.of());
    try {
      return json.readValue(answer.body(), CollectionItem.class);
    } catch (JsonProcessingException e) {
      throw http.failures().unreadable(answer.call(), e);
    } catch (IOException e) {
      throw http.failures().fromIo(answer.call(), e);
    }
  }

  /**
   * {@code GET /api/collection/graph}, streamed to {@code visitor} one (group, collection) entry at a time;
   * returns the revision.
   */
  long readGraph(GraphCellVisitor visitor) {
    MetabaseHttp.Answer answer = http.getJson("/api/collection/graph", Map.of());
    Long revision = null;
    try (JsonParser parser = json.createParser(answer.body())) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw http.failures().unreadable(answer.call(), new Unexpected("the graph is not a JSON object", parser));
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (field.equals("revision") && value.isNumeric()) {
          revision = parser.getLongValue();
        } else if (field.equals("groups") && value == JsonToken.START_OBJECT) {
          readGroups(parser, visitor);
        } else {
          parser.skipChildren();
        }
      }
      if (revision == null) {
        throw http.failures().unreadable(answer.call(), new Unexpected("the graph has no revision", null));
      }
      return revision;
    } catch (JsonProcessingException e) {
      throw http.failures().unreadable(answer.call(), e);
    } catch (IOException e) {
      throw http.failures().fromIo(answer.call(), e);
    }
  }

  private static void readGroups(JsonParser parser, GraphCellVisitor visitor) throws IOException {
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      Long groupId = id(parser.currentName());
      JsonToken value = parser.nextToken();
      if (groupId == null || value != JsonToken.START_OBJECT) {
        parser.skipChildren();
        continue;
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String collection = parser.currentName();
        JsonToken level = parser.nextToken();
        if (level == JsonToken.VALUE_STRING) {
          visitor.cell(groupId, collection, parser.getText());
        } else {
          parser.skipChildren();
        }
      }
    }
  }

  /**
   * {@code PUT /api/collection/graph} with a partial graph of one cell and the revision read: Metabase compares and
   * changes only that pair. A stale revision is a 409 ({@code ABORTED}) and changes nothing. Both spellings of the
   * skip-graph switch are sent (versions that know neither return the whole graph, which is not read).
   */
  void writeCell(long revision, long groupId, String collection, String level) {
    ObjectNode body = json.createObjectNode();
    body.put("revision", revision);
    body.putObject("groups").putObject(Long.toString(groupId)).put(collection, level);
    Map<String, String> query = new LinkedHashMap<>();
    query.put("skip_graph", "true");
    query.put("skip-graph", "true");
    try {
      http.send("PUT", "/api/collection/graph", query, json.writeValueAsBytes(body), java.util.List.of());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode a request body", e);
    }
  }

  static Long id(String text) {
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Valid JSON of the wrong shape. */
  private static final class Unexpected extends JsonProcessingException {
    private static final long serialVersionUID = 1L;

    Unexpected(String message, JsonParser parser) {
      super(message, parser == null ? null : parser.currentLocation());
    }
  }
}
