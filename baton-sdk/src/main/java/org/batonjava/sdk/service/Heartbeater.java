package org.batonjava.sdk.service;

import c1.connectorapi.baton.v1.BatonServiceHeartbeatRequest;
import c1.connectorapi.baton.v1.BatonServiceHeartbeatResponse;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a sync task's lease alive, as the Go SDK does: one synchronous heartbeat before the work
 * starts (its failure or a {@code cancelled} answer means "do not run, do not finish"), then one
 * every {@code next_heartbeat} (clamped to [1 s, 5 min]; 30 s when absent or zero). A {@code
 * cancelled} answer, or nine failures in a row, cancels the task.
 */
final class Heartbeater implements AutoCloseable {
  static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
  static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
  static final Duration MAX_INTERVAL = Duration.ofMinutes(5);
  static final int MAX_CONSECUTIVE_FAILURES = 9;
  private static final Logger LOG = LoggerFactory.getLogger(Heartbeater.class);

  /** The first heartbeat failed or said the task is cancelled: the task must not run. */
  static final class NotStarted extends Exception {
    private static final long serialVersionUID = 1L;

    NotStarted(String message) {
      super(message);
    }
  }

  private final BatonServiceClient client;
  private final String hostId;
  private final TaskContext task;
  private final ScheduledExecutorService scheduler;
  private int failures;
  private Duration interval;
  private ScheduledFuture<?> next;
  private boolean closed;

  private Heartbeater(
      BatonServiceClient client,
      String hostId,
      TaskContext task,
      ScheduledExecutorService scheduler) {
    this.client = client;
    this.hostId = hostId;
    this.task = task;
    this.scheduler = scheduler;
  }

  /**
   * Sends the first heartbeat and schedules the next; throws {@link NotStarted} when the task must
   * not run.
   */
  static Heartbeater start(
      BatonServiceClient client,
      String hostId,
      TaskContext task,
      ScheduledExecutorService scheduler)
      throws NotStarted {
    Heartbeater heartbeater = new Heartbeater(client, hostId, task, scheduler);
    BatonServiceHeartbeatResponse first;
    try {
      first = client.heartbeat(heartbeater.request());
    } catch (StatusRuntimeException e) {
      throw new NotStarted("the first heartbeat failed (" + e.getStatus().getCode() + ")");
    }
    if (first.getCancelled()) {
      throw new NotStarted("ConductorOne cancelled the task before it started");
    }
    heartbeater.schedule(first);
    return heartbeater;
  }

  /** The interval a heartbeat answer asks for. */
  static Duration interval(BatonServiceHeartbeatResponse response) {
    if (response == null || !response.hasNextHeartbeat()) {
      return DEFAULT_INTERVAL;
    }
    Duration asked =
        Duration.ofSeconds(
            response.getNextHeartbeat().getSeconds(), response.getNextHeartbeat().getNanos());
    if (asked.isZero() || asked.isNegative()) {
      return DEFAULT_INTERVAL;
    }
    if (asked.compareTo(MIN_INTERVAL) < 0) {
      return MIN_INTERVAL;
    }
    return asked.compareTo(MAX_INTERVAL) > 0 ? MAX_INTERVAL : asked;
  }

  private synchronized void schedule(BatonServiceHeartbeatResponse response) {
    if (response != null) {
      interval = interval(response);
    }
    if (!closed) {
      next = scheduler.schedule(this::beat, interval.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void beat() {
    synchronized (this) {
      if (closed) {
        return;
      }
    }
    BatonServiceHeartbeatResponse response = null;
    try {
      response = client.heartbeat(request());
      failures = 0;
      if (response.getCancelled()) {
        LOG.info("ConductorOne cancelled task {}", task.taskId());
        task.cancel("task was cancelled");
        return;
      }
    } catch (StatusRuntimeException e) {
      failures++;
      LOG.warn(
          "Heartbeat {} of task {} failed ({}/{} in a row)",
          e.getStatus().getCode(),
          task.taskId(),
          failures,
          MAX_CONSECUTIVE_FAILURES);
      if (failures >= MAX_CONSECUTIVE_FAILURES) {
        task.cancel("task failed heartbeat");
        return;
      }
    }
    schedule(response);
  }

  private BatonServiceHeartbeatRequest request() {
    return BatonServiceHeartbeatRequest.newBuilder()
        .setHostId(hostId)
        .setTaskId(task.taskId())
        .build();
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (next != null) {
      next.cancel(false);
    }
  }
}
