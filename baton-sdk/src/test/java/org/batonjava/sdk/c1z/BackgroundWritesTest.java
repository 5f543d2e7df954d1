package org.batonjava.sdk.c1z;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The store writer's background thread: order, failures reported once, nothing run after one. */
class BackgroundWritesTest {
  private final List<String> log = new CopyOnWriteArrayList<>();

  @Test
  void runsTasksInOrderOnItsOwnThreadAndAwaitWaitsForAll() {
    try (BackgroundWrites writes = writes()) {
      for (int i = 0; i < 50; i++) {
        int n = i;
        writes.submit(() -> log.add(n + " " + Thread.currentThread().getName()));
      }
      writes.await();
      assertThat(log).hasSize(50);
      for (int i = 0; i < 50; i++) {
        assertThat(log.get(i)).isEqualTo(i + " test-writer");
      }
    }
  }

  @Test
  void aFailureDropsWhatWasQueuedAfterItAndIsThrownOnceThenWritingGoesOn() throws Exception {
    CountDownLatch hold = new CountDownLatch(1);
    try (BackgroundWrites writes = writes()) {
      writes.submit(
          () -> {
            awaitQuietly(hold);
            throw new SQLException("disk full");
          });
      writes.submit(task("after the failure"));
      hold.countDown();

      assertThatThrownBy(writes::await)
          .isInstanceOf(C1zException.class)
          .hasMessage("failed: disk full");
      assertThat(log).containsExactly("dropped: after the failure");

      writes.submit(task("next"));
      writes.await();
      assertThat(log).containsExactly("dropped: after the failure", "ran: next");
    }
  }

  @Test
  void closeDropsWhatIsQueuedAndRefusesMore() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch hold = new CountDownLatch(1);
    BackgroundWrites writes = writes();
    writes.submit(
        () -> {
          started.countDown();
          awaitQuietly(hold);
        });
    writes.submit(task("queued"));
    started.await();
    Thread closer = new Thread(writes::close);
    closer.start();
    // close() drops the queue, then waits for the running task to end.
    while (closer.getState() != Thread.State.WAITING && closer.isAlive()) {
      Thread.onSpinWait();
    }
    hold.countDown();
    closer.join();

    assertThat(log).containsExactly("dropped: queued");
    assertThatThrownBy(() -> writes.submit(task("late"))).isInstanceOf(IllegalStateException.class);
  }

  private BackgroundWrites writes() {
    return new BackgroundWrites(
        "test-writer", 2, e -> new C1zException("failed: " + e.getMessage()));
  }

  private BackgroundWrites.Task task(String name) {
    return new BackgroundWrites.Task() {
      @Override
      public void run() {
        log.add("ran: " + name);
      }

      @Override
      public void drop() {
        log.add("dropped: " + name);
      }
    };
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
