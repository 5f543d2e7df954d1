package org.batonjava.c1sim;

import c1.connectorapi.baton.v1.BatonServiceFinishTaskRequest;
import c1.connectorapi.baton.v1.Task;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The fake's task state: a queue of scripted tasks, leases (a task handed out by {@code GetTask} to
 * a host until it is finished), cancellations answered by heartbeats, heartbeat counts, uploads and
 * finish reports. Also watches concurrency: how many leases were open when each {@code GetTask}
 * arrived and at most. With {@link #expireLeasesAfter} a lease not renewed by a heartbeat within
 * that time expires, as in ConductorOne: the task goes back to the front of the queue for the next
 * poll.
 */
public final class TaskBoard {
  /** A task handed to a host. */
  record Lease(Task task, String hostId, Instant leasedAt, Instant lastSeen) {}

  private final Clock clock;
  private final Deque<Task> queue = new ArrayDeque<>();
  private final Map<String, Lease> leases = new LinkedHashMap<>();
  private final Set<String> cancelled = new HashSet<>();
  private final Map<String, Integer> heartbeats = new HashMap<>();
  private final Map<String, List<UploadRecord>> uploads = new HashMap<>();
  private final Map<String, FinishedTask> finished = new LinkedHashMap<>();
  private final Set<String> answeredHellos = new HashSet<>();
  private final List<Integer> leasesAtGetTask = new ArrayList<>();
  private int maxLeases;
  private Duration leaseTimeout;
  private final List<String> expired = new ArrayList<>();

  TaskBoard(Clock clock) {
    this.clock = clock;
  }

  /** Queues tasks for the next {@code GetTask} calls, in order. */
  public synchronized void enqueue(Task... tasks) {
    queue.addAll(List.of(tasks));
  }

  /** Heartbeats of {@code taskId} answer {@code cancelled=true} from now on. */
  public synchronized void cancel(String taskId) {
    cancelled.add(taskId);
  }

  /** From now on a lease expires when neither leased nor heartbeated within {@code timeout}. */
  public synchronized void expireLeasesAfter(Duration timeout) {
    this.leaseTimeout = timeout;
  }

  /** Ids of tasks whose lease expired, in order (a task may appear more than once). */
  public synchronized List<String> expired() {
    return List.copyOf(expired);
  }

  /** Puts tasks whose lease ran out back at the front of the queue (called before every lease). */
  private void expireStaleLeases() {
    if (leaseTimeout == null) {
      return;
    }
    Instant now = clock.instant();
    List<Lease> stale =
        leases.values().stream()
            .filter(l -> l.lastSeen().plus(leaseTimeout).isBefore(now))
            .toList();
    for (int i = stale.size() - 1; i >= 0; i--) { // backwards, so the queue keeps their lease order
      Lease lease = stale.get(i);
      leases.remove(lease.task().getId());
      queue.addFirst(lease.task());
    }
    stale.forEach(lease -> expired.add(lease.task().getId()));
  }

  synchronized Optional<Task> lease(String hostId) {
    expireStaleLeases();
    leasesAtGetTask.add(leases.size());
    Task task = queue.poll();
    if (task == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    leases.put(task.getId(), new Lease(task, hostId, now, now));
    maxLeases = Math.max(maxLeases, leases.size());
    notifyAll();
    return Optional.of(task);
  }

  /**
   * Leases up to {@code pageSize} queued tasks (batched polling), skipping any id the caller
   * already knows.
   */
  synchronized List<Task> leaseUpTo(String hostId, int pageSize, List<String> known) {
    expireStaleLeases();
    leasesAtGetTask.add(leases.size());
    List<Task> out = new ArrayList<>();
    while (out.size() < pageSize && !queue.isEmpty()) {
      Task task = queue.poll();
      if (known.contains(task.getId())) {
        continue;
      }
      Instant now = clock.instant();
      leases.put(task.getId(), new Lease(task, hostId, now, now));
      out.add(task);
    }
    maxLeases = Math.max(maxLeases, leases.size());
    notifyAll();
    return out;
  }

  synchronized boolean leasedTo(String taskId, String hostId) {
    Lease lease = leases.get(taskId);
    return lease != null && lease.hostId().equals(hostId);
  }

  synchronized boolean heartbeat(String taskId) {
    heartbeats.merge(taskId, 1, Integer::sum);
    leases.computeIfPresent(
        taskId, (id, l) -> new Lease(l.task(), l.hostId(), l.leasedAt(), clock.instant()));
    notifyAll();
    return cancelled.contains(taskId);
  }

  synchronized void upload(UploadRecord upload) {
    uploads.computeIfAbsent(upload.taskId(), k -> new ArrayList<>()).add(upload);
    notifyAll();
  }

  synchronized void finish(BatonServiceFinishTaskRequest request) {
    leases.remove(request.getTaskId());
    finished.put(request.getTaskId(), new FinishedTask(request, clock.instant()));
    notifyAll();
  }

  synchronized void helloAnswered(String taskId) {
    answeredHellos.add(taskId);
    leases.remove(taskId);
    notifyAll();
  }

  /** Tasks handed out and not finished. */
  public synchronized Set<String> leased() {
    return Set.copyOf(leases.keySet());
  }

  public synchronized int queued() {
    return queue.size();
  }

  /** The most leases open at once. */
  public synchronized int maxLeases() {
    return maxLeases;
  }

  /** For each {@code GetTask}, the number of leases open when it arrived. */
  public synchronized List<Integer> leasesAtGetTask() {
    return List.copyOf(leasesAtGetTask);
  }

  public synchronized int heartbeats(String taskId) {
    return heartbeats.getOrDefault(taskId, 0);
  }

  public synchronized List<UploadRecord> uploads(String taskId) {
    return List.copyOf(uploads.getOrDefault(taskId, List.of()));
  }

  public synchronized Optional<FinishedTask> finished(String taskId) {
    return Optional.ofNullable(finished.get(taskId));
  }

  public synchronized boolean helloAnsweredFor(String taskId) {
    return answeredHellos.contains(taskId);
  }

  /** Waits for the {@code FinishTask} of {@code taskId}. */
  public FinishedTask awaitFinished(String taskId, Duration timeout) {
    awaitCondition(() -> finished.containsKey(taskId), timeout, "FinishTask of " + taskId);
    synchronized (this) {
      return finished.get(taskId);
    }
  }

  /** Waits until {@code taskId} had {@code count} heartbeats. */
  public void awaitHeartbeats(String taskId, int count, Duration timeout) {
    awaitCondition(
        () -> heartbeats.getOrDefault(taskId, 0) >= count,
        timeout,
        count + " heartbeats of " + taskId);
  }

  /** Waits until {@code count} leases are open at once. */
  public void awaitLeases(int count, Duration timeout) {
    awaitCondition(() -> leases.size() >= count, timeout, count + " open leases");
  }

  /** Waits until the Hello task {@code taskId} was answered. */
  public void awaitHello(String taskId, Duration timeout) {
    awaitCondition(() -> answeredHellos.contains(taskId), timeout, "Hello for task " + taskId);
  }

  private synchronized void awaitCondition(
      java.util.function.BooleanSupplier condition, Duration timeout, String what) {
    Instant deadline = Instant.now().plus(timeout);
    while (!condition.getAsBoolean()) {
      long left = Duration.between(Instant.now(), deadline).toMillis();
      if (left <= 0) {
        throw new AssertionError(
            "timed out waiting for "
                + what
                + "; leased "
                + leases.keySet()
                + ", finished "
                + finished.keySet());
      }
      try {
        wait(left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }
}
