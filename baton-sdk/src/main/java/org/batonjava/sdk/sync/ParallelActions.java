package org.batonjava.sdk.sync;

import c1.connector.v2.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.batonjava.sdk.connector.PageResult;

/**
 * Runs a batch of per-resource entitlement or grant actions on {@code --workers} threads. Workers
 * only call the connector (every page of their action); the engine thread then stores the results
 * in stack order, so the file ends up exactly as a sequential run would write it.
 */
final class ParallelActions implements AutoCloseable {
  private final ExecutorService pool;
  private final SyncSteps steps;

  ParallelActions(int workers, SyncSteps steps) {
    this.pool =
        workers > 1
            ? Executors.newFixedThreadPool(
                workers,
                r -> {
                  Thread t = new Thread(r, "sync-worker");
                  t.setDaemon(true);
                  return t;
                })
            : null;
    this.steps = steps;
  }

  /** Completes every action of {@code batch} (top of the stack first). */
  void run(List<Action> batch, Runnable checkCancelled) {
    List<Future<List<PageResult<?>>>> futures = new ArrayList<>();
    for (Action a : batch) {
      Resource resource = steps.storedResource(a);
      futures.add(pool.submit(() -> allPages(a, resource, checkCancelled)));
    }
    try {
      for (int i = 0; i < batch.size(); i++) {
        Action current = batch.get(i);
        for (PageResult<?> page : futures.get(i).get()) {
          steps.completePage(current, page);
          if (page != null) {
            current = current.withToken(page.nextToken());
          }
        }
      }
    } catch (ExecutionException e) {
      futures.forEach(f -> f.cancel(true));
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      futures.forEach(f -> f.cancel(true));
      Thread.currentThread().interrupt();
      checkCancelled.run();
    }
  }

  /** Pages of one action until its end, or until a not-found answer (kept as a trailing null). */
  private List<PageResult<?>> allPages(Action a, Resource resource, Runnable checkCancelled) {
    List<PageResult<?>> pages = new ArrayList<>();
    Action current = a;
    while (true) {
      checkCancelled.run();
      PageResult<?> page = steps.fetchPage(current, resource);
      pages.add(page);
      if (page == null || page.nextToken().isEmpty()) {
        return pages;
      }
      current = current.withToken(page.nextToken());
    }
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
