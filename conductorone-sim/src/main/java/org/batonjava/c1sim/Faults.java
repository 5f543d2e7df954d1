package org.batonjava.c1sim;

import io.grpc.Status;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** Scripted errors: the next N calls of a kind fail with a status. */
public final class Faults {
  /** What can be made to fail. */
  public enum Kind {
    HELLO,
    GET_TASK,
    GET_TASKS,
    HEARTBEAT,
    UPLOAD,
    FINISH_TASK
  }

  private record Fault(Status status, int left) {}

  private final Map<Kind, Fault> faults = new EnumMap<>(Kind.class);

  /** The next {@code times} calls of {@code kind} fail with {@code status}. */
  public synchronized void fail(Kind kind, Status status, int times) {
    faults.put(kind, new Fault(status, times));
  }

  /** The status the current call must fail with, if any (and counts it). */
  synchronized Optional<Status> take(Kind kind) {
    Fault f = faults.get(kind);
    if (f == null || f.left() <= 0) {
      return Optional.empty();
    }
    faults.put(kind, new Fault(f.status(), f.left() - 1));
    return Optional.of(f.status());
  }
}
