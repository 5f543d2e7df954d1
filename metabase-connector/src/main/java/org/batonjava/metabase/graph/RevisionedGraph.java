package org.batonjava.metabase.graph;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;
import org.batonjava.metabase.http.MetabaseHttp;
import org.batonjava.metabase.http.MetabaseJson;
import org.batonjava.metabase.http.ResponseShape;

/**
 * One of Metabase's revisioned permission graphs, {@code {revision, groups: {groupId: {key:
 * cell}}}}: the data graph ({@code /api/permissions/graph}; key = database id, cell = an object of
 * permission keys), and in the same shape the collection graph (key = collection id or {@code
 * root}, cell = {@code read}/{@code write}/{@code none}) and the application graph (key =
 * permission name, cell = {@code yes}/{@code no}). It is read whole as a stream, read as one key's
 * slice with the current revision, and written one cell at a time.
 *
 * @param json the JSON layer
 * @param path the graph's path, read with {@code GET} and written with {@code PUT}
 * @param slicePath the path that reads one key's slice (for the data graph {@code
 *     /api/permissions/graph/db/:id}; the graph's own path when Metabase has no narrower read)
 * @param writeQuery query parameters of every write (for the data graph {@code skip-graph=true}, so
 *     that the answer does not repeat the whole graph)
 */
public record RevisionedGraph(
    MetabaseJson json,
    String path,
    Function<String, String> slicePath,
    Map<String, String> writeQuery) {

  /**
   * {@code GET path}: the whole graph, streamed to {@code visitor} one (group, key) cell at a time
   * so that a large graph is never held as one tree.
   */
  public void read(GraphVisitor visitor) {
    MetabaseHttp.Answer answer = json.http().getJson(path, Map.of());
    try (JsonParser parser = json.parser(answer)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw json.unexpected(
            answer, "the answer is not an object with the permission graph", parser);
      }
      boolean sawGroups = false;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (field.equals("groups")) {
          requireGroupsObject(answer, parser, value);
          readGroups(answer, parser, visitor, null);
          sawGroups = true;
        } else {
          parser.skipChildren();
        }
      }
      if (!sawGroups) {
        throw json.unexpected(
            answer, "`groups` is missing where the permissions by group are required", null);
      }
    } catch (IOException e) {
      throw json.unreadable(answer, e);
    }
  }

  private void requireGroupsObject(MetabaseHttp.Answer answer, JsonParser parser, JsonToken value) {
    if (value != JsonToken.START_OBJECT) {
      throw json.unexpected(
          answer,
          "`groups` is "
              + ResponseShape.kind(value)
              + " where the permissions by group are required",
          parser);
    }
  }

  /**
   * Reads {@code groups}; with {@code onlyKey} set, cells under other keys are skipped without
   * being built.
   */
  private void readGroups(
      MetabaseHttp.Answer answer, JsonParser parser, GraphVisitor visitor, String onlyKey)
      throws IOException {
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String group = parser.currentName();
      OptionalLong groupId = MetabaseJson.parseId(group);
      JsonToken value = parser.nextToken();
      if (groupId.isEmpty()) {
        parser.skipChildren();
        continue;
      }
      if (value != JsonToken.START_OBJECT) {
        throw json.unexpected(
            answer,
            "the permissions of group "
                + group
                + " are "
                + ResponseShape.kind(value)
                + " where an object is required",
            parser);
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        parser.nextToken();
        if (onlyKey != null && !onlyKey.equals(key)) {
          parser.skipChildren();
          continue;
        }
        JsonNode permissions = parser.readValueAsTree();
        if (permissions != null && !permissions.isNull()) {
          visitor.entry(groupId.getAsLong(), key, permissions);
        }
      }
    }
  }

  /**
   * {@code GET slicePath(key)}: every group's cell under one key, and the revision. Cells that are
   * neither objects nor text are left out, as if Metabase had elided them. The answer is streamed
   * and only that key's cells are kept, so a graph without a narrower read (the collection graph,
   * read whole) is never held as one tree.
   */
  public GraphSlice slice(String key) {
    MetabaseHttp.Answer answer = json.http().getJson(slicePath.apply(key), Map.of());
    Long revision = null;
    Map<Long, JsonNode> byGroup = new LinkedHashMap<>();
    try (JsonParser parser = json.parser(answer)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw json.unexpected(
            answer, "the answer is not an object with the permission graph", parser);
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (field.equals("revision") && value.isNumeric()) {
          revision = parser.getLongValue();
        } else if (field.equals("groups")) {
          requireGroupsObject(answer, parser, value);
          readGroups(
              answer,
              parser,
              (groupId, k, cell) -> {
                if (k.equals(key) && (cell.isObject() || cell.isTextual())) {
                  byGroup.put(groupId, cell);
                }
              },
              key);
        } else {
          parser.skipChildren();
        }
      }
    } catch (IOException e) {
      throw json.unreadable(answer, e);
    }
    if (revision == null) {
      throw json.unexpected(
          answer,
          "`revision` is missing or not a number where the graph's revision number is"
              + " required",
          null);
    }
    return new GraphSlice(revision, key, byGroup);
  }

  /**
   * {@code PUT path} with a partial graph holding only one group's cell under one key: Metabase
   * changes just what is sent and leaves every other group and key as it is. A {@code revision}
   * that is no longer current fails with 409 ({@code ABORTED}) and changes nothing.
   */
  public void write(long revision, long groupId, String key, JsonNode cell) {
    ObjectNode body = json.object();
    body.put("revision", revision);
    body.putObject("groups").putObject(Long.toString(groupId)).set(key, cell);
    json.http().send("PUT", path, writeQuery, json.bytes(body), List.of());
  }
}
