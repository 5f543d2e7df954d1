package org.batonjava.sdk.service;

import c1.connectorapi.baton.v1.Task;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one task to its end: picks the handler for its type, turns what happened into a {@link
 * TaskOutcome} and reports it with {@link TaskFinisher}. Task types this SDK has no handler for
 * finish with Go's {@code UNKNOWN "unsupported task type"} (retryable). Keeps the running tasks so
 * that a shutdown can cancel them.
 */
final class TaskRunner {
  private static final Logger LOG = LoggerFactory.getLogger(TaskRunner.class);

  private final Map<Task.TaskTypeCase, TaskHandler> handlers;
  private final TaskFinisher finisher;
  private final Map<String, TaskContext> running = new ConcurrentHashMap<>();
  private volatile String cancelledAll;

  TaskRunner(Map<Task.TaskTypeCase, TaskHandler> handlers, TaskFinisher finisher) {
    this.handlers = Map.copyOf(handlers);
    this.finisher = finisher;
  }

  /** Runs {@code task} on the calling thread, including its {@code FinishTask}. */
  void run(Task task) {
    String type = task.getTaskTypeCase().name().toLowerCase(Locale.ROOT);
    TaskContext context = new TaskContext(task.getId(), type);
    running.put(task.getId(), context);
    LOG.info("Task {} ({}) started", task.getId(), type);
    if (cancelledAll != null) {
      context.cancel(cancelledAll);
    }
    try {
      finisher.finish(context, outcome(task, context));
    } finally {
      running.remove(task.getId());
    }
  }

  private TaskOutcome outcome(Task task, TaskContext context) {
    TaskHandler handler = handlers.get(task.getTaskTypeCase());
    try {
      if (handler == null) {
        throw TaskFailure.unsupportedTaskType();
      }
      return handler.handle(task, context);
    } catch (TaskFailure failure) {
      return new TaskOutcome.Failure(failure);
    } catch (RuntimeException e) {
      LOG.error("Task {} failed unexpectedly", task.getId(), e);
      return new TaskOutcome.Failure(
          context.cancelled() ? TaskFailure.cancelled() : TaskFailure.fromConnector(e, false));
    }
  }

  /** The tasks running right now. */
  List<TaskContext> running() {
    return List.copyOf(running.values());
  }

  /** Cancels every running task, and any that starts later (a shutdown's grace period is over). */
  void cancelAll(String reason) {
    cancelledAll = reason;
    running.values().forEach(c -> c.cancel(reason));
  }
}
