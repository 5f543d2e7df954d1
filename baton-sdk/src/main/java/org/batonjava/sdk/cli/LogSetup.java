package org.batonjava.sdk.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Locale;
import org.batonjava.sdk.logging.ConsoleLogEncoder;
import org.batonjava.sdk.logging.JsonLogEncoder;
import org.batonjava.sdk.logging.LogLineEncoder;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Configures Logback from {@code --log-level} and {@code --log-format}: one appender writing to the
 * given stderr stream (never stdout, which carries command output), everything else removed.
 */
final class LogSetup {
  private LogSetup() {}

  /**
   * @param level {@code debug}, {@code info}, {@code warn} or {@code error}
   * @param format the line format
   * @param stderr where log lines go; it is not closed when logging is reconfigured
   */
  static void configure(String level, LogFormat format, PrintStream stderr) {
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    if (!(factory instanceof LoggerContext context)) {
      return;
    }
    Level logLevel = Level.toLevel(level.toUpperCase(Locale.ROOT), Level.INFO);
    context.reset();

    LogLineEncoder encoder =
        format == LogFormat.JSON
            ? new JsonLogEncoder(logLevel == Level.DEBUG)
            : new ConsoleLogEncoder(logLevel == Level.DEBUG);
    encoder.setContext(context);
    encoder.start();

    OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
    appender.setContext(context);
    appender.setName("stderr");
    appender.setEncoder(encoder);
    appender.setImmediateFlush(true);
    appender.setOutputStream(unclosable(stderr));
    appender.start();

    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(logLevel);
    root.addAppender(appender);
  }

  private static OutputStream unclosable(OutputStream out) {
    return new FilterOutputStream(out) {
      @Override
      public void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
      }

      @Override
      public void close() throws IOException {
        flush();
      }
    };
  }
}
