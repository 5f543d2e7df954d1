package org.batonjava.metabase.users;

import io.grpc.Status;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.batonjava.sdk.connector.ConnectorException;

/**
 * Reads the pages of {@code GET /api/user} that a sync will ask for next while it stores the page
 * it has: once a page gives the total, up to {@code concurrency} following pages are requested at
 * once. Pages are still handed out one at a time, in order, and each is exactly the answer to its
 * own offset, so the sync's content and page tokens do not change; only the waiting overlaps.
 *
 * <p>At most {@code concurrency} pages are held ahead, so memory does not grow with the number of
 * users. A failed read ahead surfaces as that page's failure (and the sync's retry reads the page
 * again, directly). With a concurrency of 1 every page is read when asked for, as the Go connectors
 * do. Ahead reads of another sync, or at offsets the sync did not ask for, are cancelled.
 */
final class UserPagePrefetch {
  private final UsersApi client;
  private final int concurrency;
  private final TreeMap<Long, Future<UserPage>> ahead = new TreeMap<>();
  private ThreadPoolExecutor pool;
  private String syncId = "";
  private int aheadLimit;

  UserPagePrefetch(UsersApi client, int concurrency) {
    if (concurrency < 1) {
      throw new IllegalArgumentException("page concurrency must be at least 1");
    }
    this.client = client;
    this.concurrency = concurrency;
  }

  /** The page at {@code offset} of the sync {@code syncId}. */
  synchronized UserPage page(String syncId, long offset, int limit) {
    if (concurrency == 1) {
      return client.listUsers(offset, limit);
    }
    if (!syncId.equals(this.syncId) || limit != aheadLimit) {
      cancelAll();
      this.syncId = syncId;
      this.aheadLimit = limit;
    }
    cancelBefore(offset);
    Future<UserPage> early = ahead.remove(offset);
    UserPage page = early == null ? client.listUsers(offset, limit) : await(early);
    readAhead(offset, page);
    return page;
  }

  private void readAhead(long offset, UserPage page) {
    int step = page.data().size();
    if (step == 0 || page.total() == null || offset + step >= page.total()) {
      cancelAll();
      return;
    }
    long next = offset + step;
    for (int i = 0; i < concurrency && next < page.total(); i++, next += step) {
      long at = next;
      if (!ahead.containsKey(at)) {
        ahead.put(at, pool().submit(() -> client.listUsers(at, aheadLimit)));
      }
    }
  }

  private static UserPage await(Future<UserPage> early) {
    try {
      return early.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new ConnectorException(
          Status.Code.UNAVAILABLE,
          "reading a page of users failed (" + e.getCause().getMessage() + ")",
          e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConnectorException(Status.Code.CANCELLED, "interrupted while reading users", e);
    } catch (CancellationException e) {
      throw new ConnectorException(
          Status.Code.CANCELLED, "reading a page of users was cancelled", e);
    }
  }

  private void cancelBefore(long offset) {
    Iterator<Map.Entry<Long, Future<UserPage>>> it = ahead.headMap(offset).entrySet().iterator();
    while (it.hasNext()) {
      it.next().getValue().cancel(true);
      it.remove();
    }
  }

  private void cancelAll() {
    for (Future<UserPage> f : ahead.values()) {
      f.cancel(true);
    }
    ahead.clear();
  }

  private ThreadPoolExecutor pool() {
    if (pool == null) {
      pool =
          new ThreadPoolExecutor(
              concurrency,
              concurrency,
              30,
              TimeUnit.SECONDS,
              new LinkedBlockingQueue<>(),
              r -> {
                Thread t = new Thread(r, "metabase-user-pages");
                t.setDaemon(true);
                return t;
              });
      pool.allowCoreThreadTimeOut(true);
    }
    return pool;
  }
}
