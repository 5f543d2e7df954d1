package org.batonjava.sdk.logging;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One JSON object per line with zap's production key names — {@code level}, {@code ts} (ISO-8601
 * UTC), {@code logger}, {@code msg} — followed by the event's key-value pairs, so that queries
 * written against the Go connectors' logs keep working.
 */
public final class JsonLogEncoder extends LogLineEncoder {
  public JsonLogEncoder(boolean stackTraces) {
    super(stackTraces);
  }

  @Override
  String line(
      String time, String level, String logger, String message, Map<String, Object> fields) {
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("level", level);
    object.put("ts", time);
    object.put("logger", logger);
    object.put("msg", message);
    fields.forEach((key, value) -> object.putIfAbsent(key, jsonValue(value)));
    return JsonObjectText.of(object) + "\n";
  }

  /**
   * Numbers and booleans stay JSON numbers and booleans; everything else is its {@code toString()}.
   */
  static Object jsonValue(Object value) {
    if (value == null || value instanceof Number || value instanceof Boolean) {
      return value;
    }
    return value.toString();
  }
}
