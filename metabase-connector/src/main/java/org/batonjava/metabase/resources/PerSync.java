package org.batonjava.metabase.resources;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * A value read once per sync (the membership map, the permission graph) and shared by all the
 * per-resource calls of that sync, including calls on worker threads. It is keyed by the sync id,
 * replaced when another sync starts and dropped when a sync finishes, so it never outlives one
 * sync. A call without a sync id (a one-off call outside the engine) always reads fresh.
 *
 * <p>The read may start early, in the background ({@link #prefetch}); a caller then waits for it. A
 * failed read is not kept: the next call reads again.
 *
 * <p>A value that holds resources ({@link AutoCloseable}: the membership index's temporary file) is
 * closed when it is replaced or dropped, or as soon as its read ends if that comes later.
 */
public final class PerSync<T> {
  private String syncId;
  private CompletableFuture<T> value;

  public T get(String currentSyncId, Supplier<T> load) {
    if (currentSyncId == null || currentSyncId.isEmpty()) {
      return load.get();
    }
    CompletableFuture<T> f;
    boolean mine = false;
    synchronized (this) {
      if (!currentSyncId.equals(syncId) || value == null || value.isCompletedExceptionally()) {
        closeWhenRead(value);
        syncId = currentSyncId;
        value = new CompletableFuture<>();
        mine = true;
      }
      f = value;
    }
    if (mine) {
      load(f, load);
    }
    return await(f);
  }

  /**
   * Starts reading the value of sync {@code currentSyncId} on {@code executor}, unless it is read
   * or being read already.
   */
  public void prefetch(String currentSyncId, Supplier<T> load, Executor executor) {
    if (currentSyncId == null || currentSyncId.isEmpty()) {
      return;
    }
    CompletableFuture<T> f;
    synchronized (this) {
      if (currentSyncId.equals(syncId) && value != null && !value.isCompletedExceptionally()) {
        return;
      }
      closeWhenRead(value);
      syncId = currentSyncId;
      value = new CompletableFuture<>();
      f = value;
    }
    executor.execute(() -> load(f, load));
  }

  /** Runs each background read on a new daemon thread named {@code name}. */
  public static Executor daemonThread(String name) {
    return read -> {
      Thread t = new Thread(read, name);
      t.setDaemon(true);
      t.start();
    };
  }

  public synchronized void clear() {
    closeWhenRead(value);
    syncId = null;
    value = null;
  }

  private static <T> void closeWhenRead(CompletableFuture<T> old) {
    if (old != null) {
      // closeQuietly throws nothing, and a failed read has nothing to close.
      var unused = old.thenAccept(PerSync::closeQuietly);
    }
  }

  private static void closeQuietly(Object value) {
    if (value instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception ignored) {
        // Releasing a per-sync value cannot lose data: the sync is done with it.
      }
    }
  }

  private static <T> void load(CompletableFuture<T> f, Supplier<T> load) {
    try {
      f.complete(load.get());
    } catch (RuntimeException | Error e) {
      f.completeExceptionally(e);
    }
  }

  private static <T> T await(CompletableFuture<T> f) {
    try {
      return f.get();
    } catch (ExecutionException | CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while waiting for a per-sync read");
    }
  }
}
