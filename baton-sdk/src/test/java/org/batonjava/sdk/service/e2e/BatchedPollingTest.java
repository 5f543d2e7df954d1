package org.batonjava.sdk.service.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import c1.connectorapi.baton.v1.BatonServiceGetTasksRequest;
import c1.connectorapi.baton.v1.Task;
import com.google.protobuf.Struct;
import io.grpc.Status;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.batonjava.c1sim.Faults;
import org.batonjava.c1sim.RecordedCall;
import org.batonjava.c1sim.Tasks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code BATON_GET_TASKS=true}: GetTasks with a local queue, as the Go SDK's batched polling. */
class BatchedPollingTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path dir;

  @Test
  void tasksAreFetchedInPagesQueuedLocallyAndRunNoMoreThanTheSlots() throws Exception {
    try (ServiceHarness h = new ServiceHarness(dir)) {
      List<Task> tasks = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        tasks.add(Tasks.actionInvoke("block", Struct.getDefaultInstance()));
      }
      h.c1.tasks().enqueue(tasks.toArray(Task[]::new));
      h.start(b -> b.taskConcurrency(2).batchedPolling(true));

      h.c1.tasks().awaitLeases(4, WAIT); // first page: 2 × 2 slots − 0 known
      waitUntil(() -> h.connector.blockedNow.get() == 2);
      int pollsWhenSaturated = h.c1.calls().of("GetTasks").size();
      Thread.sleep(1500); // 15 minimum poll intervals: known (4) ≥ slots, so no fetch
      assertThat(h.c1.calls().of("GetTasks")).hasSize(pollsWhenSaturated);
      assertThat(h.c1.calls().of("GetTask")).as("batched mode never uses GetTask").isEmpty();
      assertThat(h.connector.blockedNow.get())
          .as("two run, two wait in the local queue")
          .isEqualTo(2);

      h.connector.unblock.countDown();
      for (Task t : tasks) {
        assertThat(h.c1.tasks().awaitFinished(t.getId(), WAIT).success()).isTrue();
      }
      assertThat(h.connector.blockedMax.get()).isEqualTo(2);
      List<BatonServiceGetTasksRequest> requests =
          h.c1.calls().of("GetTasks").stream()
              .map(c -> (BatonServiceGetTasksRequest) c.request())
              .toList();
      assertThat(requests.get(0).getPageSize()).isEqualTo(4);
      assertThat(requests.get(0).getKnownTaskIdsList()).isEmpty();
      assertThat(requests)
          .allSatisfy(
              r -> {
                assertThat(r.getKnownTaskIdsCount())
                    .as("asks only when fewer tasks are known than slots")
                    .isLessThan(2);
                assertThat(r.getPageSize()).isEqualTo(4 - r.getKnownTaskIdsCount());
                assertThat(r.getHostId()).isNotEmpty();
              });
    }
  }

  @Test
  void fetchErrorsBackOffWhenNothingIsQueued() throws Exception {
    try (ServiceHarness h = new ServiceHarness(dir)) {
      h.c1.faults().fail(Faults.Kind.GET_TASKS, Status.INTERNAL.withDescription("oops"), 1);
      Task task = Tasks.actionInvoke("echo", Struct.getDefaultInstance());
      h.c1.tasks().enqueue(task);
      h.start(b -> b.batchedPolling(true));

      assertThat(h.c1.tasks().awaitFinished(task.getId(), WAIT).success()).isTrue();
      List<RecordedCall> polls = h.c1.calls().of("GetTasks");
      assertThat(Duration.between(polls.get(0).at(), polls.get(1).at()))
          .as("1² s after the first failure")
          .isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }
  }

  @Test
  void atShutdownTheRunningTaskDrainsAndQueuedOnesAreNamedAndLeftToTheirLeases() throws Exception {
    try (ServiceHarness h = new ServiceHarness(dir);
        LogCapture logs = new LogCapture()) {
      Task running = Tasks.actionInvoke("block", Struct.getDefaultInstance());
      Task queued = Tasks.actionInvoke("block", Struct.getDefaultInstance());
      h.c1.tasks().enqueue(running, queued);
      h.start(b -> b.taskConcurrency(1).batchedPolling(true));
      h.c1.tasks().awaitLeases(2, WAIT); // one page of 2 × 1 slot
      waitUntil(() -> h.connector.blockedNow.get() == 1);

      Thread stopper = new Thread(h.runner()::shutdown);
      stopper.start();
      Thread.sleep(500);
      h.connector.unblock.countDown();
      stopper.join(20_000);

      assertThat(h.awaitExit(Duration.ofSeconds(5))).isNull();
      assertThat(h.c1.tasks().awaitFinished(running.getId(), Duration.ofSeconds(5)).success())
          .isTrue();
      assertThat(h.c1.tasks().finished(queued.getId())).as("never started").isEmpty();
      assertThat(h.connector.blockedMax.get()).isEqualTo(1);
      assertThat(logs.text())
          .contains(
              "Shutting down with 1 queued task(s) not started ("
                  + queued.getId()
                  + "); ConductorOne will lease them again when their leases expire");
    }
  }

  private static void waitUntil(java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + WAIT);
      }
      Thread.sleep(10);
    }
  }
}
