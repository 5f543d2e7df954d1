package org.batonjava.sdk.service;

import c1.connectorapi.baton.v1.BatonServiceGetTasksRequest;
import c1.connectorapi.baton.v1.BatonServiceGetTasksResponse;
import c1.connectorapi.baton.v1.Task;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Batched polling ({@code BATON_GET_TASKS=true}, as the Go SDK's batched polling): a local queue
 * filled by {@code GetTasks}. While the tasks known here (queued plus running) are fewer than the
 * task slots and the last {@code next_poll} has passed, it asks for {@code 2 × slots − known} tasks
 * (at most 100), naming every known task id so the server does not send them again; tasks it
 * already knows, or of type {@code none}, are dropped. Queued tasks start as soon as a slot is
 * free. A failed fetch backs off {@code min(n², 60)} seconds, but is only logged at debug while
 * queued work remains. As in {@link TaskPoller}, the wait never drops below the minimum poll
 * interval. Queued tasks that have not started when a shutdown begins are left to ConductorOne
 * (their leases expire), and the log says which.
 */
final class BatchedTaskPoller {
  static final int MAX_PAGE_SIZE = 100;
  private static final Logger LOG = LoggerFactory.getLogger(BatchedTaskPoller.class);
  private static final Duration IDLE_CHECK = Duration.ofMillis(250);

  private final BatonServiceClient client;
  private final String hostId;
  private final int concurrency;
  private final Semaphore slots;
  private final ExecutorService pool;
  private final Consumer<Task> runner;
  private final StopSignal stop;
  private final Duration minPollInterval;
  private final ArrayDeque<Task> queued = new ArrayDeque<>();
  private final Set<String> running = ConcurrentHashMap.newKeySet();
  private final LinkedBlockingQueue<String> ended = new LinkedBlockingQueue<>();

  BatchedTaskPoller(
      BatonServiceClient client,
      String hostId,
      int concurrency,
      Semaphore slots,
      ExecutorService pool,
      Consumer<Task> runner,
      StopSignal stop,
      Duration minPollInterval) {
    this.client = client;
    this.hostId = hostId;
    this.concurrency = concurrency;
    this.slots = slots;
    this.pool = pool;
    this.runner = runner;
    this.stop = stop;
    this.minPollInterval = minPollInterval;
  }

  /** Polls and runs tasks until the stop signal is raised. */
  void run() {
    long nextPollAt = System.nanoTime();
    int errors = 0;
    while (!stop.raised()) {
      startQueued();
      int known = queued.size() + running.size();
      long now = System.nanoTime();
      if (known < concurrency && now - nextPollAt >= 0) {
        try {
          BatonServiceGetTasksResponse response = client.getTasks(request());
          errors = 0;
          nextPollAt =
              System.nanoTime()
                  + TaskPoller.pollInterval(
                          response.hasNextPoll() ? response.getNextPoll() : null, minPollInterval)
                      .toNanos();
          accept(response);
        } catch (StatusRuntimeException e) {
          if (queued.isEmpty()) {
            errors++;
            Duration backoff =
                Duration.ofSeconds(
                    Math.min((long) errors * errors, TaskPoller.MAX_ERROR_BACKOFF_SECONDS));
            LOG.warn(
                "GetTasks failed ({}); polling again in {} s",
                TaskPoller.describe(e),
                backoff.toSeconds());
            nextPollAt = System.nanoTime() + backoff.toNanos();
          } else {
            LOG.debug(
                "GetTasks failed ({}); {} queued task(s) go on",
                TaskPoller.describe(e),
                queued.size());
            nextPollAt = System.nanoTime() + minPollInterval.toNanos();
          }
        }
        continue;
      }
      long untilPoll = Math.max(0, nextPollAt - System.nanoTime());
      waitForAnEndOrStop(
          known < concurrency ? Math.min(untilPoll, IDLE_CHECK.toNanos()) : IDLE_CHECK.toNanos());
    }
    if (!queued.isEmpty()) {
      LOG.warn(
          "Shutting down with {} queued task(s) not started ({}); ConductorOne will lease them again when their"
              + " leases expire",
          queued.size(),
          String.join(", ", queued.stream().map(Task::getId).toList()));
      queued.clear();
    }
  }

  /**
   * Page size and known ids from one snapshot (a task may end meanwhile; then it is simply not
   * named).
   */
  private BatonServiceGetTasksRequest request() {
    Set<String> ids = new LinkedHashSet<>(running);
    queued.forEach(t -> ids.add(t.getId()));
    return BatonServiceGetTasksRequest.newBuilder()
        .setHostId(hostId)
        .setPageSize(Math.max(1, Math.min(MAX_PAGE_SIZE, 2 * concurrency - ids.size())))
        .addAllKnownTaskIds(ids)
        .build();
  }

  private void accept(BatonServiceGetTasksResponse response) {
    for (Task task : response.getTasksList()) {
      boolean known =
          running.contains(task.getId())
              || queued.stream().anyMatch(q -> q.getId().equals(task.getId()));
      if (known || task.hasNone()) {
        continue;
      }
      queued.add(task);
    }
  }

  private void startQueued() {
    while (!queued.isEmpty() && !stop.raised() && slots.tryAcquire()) {
      Task task = queued.poll();
      running.add(task.getId());
      try {
        pool.execute(
            () -> {
              try {
                runner.accept(task);
              } finally {
                running.remove(task.getId());
                slots.release();
                ended.add(task.getId());
              }
            });
      } catch (RejectedExecutionException e) {
        running.remove(task.getId());
        slots.release();
        LOG.warn(
            "Task {} was queued while shutting down; it was not started and its lease will expire",
            task.getId());
      }
    }
  }

  /** Sleeps up to {@code nanos}, waking early when a task ends or the stop signal is raised. */
  private void waitForAnEndOrStop(long nanos) {
    try {
      long deadline = System.nanoTime() + nanos;
      long left = nanos;
      while (left > 0 && !stop.raised()) {
        if (ended.poll(Math.min(left, IDLE_CHECK.toNanos()), TimeUnit.NANOSECONDS) != null) {
          ended.clear();
          return;
        }
        left = deadline - System.nanoTime();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop.raise();
    }
  }
}
