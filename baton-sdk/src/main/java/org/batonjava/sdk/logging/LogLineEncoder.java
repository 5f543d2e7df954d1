package org.batonjava.sdk.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.event.KeyValuePair;

/**
 * The common part of the two log encoders: one line per event with time, level, logger, message,
 * the event's key-value pairs and, for events with a throwable, {@code error} (its class and
 * message) and — only when stack traces are enabled ({@code --log-level debug}) — {@code
 * stacktrace}.
 */
public abstract class LogLineEncoder extends EncoderBase<ILoggingEvent> {
  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final boolean stackTraces;

  protected LogLineEncoder(boolean stackTraces) {
    this.stackTraces = stackTraces;
  }

  /** One complete line, ending in a newline. */
  abstract String line(
      String time, String level, String logger, String message, Map<String, Object> fields);

  @Override
  public byte[] encode(ILoggingEvent event) {
    Map<String, Object> fields = new LinkedHashMap<>();
    if (event.getKeyValuePairs() != null) {
      for (KeyValuePair pair : event.getKeyValuePairs()) {
        fields.put(pair.key, pair.value);
      }
    }
    IThrowableProxy thrown = event.getThrowableProxy();
    if (thrown != null) {
      fields.put("error", thrown.getClassName() + ": " + thrown.getMessage());
      if (stackTraces) {
        fields.put("stacktrace", ThrowableProxyUtil.asString(thrown));
      }
    }
    String time = ISO_MILLIS.format(Instant.ofEpochMilli(event.getTimeStamp()));
    String level = event.getLevel().toString().toLowerCase(Locale.ROOT);
    return line(time, level, event.getLoggerName(), event.getFormattedMessage(), fields)
        .getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public byte[] headerBytes() {
    return null;
  }

  @Override
  public byte[] footerBytes() {
    return null;
  }
}
