package org.batonjava.metabase.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A per-sync value that holds resources is closed once no sync can use it any more. */
class PerSyncTest {
  /** A value that records whether it was closed. */
  private static final class Held implements AutoCloseable {
    final String name;
    boolean closed;

    Held(String name) {
      this.name = name;
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  @Test
  void aValueIsKeptForItsSyncAndClosedWhenReplacedOrCleared() {
    PerSync<Held> perSync = new PerSync<>();
    List<Held> made = new ArrayList<>();
    Held first = perSync.get("sync1", () -> add(made, "first"));
    assertThat(perSync.get("sync1", () -> add(made, "unused"))).isSameAs(first);
    assertThat(first.closed).isFalse();

    Held second = perSync.get("sync2", () -> add(made, "second"));
    assertThat(first.closed).isTrue();
    assertThat(second.closed).isFalse();

    perSync.clear();
    assertThat(second.closed).isTrue();
    assertThat(made).extracting(h -> h.name).containsExactly("first", "second");
  }

  @Test
  void aValueStillBeingReadWhenClearedIsClosedWhenItArrives() throws Exception {
    PerSync<Held> perSync = new PerSync<>();
    AtomicReference<Runnable> pending = new AtomicReference<>();
    Held late = new Held("late");
    perSync.prefetch("sync1", () -> late, pending::set);
    perSync.clear();
    assertThat(late.closed).isFalse();

    pending.get().run();
    assertThat(late.closed).isTrue();
  }

  private static Held add(List<Held> made, String name) {
    Held h = new Held(name);
    made.add(h);
    return h;
  }
}
