package org.batonjava.sdk.c1z;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs a store's writes on one background thread, in the order they were submitted, so the caller's
 * thread can make the next rows (a connector's page, grant expansion's derived grants) while SQLite
 * stores the last ones: the two cores of a small machine work at once. At most {@code capacity}
 * tasks wait, which bounds the rows held in memory.
 *
 * <p>A task that fails drops the tasks queued after it (they may depend on it, as the caller's code
 * after a failed call would not have run), and the failure is thrown, once, to the next {@link
 * #submit} or {@link #await}. Waiting is not interruptible: a task takes milliseconds, and the
 * connection must be idle before its owner uses it again.
 */
final class BackgroundWrites implements AutoCloseable {
  /** A write that runs on the background thread. */
  interface Task {
    void run() throws SQLException;

    /** Called instead of {@link #run} when the task is dropped (a failure, or the close). */
    default void drop() {}
  }

  /** What a failed task left: the exception for the caller, and how to undo the transaction. */
  interface Failures {
    RuntimeException onFailure(SQLException e);
  }

  private final String threadName;
  private final int capacity;
  private final Failures failures;
  private final ArrayDeque<Task> queue = new ArrayDeque<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private Thread thread;
  private boolean running;
  private boolean closed;
  private RuntimeException failure;

  BackgroundWrites(String threadName, int capacity, Failures failures) {
    this.threadName = threadName;
    this.capacity = capacity;
    this.failures = failures;
  }

  /** Queues {@code task}; waits while the queue is full. Throws a failure not reported yet. */
  void submit(Task task) {
    lock.lock();
    try {
      if (closed) {
        throw new IllegalStateException("the store's writer is closed");
      }
      throwFailure();
      while (queue.size() >= capacity && failure == null) {
        changed.awaitUninterruptibly();
      }
      throwFailure();
      queue.addLast(task);
      if (thread == null) {
        thread = new Thread(this::loop, threadName);
        thread.setDaemon(true);
        thread.start();
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Waits until every queued task has run; throws a failure not reported yet. */
  void await() {
    lock.lock();
    try {
      while (!queue.isEmpty() || running) {
        changed.awaitUninterruptibly();
      }
      throwFailure();
    } finally {
      lock.unlock();
    }
  }

  /** Drops what is queued, waits for the running task and stops the thread. */
  @Override
  public void close() {
    Thread stopping;
    lock.lock();
    try {
      closed = true;
      dropQueued();
      changed.signalAll();
      stopping = thread;
    } finally {
      lock.unlock();
    }
    if (stopping == null || stopping == Thread.currentThread()) {
      return;
    }
    boolean interrupted = false;
    while (stopping.isAlive()) {
      try {
        stopping.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void loop() {
    while (true) {
      Task task;
      lock.lock();
      try {
        while (queue.isEmpty() && !closed) {
          changed.awaitUninterruptibly();
        }
        if (queue.isEmpty()) {
          return;
        }
        task = queue.removeFirst();
        running = true;
        changed.signalAll();
      } finally {
        lock.unlock();
      }
      RuntimeException failed = null;
      try {
        task.run();
      } catch (SQLException e) {
        failed = failures.onFailure(e);
      } catch (RuntimeException e) {
        failed = e;
      } catch (Error e) {
        failed = new IllegalStateException("the store's writer failed: " + e, e);
      }
      lock.lock();
      try {
        running = false;
        if (failed != null) {
          dropQueued();
          if (failure == null) {
            failure = failed;
          }
        }
        changed.signalAll();
      } finally {
        lock.unlock();
      }
    }
  }

  private void dropQueued() {
    for (Task t : queue) {
      t.drop();
    }
    queue.clear();
  }

  private void throwFailure() {
    RuntimeException f = failure;
    if (f != null) {
      failure = null;
      throw f;
    }
  }
}
