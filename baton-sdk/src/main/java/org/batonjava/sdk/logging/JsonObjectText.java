package org.batonjava.sdk.logging;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One flat JSON object on one line, written with Jackson's streaming generator: every log line goes
 * through here, and the first one is on the start-up path of every command, so no object mapper
 * (whose set-up loads several hundred classes) is involved. Values are {@code null}, numbers,
 * booleans or strings ({@link JsonLogEncoder#jsonValue}); the text is what an object mapper would
 * write for the same map.
 */
final class JsonObjectText {
  private static final JsonFactory JSON = new JsonFactory();

  private JsonObjectText() {}

  static String of(Map<String, Object> object) {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = JSON.createGenerator(out)) {
      generator.writeStartObject();
      for (Map.Entry<String, Object> entry : object.entrySet()) {
        generator.writeFieldName(entry.getKey());
        write(generator, entry.getValue());
      }
      generator.writeEndObject();
    } catch (IOException e) {
      throw new IllegalStateException("cannot write a log line as JSON", e);
    }
    return out.toString();
  }

  private static void write(JsonGenerator generator, Object value) throws IOException {
    if (value == null) {
      generator.writeNull();
    } else if (value instanceof Boolean b) {
      generator.writeBoolean(b);
    } else if (value instanceof Integer
        || value instanceof Short
        || value instanceof Byte
        || value instanceof AtomicInteger) {
      generator.writeNumber(((Number) value).intValue());
    } else if (value instanceof Long || value instanceof AtomicLong) {
      generator.writeNumber(((Number) value).longValue());
    } else if (value instanceof Double d) {
      generator.writeNumber(d);
    } else if (value instanceof Float f) {
      generator.writeNumber(f);
    } else if (value instanceof BigDecimal d) {
      generator.writeNumber(d);
    } else if (value instanceof BigInteger i) {
      generator.writeNumber(i);
    } else if (value instanceof Number n) {
      generator.writeNumber(n.toString());
    } else {
      generator.writeString(value.toString());
    }
  }
}
