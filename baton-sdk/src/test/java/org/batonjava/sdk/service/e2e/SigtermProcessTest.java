package org.batonjava.sdk.service.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import c1.connectorapi.baton.v1.Task;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.batonjava.c1sim.FakeConductorOne;
import org.batonjava.c1sim.FinishedTask;
import org.batonjava.c1sim.RegisteredClient;
import org.batonjava.c1sim.Tasks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to a real connector JVM in the middle of a sync (what Kubernetes does on every pod stop):
 * the process stops polling, finishes the sync, uploads it, sends FinishTask, and exits 0; nothing
 * secret is in its output.
 */
class SigtermProcessTest {
  @TempDir Path dir;

  @Test
  void sigtermDrainsTheRunningSyncAndExitsZero() throws Exception {
    assumeTrue(File.separatorChar == '/', "POSIX signals only");
    Path certs = Files.createDirectories(dir.resolve("certs"));
    Path temp = Files.createDirectories(dir.resolve("temp"));
    try (FakeConductorOne c1 = FakeConductorOne.start(certs)) {
      RegisteredClient client = c1.registerClient("sigterm-connector");
      Task sync = Tasks.syncFull();
      c1.tasks().enqueue(sync);

      ProcessBuilder builder =
          new ProcessBuilder(
                  List.of(
                      Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                      "-cp",
                      System.getProperty("java.class.path"),
                      ServiceProcess.class.getName(),
                      temp.toString()))
              .redirectOutput(dir.resolve("stdout.txt").toFile())
              .redirectError(dir.resolve("stderr.txt").toFile());
      builder.environment().put("BATON_CLIENT_ID", client.clientId());
      builder.environment().put("BATON_CLIENT_SECRET", client.clientSecret());
      builder.environment().put("BATON_HOST_ID", "k8s-deployment");
      builder.environment().put("SSL_CERT_FILE", c1.caCertificate().toString());
      Process process = builder.start();
      Instant signalled;
      try {
        c1.tasks().awaitHeartbeats(sync.getId(), 2, Duration.ofSeconds(60));
        assertThat(c1.tasks().finished(sync.getId())).as("the sync is still running").isEmpty();
        signalled = Instant.now();
        process.destroy(); // SIGTERM
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the process exits").isTrue();
      } finally {
        process.destroyForcibly();
      }
      String stderr = Files.readString(dir.resolve("stderr.txt"));
      assertThat(process.exitValue()).as(stderr).isZero();

      FinishedTask done =
          c1.tasks().finished(sync.getId()).orElseThrow(() -> new AssertionError(stderr));
      assertThat(done.success()).as(done.message()).isTrue();
      assertThat(done.at()).isAfter(signalled);
      assertThat(done.request().getHostId()).isEqualTo("k8s-deployment");
      assertThat(c1.tasks().uploads(sync.getId())).hasSize(1);
      assertThat(c1.calls().of("GetTask"))
          .allSatisfy(c -> assertThat(c.at()).isBefore(signalled.plusMillis(500)));
      assertThat(stderr)
          .contains("SIGTERM received: shutting down gracefully")
          .contains("waiting for 1 running task(s)")
          .contains("Task " + sync.getId() + " (sync_full) finished successfully")
          .contains("All tasks finished; service stopped")
          .contains("run() returned");
      assertThat(stderr).doesNotContain(client.clientSecret()).doesNotContain(client.keys().d());
      for (String token : c1.issuedTokens()) {
        assertThat(stderr).doesNotContain(token);
      }
      try (Stream<Path> left = Files.list(temp)) {
        assertThat(left.filter(p -> p.getFileName().toString().startsWith("baton-sdk-sync-upload")))
            .isEmpty();
      }
    }
  }
}
