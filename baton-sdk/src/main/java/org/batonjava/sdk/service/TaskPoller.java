package org.batonjava.sdk.service;

import c1.connectorapi.baton.v1.BatonServiceGetTaskRequest;
import c1.connectorapi.baton.v1.BatonServiceGetTaskResponse;
import c1.connectorapi.baton.v1.Task;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The poll loop of the Go connector runner: wait the server's {@code next_poll}, take a task slot
 * <em>before</em> asking (so no {@code GetTask} is sent while all slots are busy), ask, and hand a
 * task to the task pool (the slot is released when it ends). Errors back off {@code min(n², 60)}
 * seconds and never end the loop. Unlike Go, the wait between polls never drops below a minimum, so
 * a server that answers {@code next_poll = 0} (or none) does not cause a busy loop; it stays capped
 * at 5 minutes.
 */
final class TaskPoller {
  static final Duration MAX_POLL_INTERVAL = Duration.ofMinutes(5);
  static final long MAX_ERROR_BACKOFF_SECONDS = 60;
  private static final Logger LOG = LoggerFactory.getLogger(TaskPoller.class);

  private final BatonServiceClient client;
  private final String hostId;
  private final Semaphore slots;
  private final ExecutorService pool;
  private final Consumer<Task> runner;
  private final StopSignal stop;
  private final Duration minPollInterval;

  TaskPoller(
      BatonServiceClient client,
      String hostId,
      Semaphore slots,
      ExecutorService pool,
      Consumer<Task> runner,
      StopSignal stop,
      Duration minPollInterval) {
    this.client = client;
    this.hostId = hostId;
    this.slots = slots;
    this.pool = pool;
    this.runner = runner;
    this.stop = stop;
    this.minPollInterval = minPollInterval;
  }

  /** Polls until the stop signal is raised. */
  void run() {
    Duration wait = Duration.ZERO;
    int errors = 0;
    while (!stop.await(wait)) {
      if (!acquireSlot()) {
        return;
      }
      BatonServiceGetTaskResponse response;
      try {
        response =
            client.getTask(BatonServiceGetTaskRequest.newBuilder().setHostId(hostId).build());
      } catch (StatusRuntimeException e) {
        slots.release();
        errors++;
        wait = Duration.ofSeconds(Math.min((long) errors * errors, MAX_ERROR_BACKOFF_SECONDS));
        LOG.warn("GetTask failed ({}); polling again in {} s", describe(e), wait.toSeconds());
        continue;
      }
      errors = 0;
      wait = pollInterval(response);
      if (!response.hasTask()
          || response.getTask().hasNone()
          || response.getTask().getTaskTypeCase() == Task.TaskTypeCase.NONE) {
        slots.release();
        continue;
      }
      submit(response.getTask());
    }
  }

  /** {@code next_poll} clamped to [minimum, 5 min]. */
  Duration pollInterval(BatonServiceGetTaskResponse response) {
    return pollInterval(response.hasNextPoll() ? response.getNextPoll() : null, minPollInterval);
  }

  /** A server's {@code next_poll} (null when absent) clamped to [minimum, 5 min]. */
  static Duration pollInterval(com.google.protobuf.Duration nextPoll, Duration minimum) {
    Duration asked =
        nextPoll == null
            ? Duration.ZERO
            : Duration.ofSeconds(nextPoll.getSeconds(), nextPoll.getNanos());
    if (asked.compareTo(minimum) < 0) {
      return minimum;
    }
    return asked.compareTo(MAX_POLL_INTERVAL) > 0 ? MAX_POLL_INTERVAL : asked;
  }

  private boolean acquireSlot() {
    try {
      while (!slots.tryAcquire(200, TimeUnit.MILLISECONDS)) {
        if (stop.raised()) {
          return false;
        }
      }
      if (stop.raised()) {
        slots.release();
        return false;
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void submit(Task task) {
    try {
      pool.execute(
          () -> {
            try {
              runner.accept(task);
            } finally {
              slots.release();
            }
          });
    } catch (RejectedExecutionException e) {
      slots.release();
      LOG.warn(
          "Task {} arrived while shutting down; it was not started and its lease will expire",
          task.getId());
    }
  }

  static String describe(StatusRuntimeException e) {
    String d = e.getStatus().getDescription();
    return e.getStatus().getCode() + (d == null ? "" : ": " + d);
  }
}
