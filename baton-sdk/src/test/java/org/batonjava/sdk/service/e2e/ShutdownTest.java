package org.batonjava.sdk.service.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import c1.connectorapi.baton.v1.Task;
import com.google.protobuf.Struct;
import io.grpc.Status;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.batonjava.c1sim.FinishedTask;
import org.batonjava.c1sim.Tasks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ServiceRunner.shutdown()}: stop polling, drain within the grace period, cancel what is
 * left.
 */
class ShutdownTest {
  @TempDir Path dir;

  @Test
  void shutdownStopsPollingAndLetsRunningTasksFinishAndReport() throws Exception {
    try (ServiceHarness h = new ServiceHarness(dir);
        LogCapture logs = new LogCapture()) {
      Task task = Tasks.actionInvoke("block", Struct.getDefaultInstance());
      h.c1.tasks().enqueue(task);
      h.start();
      h.c1.tasks().awaitLeases(1, Duration.ofSeconds(20));

      Instant requested = Instant.now();
      Thread stopper = new Thread(h.runner()::shutdown);
      stopper.start();
      Thread.sleep(800);
      assertThat(stopper.isAlive()).as("shutdown waits for the running task").isTrue();
      assertThat(h.running()).isTrue();
      h.connector.unblock.countDown();
      stopper.join(20_000);

      assertThat(h.awaitExit(Duration.ofSeconds(5))).isNull();
      FinishedTask done = h.c1.tasks().awaitFinished(task.getId(), Duration.ofSeconds(1));
      assertThat(done.success()).isTrue();
      assertThat(done.at()).isAfter(requested.plusMillis(700));
      assertThat(h.c1.calls().of("GetTask"))
          .allSatisfy(c -> assertThat(c.at()).isBefore(requested.plusMillis(500)));
      assertThat(logs.text())
          .contains("Shutdown requested: no new tasks will be taken")
          .contains("waiting for 1 running task(s)")
          .contains("All tasks finished; service stopped");
    }
  }

  @Test
  void aSyncStillRunningAfterTheGracePeriodIsCancelledAndReported() throws Exception {
    try (ServiceHarness h = new ServiceHarness(dir)) {
      h.connector.users = 400;
      h.connector.pageDelay = Duration.ofMillis(100); // ~20 s of paging
      Task task = Tasks.syncFull();
      h.c1.tasks().enqueue(task);
      h.start(b -> b.shutdownGrace(Duration.ofSeconds(1)));
      h.c1.tasks().awaitHeartbeats(task.getId(), 1, Duration.ofSeconds(20));

      Instant requested = Instant.now();
      h.runner().shutdown();
      assertThat(Duration.between(requested, Instant.now())).isLessThan(Duration.ofSeconds(10));
      assertThat(h.awaitExit(Duration.ofSeconds(5))).isNull();
      FinishedTask done = h.c1.tasks().awaitFinished(task.getId(), Duration.ofSeconds(1));
      assertThat(done.code()).isEqualTo(Status.Code.CANCELLED);
      assertThat(done.nonRetryable()).isFalse();
    }
  }

  @Test
  void shutdownBeforeRunIsHarmlessAndRunThenReturnsAtOnce() throws Exception {
    try (ServiceHarness h = new ServiceHarness(dir)) {
      org.batonjava.sdk.service.ServiceRunner runner =
          new org.batonjava.sdk.service.ServiceRunner(h.connector, h.config().build());
      runner.shutdown();
      runner.run();
      assertThat(h.c1.calls().all()).isEmpty();
    }
  }
}
