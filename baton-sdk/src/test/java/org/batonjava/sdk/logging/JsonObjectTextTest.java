package org.batonjava.sdk.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The streaming log-line writer produces exactly what Jackson's object mapper (which the encoders
 * used before) writes for the same map, so log consumers see no difference.
 */
class JsonObjectTextTest {
  @Test
  void writesWhatAnObjectMapperWrites() throws Exception {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("level", "warn");
    line.put("msg", "quote \" backslash \\ tab \t newline \n bell \u0007 <tag> é 😀 /path");
    line.put("nothing", null);
    line.put("yes", true);
    line.put("int", 42);
    line.put("long", 9_000_000_000L);
    line.put("short", (short) 7);
    line.put("double", 1.5e-7);
    line.put("nan", Double.NaN);
    line.put("float", 0.1f);
    line.put("decimal", new BigDecimal("12.340"));
    line.put("big", new BigInteger("123456789012345678901234567890"));
    line.put("atomic", new AtomicLong(5));
    line.put("control", "\u0000\u001f\u007f\r\f\b");

    assertThat(JsonObjectText.of(line)).isEqualTo(new ObjectMapper().writeValueAsString(line));
  }

  @Test
  void emptyObject() {
    assertThat(JsonObjectText.of(Map.of())).isEqualTo("{}");
  }

  @Test
  void theJsonEncoderKeepsZapKeyOrder() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("page", 3);
    fields.put("msg", "not overriding the message");
    String line =
        new JsonLogEncoder(false).line("2026-01-02T03:04:05.678Z", "info", "a.b", "hello", fields);
    assertThat(line)
        .isEqualTo(
            "{\"level\":\"info\",\"ts\":\"2026-01-02T03:04:05.678Z\",\"logger\":\"a.b\","
                + "\"msg\":\"hello\",\"page\":3}\n");
  }
}
