package org.batonjava.sdk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM during a sync, in a real child JVM (the one CLI test that needs a process): the job is
 * cancelled, the process waits for it, the error line is printed, and the JVM ends with the SIGTERM
 * status 143.
 */
class ShutdownSignalProcessTest {
  @TempDir Path dir;

  @Test
  void sigtermCancelsTheSyncAndWaitsForIt() throws Exception {
    assumeTrue(File.separatorChar == '/', "POSIX signals only");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    java.toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    InterruptedSyncProbe.class.getName(),
                    "--log-format",
                    "json"))
            .directory(dir.toFile())
            .redirectError(dir.resolve("stderr.txt").toFile());
    builder.environment().put("BATON_METABASE_BASE_URL", "https://metabase.example.com");
    builder.environment().put("BATON_METABASE_API_KEY", "mb_TOPSECRETKEY");
    Process process = builder.start();
    try (BufferedReader stdout =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(stdout.readLine()).isEqualTo("syncing");

      process.destroy(); // SIGTERM

      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      process.destroyForcibly();
    }
    assertThat(process.exitValue()).isEqualTo(143);
    assertThat(Files.readString(dir.resolve("stderr.txt")))
        .isEqualTo("error: sync interrupted after saving a checkpoint; run again to resume\n");
  }

  @Test
  void registrationsCloseCleanlyWithoutASignal() {
    ShutdownSignals.Registration registration =
        ShutdownSignals.jvm(Duration.ofSeconds(1))
            .onShutdown(
                () -> {
                  throw new AssertionError("no signal was sent");
                });
    registration.close();
    registration.close();
  }
}
