package org.batonjava.sdk.service;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.batonjava.sdk.logging.JsonLogEncoder;
import org.slf4j.LoggerFactory;

/**
 * The debug log of a task ConductorOne marked {@code debug}: while the task runs, every event of
 * the SDK's and the connector's loggers at DEBUG and above is also written, as JSON lines, to
 * {@code debug-<task id>.log} in the c1z temp folder, for the task to upload after its c1z. The
 * loggers are raised to DEBUG only while at least one such task runs, and the other appenders
 * (stderr) get a floor at the level they had, so the console output does not change. Without
 * Logback (another SLF4J binding) there is no debug log.
 */
final class TaskDebugLog implements AutoCloseable {
  private static final Object LOCK = new Object();
  private static int active;
  private static final Map<String, Level> RAISED = new LinkedHashMap<>();
  private static final IdentityHashMap<Appender<ILoggingEvent>, Floor> FLOORS =
      new IdentityHashMap<>();

  private final LoggerContext context;
  private final FileAppender<ILoggingEvent> appender;
  private final Path file;
  private boolean closed;

  private TaskDebugLog(LoggerContext context, FileAppender<ILoggingEvent> appender, Path file) {
    this.context = context;
    this.appender = appender;
    this.file = file;
  }

  /**
   * Starts capturing for {@code taskId} when the task asks for it.
   *
   * @param loggerPrefixes logger name prefixes raised to DEBUG (the SDK's and the connector's
   *     packages)
   */
  static Optional<TaskDebugLog> startIfRequested(
      boolean debug, String taskId, Path tempDir, List<String> loggerPrefixes) {
    if (!debug || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return Optional.empty();
    }
    Path file = tempDir.resolve("debug-" + taskId.replaceAll("[^A-Za-z0-9_-]", "_") + ".log");
    JsonLogEncoder encoder = new JsonLogEncoder(true);
    encoder.setContext(context);
    encoder.start();
    FileAppender<ILoggingEvent> appender = new FileAppender<>();
    appender.setContext(context);
    appender.setName("task-debug-" + taskId);
    appender.setFile(file.toString());
    appender.setAppend(false);
    appender.setImmediateFlush(true);
    appender.setEncoder(encoder);
    appender.start();
    synchronized (LOCK) {
      if (active++ == 0) {
        raise(context, loggerPrefixes);
      }
      context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
    }
    return Optional.of(new TaskDebugLog(context, appender, file));
  }

  /** The file being written. */
  Path file() {
    return file;
  }

  /** Stops capturing; the file stays until {@link #delete()}. */
  @Override
  public void close() {
    synchronized (LOCK) {
      if (closed) {
        return;
      }
      closed = true;
      context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(appender);
      if (--active == 0) {
        restore(context);
      }
    }
    appender.stop();
  }

  /** Removes the file. */
  void delete() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LoggerFactory.getLogger(TaskDebugLog.class)
          .warn("Could not delete the debug log {}: {}", file, e.getMessage());
    }
  }

  /**
   * Raises the prefixes to DEBUG and puts a floor at their previous level on every current root
   * appender.
   */
  private static void raise(LoggerContext context, List<String> prefixes) {
    Map<String, Level> effective = new LinkedHashMap<>();
    for (String prefix : prefixes) {
      Logger logger = context.getLogger(prefix);
      if (RAISED.containsKey(prefix)) {
        continue;
      }
      RAISED.put(prefix, logger.getLevel());
      effective.put(prefix, logger.getEffectiveLevel());
      if (!logger.isDebugEnabled()) {
        logger.setLevel(Level.DEBUG);
      }
    }
    Floor floor = new Floor(effective);
    floor.start();
    for (Iterator<Appender<ILoggingEvent>> it =
            context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders();
        it.hasNext(); ) {
      Appender<ILoggingEvent> existing = it.next();
      existing.addFilter(floor);
      FLOORS.put(existing, floor);
    }
  }

  private static void restore(LoggerContext context) {
    RAISED.forEach((prefix, level) -> context.getLogger(prefix).setLevel(level));
    RAISED.clear();
    FLOORS.forEach(
        (appender, floor) -> {
          List<Filter<ILoggingEvent>> others =
              new ArrayList<>(appender.getCopyOfAttachedFiltersList());
          others.removeIf(f -> f == floor);
          appender.clearAllFilters();
          others.forEach(appender::addFilter);
        });
    FLOORS.clear();
  }

  /**
   * Denies events of a raised logger below the level that logger had before: the console sees what
   * it saw.
   */
  private static final class Floor extends Filter<ILoggingEvent> {
    private final Map<String, Level> previous;

    Floor(Map<String, Level> previous) {
      this.previous = Map.copyOf(previous);
    }

    @Override
    public FilterReply decide(ILoggingEvent event) {
      for (Map.Entry<String, Level> p : previous.entrySet()) {
        String name = event.getLoggerName();
        if ((name.equals(p.getKey()) || name.startsWith(p.getKey() + "."))
            && !event.getLevel().isGreaterOrEqual(p.getValue())) {
          return FilterReply.DENY;
        }
      }
      return FilterReply.NEUTRAL;
    }
  }
}
