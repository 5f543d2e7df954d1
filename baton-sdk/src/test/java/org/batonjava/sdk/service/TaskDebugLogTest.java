package org.batonjava.sdk.service;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Debug logs of debug tasks: DEBUG lines go to the task's file only; the console and the levels
 * stay as they were.
 */
class TaskDebugLogTest {
  @TempDir Path dir;

  @Test
  void debugLinesReachTheTaskFilesButNotTheConsoleAndEverythingIsRestored() throws Exception {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    Logger sdk = context.getLogger("org.batonjava");
    Level before = sdk.getLevel();
    sdk.setLevel(Level.INFO); // as in production: --log-level info
    ListAppender<ILoggingEvent> console = new ListAppender<>();
    console.setContext(context);
    console.start();
    root.addAppender(console);
    org.slf4j.Logger log = LoggerFactory.getLogger("org.batonjava.sdk.example");
    try {
      assertThat(TaskDebugLog.startIfRequested(false, "plain", dir, List.of("org.batonjava")))
          .isEmpty();
      Path first;
      Path second;
      try (TaskDebugLog a =
              TaskDebugLog.startIfRequested(true, "task-1", dir, List.of("org.batonjava"))
                  .orElseThrow();
          TaskDebugLog b =
              TaskDebugLog.startIfRequested(true, "task/2", dir, List.of("org.batonjava"))
                  .orElseThrow()) {
        first = a.file();
        second = b.file();
        log.debug("detail {}", 1);
        log.info("summary");
      }
      log.debug("after the task");

      assertThat(second.getFileName().toString()).isEqualTo("debug-task_2.log");
      for (Path file : List.of(first, second)) {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text)
            .contains("\"msg\":\"detail 1\"")
            .contains("\"msg\":\"summary\"")
            .doesNotContain("after the task");
        assertThat(text.lines()).allSatisfy(line -> assertThat(line).startsWith("{\"level\":"));
      }
      assertThat(console.list)
          .extracting(ILoggingEvent::getFormattedMessage)
          .contains("summary")
          .doesNotContain("detail 1", "after the task");
      assertThat(sdk.getLevel()).isEqualTo(Level.INFO);
      assertThat(console.getCopyOfAttachedFiltersList()).as("the floor is removed again").isEmpty();
    } finally {
      root.detachAppender(console);
      sdk.setLevel(before);
    }
  }
}
