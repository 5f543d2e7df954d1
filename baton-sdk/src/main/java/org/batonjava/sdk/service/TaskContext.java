package org.batonjava.sdk.service;

import java.util.ArrayList;
import java.util.List;

/**
 * The cancellation state of one running task, like a Go context: cancelled by a heartbeat answer
 * ({@code cancelled=true}), by too many failed heartbeats, or by a shutdown whose grace period ran
 * out. Work in progress (a sync, an upload) registers what to do when that happens.
 */
final class TaskContext {
  private final String taskId;
  private final String type;
  private final List<Runnable> listeners = new ArrayList<>();
  private String cancelReason;

  TaskContext(String taskId, String type) {
    this.taskId = taskId;
    this.type = type;
  }

  String taskId() {
    return taskId;
  }

  String type() {
    return type;
  }

  /** Cancels the task (first reason wins) and runs the registered actions. */
  void cancel(String reason) {
    List<Runnable> toRun;
    synchronized (this) {
      if (cancelReason != null) {
        return;
      }
      cancelReason = reason;
      toRun = List.copyOf(listeners);
    }
    toRun.forEach(Runnable::run);
  }

  synchronized boolean cancelled() {
    return cancelReason != null;
  }

  synchronized String cancelReason() {
    return cancelReason == null ? "" : cancelReason;
  }

  /** Undoes an {@link #onCancel} registration. */
  interface Registration {
    void remove();
  }

  /** Runs {@code action} on cancellation (at once if already cancelled); remove it when done. */
  Registration onCancel(Runnable action) {
    boolean runNow;
    synchronized (this) {
      runNow = cancelReason != null;
      if (!runNow) {
        listeners.add(action);
      }
    }
    if (runNow) {
      action.run();
    }
    return () -> {
      synchronized (this) {
        listeners.remove(action);
      }
    };
  }

  /** Throws {@link TaskFailure#cancelled()} when cancelled. */
  void throwIfCancelled() {
    if (cancelled()) {
      throw TaskFailure.cancelled();
    }
  }
}
