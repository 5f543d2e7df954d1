package org.batonjava.sdk.service.e2e;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Captures every log event of the JVM (SDK at DEBUG) while open, messages and exception texts
 * included.
 */
final class LogCapture implements AutoCloseable {
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final Logger sdk = (Logger) LoggerFactory.getLogger("org.batonjava");
  private final Level previous = sdk.getLevel();
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  LogCapture() {
    appender.setContext(root.getLoggerContext());
    appender.start();
    root.addAppender(appender);
    sdk.setLevel(Level.DEBUG);
  }

  /**
   * All captured text: level, logger, formatted message and the messages of attached exceptions.
   */
  String text() {
    StringBuilder out = new StringBuilder();
    List<ILoggingEvent> events;
    synchronized (appender) { // the appender adds events while holding its own lock
      events = List.copyOf(appender.list);
    }
    for (ILoggingEvent e : events) {
      out.append(e.getLevel())
          .append(' ')
          .append(e.getLoggerName())
          .append(": ")
          .append(e.getFormattedMessage())
          .append('\n');
      for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
        out.append("  ").append(t.getClassName()).append(": ").append(t.getMessage()).append('\n');
      }
    }
    return out.toString();
  }

  @Override
  public void close() {
    root.detachAppender(appender);
    sdk.setLevel(previous);
  }
}
