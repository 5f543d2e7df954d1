package org.batonjava.metabase.sim.log;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The most recent requests (a bounded ring) and counters per endpoint and status, for tests and
 * benchmarks. Requests to the simulator's own {@code /__sim/} endpoints are not recorded.
 */
public final class RequestLog {
  /** Default number of entries kept. */
  public static final int DEFAULT_CAPACITY = 10_000;

  private final int capacity;
  private final ArrayDeque<RequestLogEntry> recent = new ArrayDeque<>();
  private final Map<String, Map<Integer, LongAdder>> counters = new ConcurrentHashMap<>();
  private final AtomicLong seq = new AtomicLong();

  public RequestLog(int capacity) {
    this.capacity = capacity;
  }

  /** Records a served request and returns its entry. */
  public RequestLogEntry record(
      String timestamp,
      String method,
      String path,
      String query,
      String endpoint,
      int status,
      long durationMs,
      String fault) {
    RequestLogEntry e =
        new RequestLogEntry(
            seq.incrementAndGet(),
            timestamp,
            method,
            path,
            query,
            endpoint,
            status,
            durationMs,
            fault);
    counters
        .computeIfAbsent(endpoint, k -> new ConcurrentHashMap<>())
        .computeIfAbsent(status, k -> new LongAdder())
        .increment();
    synchronized (recent) {
      recent.addLast(e);
      while (recent.size() > capacity) {
        recent.removeFirst();
      }
    }
    return e;
  }

  /** The last {@code limit} entries, oldest first. */
  public List<RequestLogEntry> recent(int limit) {
    synchronized (recent) {
      List<RequestLogEntry> all = new ArrayList<>(recent);
      return List.copyOf(all.subList(Math.max(0, all.size() - limit), all.size()));
    }
  }

  /** Counts per endpoint ({@code METHOD /template}) and status, sorted. */
  public Map<String, Map<Integer, Long>> counters() {
    Map<String, Map<Integer, Long>> out = new TreeMap<>();
    counters.forEach(
        (endpoint, statuses) -> {
          Map<Integer, Long> s = new TreeMap<>();
          statuses.forEach((status, n) -> s.put(status, n.sum()));
          out.put(endpoint, s);
        });
    return out;
  }

  /** Count for one endpoint and status (0 when never seen). */
  public long count(String endpoint, int status) {
    Map<Integer, LongAdder> s = counters.get(endpoint);
    LongAdder n = s == null ? null : s.get(status);
    return n == null ? 0 : n.sum();
  }

  /** Total requests for one endpoint, any status. */
  public long count(String endpoint) {
    Map<Integer, LongAdder> s = counters.get(endpoint);
    return s == null ? 0 : s.values().stream().mapToLong(LongAdder::sum).sum();
  }

  /** Total recorded requests since the last reset. */
  public long total() {
    return counters.values().stream()
        .flatMap(m -> m.values().stream())
        .mapToLong(LongAdder::sum)
        .sum();
  }

  /** Clears entries and counters. */
  public void reset() {
    synchronized (recent) {
      recent.clear();
      counters.clear();
    }
  }
}
