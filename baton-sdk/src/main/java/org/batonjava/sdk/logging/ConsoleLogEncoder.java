package org.batonjava.sdk.logging;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tab-separated lines for people, like zap's console encoder: time, level, logger, message and the
 * key-value pairs as one JSON object; a stack trace (debug only) follows on its own lines.
 */
public final class ConsoleLogEncoder extends LogLineEncoder {
  public ConsoleLogEncoder(boolean stackTraces) {
    super(stackTraces);
  }

  @Override
  String line(
      String time, String level, String logger, String message, Map<String, Object> fields) {
    StringBuilder line = new StringBuilder();
    line.append(time)
        .append('\t')
        .append(level)
        .append('\t')
        .append(logger)
        .append('\t')
        .append(message);
    Map<String, Object> inline = new LinkedHashMap<>(fields);
    Object stack = inline.remove("stacktrace");
    if (!inline.isEmpty()) {
      Map<String, Object> values = new LinkedHashMap<>();
      inline.forEach((key, value) -> values.put(key, JsonLogEncoder.jsonValue(value)));
      line.append('\t').append(JsonObjectText.of(values));
    }
    line.append('\n');
    if (stack != null) {
      line.append(stack);
    }
    return line.toString();
  }
}
