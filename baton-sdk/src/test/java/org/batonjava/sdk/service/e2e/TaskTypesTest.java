package org.batonjava.sdk.service.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import c1.connector.v2.BatonActionSchema;
import c1.connector.v2.BatonActionStatus;
import c1.connector.v2.InvokeActionResponse;
import c1.connector.v2.ListActionSchemasResponse;
import c1.connectorapi.baton.v1.Task;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.grpc.Status;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.batonjava.c1sim.FinishedTask;
import org.batonjava.c1sim.TaskIds;
import org.batonjava.c1sim.Tasks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unsupported types, server-initiated Hello, actions, and the task-concurrency limit. */
class TaskTypesTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path dir;

  @Test
  void unsupportedTaskTypesFinishWithARetryableUnknownError() throws Exception {
    try (ServiceHarness h = new ServiceHarness(dir)) {
      Task eventFeed = Tasks.eventFeed();
      Task diff = Tasks.createSyncDiff();
      Task typeless = Task.newBuilder().setId(TaskIds.next()).build();
      h.c1.tasks().enqueue(eventFeed, diff, typeless);
      h.start();
      for (Task t : List.of(eventFeed, diff, typeless)) {
        FinishedTask done = h.c1.tasks().awaitFinished(t.getId(), WAIT);
        assertThat(done.code()).isEqualTo(Status.Code.UNKNOWN);
        assertThat(done.message()).isEqualTo("unsupported task type");
        assertThat(done.nonRetryable()).isFalse();
      }
    }
  }

  @Test
  void aHelloTaskIsAnsweredWithHelloAndNotFinished() throws Exception {
    try (ServiceHarness h = new ServiceHarness(dir)) {
      Task hello = Tasks.hello();
      Task after = Tasks.actionListSchemas();
      h.c1.tasks().enqueue(hello, after);
      h.start();
      h.c1.tasks().awaitHello(hello.getId(), WAIT);
      h.c1.tasks().awaitFinished(after.getId(), WAIT);
      assertThat(h.c1.tasks().finished(hello.getId())).isEmpty();
      assertThat(h.c1.calls().of("Hello")).hasSize(2);
      assertThat(h.c1.lastHello().orElseThrow().getTaskId()).isEqualTo(hello.getId());
    }
  }

  @Test
  void actionsAreListedAndInvokedAndAFailedActionIsARetryableError() throws Exception {
    try (ServiceHarness h = new ServiceHarness(dir)) {
      Struct args =
          Struct.newBuilder()
              .putFields("greeting", Value.newBuilder().setStringValue("hi").build())
              .build();
      Task list = Tasks.actionListSchemas();
      Task echo = Tasks.actionInvoke("echo", args);
      Task fail = Tasks.actionInvoke("fail", Struct.getDefaultInstance());
      Task unknown = Tasks.actionInvoke("nope", Struct.getDefaultInstance());
      h.c1.tasks().enqueue(list, echo, fail, unknown);
      h.start();

      assertThat(
              h.c1
                  .tasks()
                  .awaitFinished(list.getId(), WAIT)
                  .response(ListActionSchemasResponse.class)
                  .getSchemasList())
          .extracting(BatonActionSchema::getName)
          .containsExactly("echo", "fail", "block");

      InvokeActionResponse invoked =
          h.c1.tasks().awaitFinished(echo.getId(), WAIT).response(InvokeActionResponse.class);
      assertThat(invoked.getStatus()).isEqualTo(BatonActionStatus.BATON_ACTION_STATUS_COMPLETE);
      assertThat(invoked.getName()).isEqualTo("echo");
      assertThat(invoked.getId()).hasSize(27);
      assertThat(invoked.getResponse()).isEqualTo(args);

      FinishedTask failed = h.c1.tasks().awaitFinished(fail.getId(), WAIT);
      assertThat(failed.code()).isEqualTo(Status.Code.FAILED_PRECONDITION);
      assertThat(failed.message()).contains("the fail action always fails");
      assertThat(failed.nonRetryable()).isFalse();

      FinishedTask missing = h.c1.tasks().awaitFinished(unknown.getId(), WAIT);
      assertThat(missing.code()).isEqualTo(Status.Code.NOT_FOUND);
      assertThat(missing.message()).contains("unknown action nope");
    }
  }

  @Test
  void noMoreThanTaskConcurrencyTasksRunAndNoPollHappensWhileAllSlotsAreBusy() throws Exception {
    try (ServiceHarness h = new ServiceHarness(dir)) {
      List<Task> tasks = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        tasks.add(Tasks.actionInvoke("block", Struct.getDefaultInstance()));
      }
      h.c1.tasks().enqueue(tasks.toArray(Task[]::new));
      h.start(b -> b.taskConcurrency(2));

      h.c1.tasks().awaitLeases(2, WAIT);
      int pollsWhenSaturated = h.c1.calls().of("GetTask").size();
      Thread.sleep(1500); // 15 poll intervals
      assertThat(h.c1.calls().of("GetTask")).hasSize(pollsWhenSaturated);
      assertThat(h.c1.tasks().leased()).hasSize(2);
      assertThat(h.connector.blockedNow.get()).isEqualTo(2);

      h.connector.unblock.countDown();
      for (Task t : tasks) {
        assertThat(h.c1.tasks().awaitFinished(t.getId(), WAIT).success()).isTrue();
      }
      assertThat(h.c1.tasks().maxLeases()).isEqualTo(2);
      assertThat(h.connector.blockedMax.get()).isEqualTo(2);
      assertThat(h.c1.tasks().leasesAtGetTask()).allSatisfy(open -> assertThat(open).isLessThan(2));
    }
  }
}
