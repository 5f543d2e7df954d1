package org.batonjava.metabase.sim.databases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.batonjava.metabase.sim.http.ApiException;
import org.batonjava.metabase.sim.http.ErrorResponses;

/**
 * Validation and pruning of graph values that may be a level string or a granular {@code {schema:
 * level | {table-id: level}}} map.
 */
final class GraphValues {
  private GraphValues() {}

  static ApiException invalid(String detail) {
    return ErrorResponses.plain(
        400, "Cannot parse permissions graph because it is invalid: " + detail);
  }

  /**
   * Validates a level-or-granular value.
   *
   * @param dbLevels values allowed for the whole database
   * @param granularLevels values allowed for a schema or a table (empty set: no granular form)
   */
  static void check(String key, JsonNode value, Set<String> dbLevels, Set<String> granularLevels) {
    if (value != null && value.isTextual()) {
      if (!dbLevels.contains(value.asText())) {
        throw invalid(
            "{"
                + key
                + " (should be one of "
                + dbLevels
                + ", received: \""
                + value.asText()
                + "\")}");
      }
      return;
    }
    if (value == null || !value.isObject() || granularLevels.isEmpty()) {
      throw invalid("{" + key + " (invalid value: " + value + ")}");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = value.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> schema = it.next();
      JsonNode v = schema.getValue();
      if (v.isTextual()) {
        checkLevel(key, v.asText(), granularLevels);
      } else if (v.isObject()) {
        for (Iterator<Map.Entry<String, JsonNode>> tables = v.properties().iterator();
            tables.hasNext(); ) {
          Map.Entry<String, JsonNode> table = tables.next();
          if (!table.getKey().matches("\\d+")) {
            throw invalid(
                "{" + key + " (table ids must be integers, received: \"" + table.getKey() + "\")}");
          }
          if (!table.getValue().isTextual()) {
            throw invalid("{" + key + " (invalid table value: " + table.getValue() + ")}");
          }
          checkLevel(key, table.getValue().asText(), granularLevels);
        }
      } else {
        throw invalid("{" + key + " (invalid schema value: " + v + ")}");
      }
    }
  }

  private static void checkLevel(String key, String level, Set<String> allowed) {
    if (!allowed.contains(level)) {
      throw invalid(
          "{" + key + " (should be one of " + allowed + ", received: \"" + level + "\")}");
    }
  }

  /**
   * True when the value (string or granular map) contains any level other than {@code
   * leastPermissive}.
   */
  static boolean anyAbove(JsonNode value, String leastPermissive) {
    if (value == null || value.isNull()) {
      return false;
    }
    if (value.isTextual()) {
      return !value.asText().equals(leastPermissive);
    }
    for (JsonNode v : value) {
      if (anyAbove(v, leastPermissive)) {
        return true;
      }
    }
    return false;
  }

  /** True when the value (string or granular map) contains {@code level} anywhere. */
  static boolean contains(JsonNode value, String level) {
    if (value == null || value.isNull()) {
      return false;
    }
    if (value.isTextual()) {
      return value.asText().equals(level);
    }
    for (JsonNode v : value) {
      if (contains(v, level)) {
        return true;
      }
    }
    return false;
  }

  /** Replaces output-only levels (e.g. {@code sandboxed}) by their stored level. */
  static JsonNode replaceLevels(JsonNode value, Map<String, String> replacements) {
    if (value.isTextual()) {
      String r = replacements.get(value.asText());
      return r == null ? value : JsonNodeFactory.instance.textNode(r);
    }
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    value.properties().forEach(e -> out.set(e.getKey(), replaceLevels(e.getValue(), replacements)));
    return out;
  }

  /**
   * Renders a granular map: table entries holding the least-permissive level are dropped; schema
   * entries holding it are dropped when {@code dropSchemaLevel}. Returns null when nothing remains.
   */
  static JsonNode pruneGranular(JsonNode value, String leastPermissive, boolean dropSchemaLevel) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    value
        .properties()
        .forEach(
            schema -> {
              JsonNode v = schema.getValue();
              if (v.isTextual()) {
                if (!(dropSchemaLevel && v.asText().equals(leastPermissive))) {
                  out.set(schema.getKey(), v);
                }
              } else {
                ObjectNode tables = JsonNodeFactory.instance.objectNode();
                v.properties()
                    .forEach(
                        t -> {
                          if (!t.getValue().asText().equals(leastPermissive)) {
                            tables.set(t.getKey(), t.getValue());
                          }
                        });
                if (!tables.isEmpty()) {
                  out.set(schema.getKey(), tables);
                }
              }
            });
    return out.isEmpty() ? null : out;
  }
}
