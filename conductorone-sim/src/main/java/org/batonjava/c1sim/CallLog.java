package org.batonjava.c1sim;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Every BatonService call, in arrival order, with waits for test assertions. */
public final class CallLog {
  private final List<RecordedCall> calls = new ArrayList<>();

  synchronized void add(RecordedCall call) {
    calls.add(call);
    notifyAll();
  }

  public synchronized List<RecordedCall> all() {
    return List.copyOf(calls);
  }

  /** The accepted calls of {@code method}. */
  public synchronized List<RecordedCall> of(String method) {
    return calls.stream().filter(c -> c.method().equals(method) && c.refusal().isEmpty()).toList();
  }

  /** Calls refused by the authentication check. */
  public synchronized List<RecordedCall> refused() {
    return calls.stream().filter(c -> !c.refusal().isEmpty()).toList();
  }

  /**
   * Waits until {@code method} was called (and accepted) {@code count} times; returns those calls.
   */
  public List<RecordedCall> await(String method, int count, Duration timeout) {
    return awaitMatching(
        c -> c.method().equals(method) && c.refusal().isEmpty(),
        count,
        timeout,
        count + " " + method + " call(s)");
  }

  /** Waits until {@code count} calls match. */
  public synchronized List<RecordedCall> awaitMatching(
      Predicate<RecordedCall> filter, int count, Duration timeout, String what) {
    Instant deadline = Instant.now().plus(timeout);
    while (true) {
      List<RecordedCall> matching = calls.stream().filter(filter).toList();
      if (matching.size() >= count) {
        return matching;
      }
      long left = Duration.between(Instant.now(), deadline).toMillis();
      if (left <= 0) {
        throw new AssertionError("timed out waiting for " + what + "; calls so far: " + summary());
      }
      try {
        wait(left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }

  private String summary() {
    List<String> out = new ArrayList<>();
    for (RecordedCall c : calls) {
      out.add(c.method() + (c.refusal().isEmpty() ? "" : "(refused: " + c.refusal() + ")"));
    }
    return out.toString();
  }
}
