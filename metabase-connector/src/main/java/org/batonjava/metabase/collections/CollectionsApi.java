package org.batonjava.metabase.collections;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Map;
import java.util.function.Consumer;
import org.batonjava.metabase.graph.RevisionedGraph;
import org.batonjava.metabase.http.MetabaseHttp;
import org.batonjava.metabase.http.MetabaseJson;

/**
 * The collection calls: {@code GET /api/collection} (streamed, one item at a time), {@code GET
 * /api/collection/:id}, and the collection permission graph ({@code /api/collection/graph}) as a
 * {@link RevisionedGraph}: Metabase has no narrower read than the whole graph, and a write sends
 * {@code skip_graph=true} (0.50+) and {@code skip-graph=true} (0.52+) so that newer versions answer
 * with the revision only (older ones ignore both).
 */
public final class CollectionsApi {
  private static final String GRAPH = "/api/collection/graph";

  private final MetabaseJson json;
  private final RevisionedGraph graph;

  public CollectionsApi(MetabaseJson json) {
    this.json = json;
    this.graph =
        new RevisionedGraph(
            json, GRAPH, key -> GRAPH, Map.of("skip_graph", "true", "skip-graph", "true"));
  }

  /**
   * {@code GET /api/collection}: every non-archived collection the key can read (administrators:
   * all of them, every user's personal collections included), the root pseudo entry first.
   */
  void list(Consumer<CollectionItem> visitor) {
    MetabaseHttp.Answer answer = json.http().getJson("/api/collection", Map.of());
    try (JsonParser parser = json.parser(answer)) {
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        throw json.unexpected(answer, "the collections are not a JSON array", parser);
      }
      while (parser.nextToken() == JsonToken.START_OBJECT) {
        CollectionItem item = parser.readValueAs(CollectionItem.class);
        if (item != null && !item.key().isEmpty()) {
          visitor.accept(item);
        }
      }
    } catch (IOException e) {
      throw json.unreadable(answer, e);
    }
  }

  /** {@code GET /api/collection/:id} (404 when there is no such collection). */
  CollectionItem get(long id) {
    return json.get("/api/collection/" + id, Map.of(), CollectionItem.class);
  }

  /**
   * The collection permission graph: key = collection id or {@code root}, cell = {@code
   * read}/{@code write}/{@code none}.
   */
  RevisionedGraph graph() {
    return graph;
  }
}
