package org.batonjava.sdk.c1z;

import static org.assertj.core.api.Assertions.assertThat;

import c1.connector.v2.ResourceType;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncRunTableTest {
  @TempDir Path dir;

  /** A clock the test moves by hand. */
  static final class ManualClock extends Clock {
    Instant now = Instant.parse("2026-11-01T10:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }
  }

  private final ManualClock clock = new ManualClock();

  private C1zStore open() {
    return C1zStore.open(
        dir.resolve("sync.c1z"),
        C1zOptions.defaults().withTempDir(dir.resolve("tmp")).withClock(clock));
  }

  @Test
  void anUnfinishedSyncIsResumedWithinSevenDays() {
    String id;
    try (C1zStore store = open()) {
      id = store.syncRuns().start(SyncType.FULL, "");
      store.syncRuns().checkpoint(id, "{\"version\":1}");
    }
    clock.advance(Duration.ofDays(6));
    try (C1zStore store = open()) {
      SyncRun run = store.syncRuns().resumable(SyncType.FULL).orElseThrow();
      assertThat(run.id()).isEqualTo(id);
      assertThat(run.syncToken()).isEqualTo("{\"version\":1}");
      assertThat(run.finished()).isFalse();
      assertThat(store.syncRuns().resumable(SyncType.RESOURCES_ONLY)).isEmpty();
    }
    clock.advance(Duration.ofDays(2));
    try (C1zStore store = open()) {
      assertThat(store.syncRuns().resumable(SyncType.FULL)).as("older than 7 days").isEmpty();
    }
  }

  @Test
  void latestFinishedIgnoresUnfinishedSyncs() {
    try (C1zStore store = open()) {
      String first = store.syncRuns().start(SyncType.FULL, "");
      clock.advance(Duration.ofMinutes(1));
      store.syncRuns().end(first, "{}");
      clock.advance(Duration.ofMinutes(1));
      String open = store.syncRuns().start(SyncType.FULL, "");
      assertThat(store.syncRuns().latestFinished()).map(SyncRun::id).contains(first);
      clock.advance(Duration.ofMinutes(1));
      store.syncRuns().end(open, "{\"grants\":1}");
      SyncRun latest = store.syncRuns().latestFinished().orElseThrow();
      assertThat(latest.id()).isEqualTo(open);
      assertThat(latest.statsJson()).contains("{\"grants\":1}");
      assertThat(latest.endedAt()).contains(clock.now);
      // Ending twice keeps the first end time.
      clock.advance(Duration.ofMinutes(1));
      store.syncRuns().end(open, "{}");
      assertThat(store.syncRuns().get(open).orElseThrow().endedAt())
          .contains(clock.now.minus(Duration.ofMinutes(1)));
    }
  }

  @Test
  void cleanupKeepsTheLastTwoFullSyncs() {
    try (C1zStore store = open()) {
      List<String> ids = new java.util.ArrayList<>();
      for (int i = 0; i < 4; i++) {
        String id = store.syncRuns().start(SyncType.FULL, "");
        store
            .writer()
            .putResourceTypes(id, List.of(Rows.type("user", ResourceType.Trait.TRAIT_USER)));
        clock.advance(Duration.ofMinutes(1));
        store.syncRuns().end(id, "{}");
        clock.advance(Duration.ofMinutes(1));
        ids.add(id);
      }
      String resourcesOnly = store.syncRuns().start(SyncType.RESOURCES_ONLY, "");
      clock.advance(Duration.ofMinutes(1));
      store.syncRuns().end(resourcesOnly, "{}");
      String unfinished = store.syncRuns().start(SyncType.FULL, "");

      List<String> deleted = store.cleanup(Optional.empty());
      assertThat(deleted).containsExactlyInAnyOrder(ids.get(0), ids.get(1));
      assertThat(store.syncRuns().all())
          .extracting(SyncRun::id)
          .containsExactly(ids.get(2), ids.get(3), resourcesOnly, unfinished);
      assertThat(store.reader().listResourceTypes(ids.get(0), "", 0).items()).isEmpty();
      assertThat(store.reader().listResourceTypes(ids.get(3), "", 0).items()).hasSize(1);

      // While a sync is being written, one previous full sync is kept.
      assertThat(store.cleanup(Optional.of(unfinished))).containsExactly(ids.get(2));
    }
  }

  @Test
  void partialSyncsOlderThanTheOldestKeptFullSyncGo() {
    try (C1zStore store = open()) {
      String partial = store.syncRuns().start(SyncType.PARTIAL, "");
      clock.advance(Duration.ofMinutes(1));
      store.syncRuns().end(partial, "{}");
      clock.advance(Duration.ofMinutes(1));
      String full = store.syncRuns().start(SyncType.FULL, "");
      clock.advance(Duration.ofMinutes(1));
      store.syncRuns().end(full, "{}");
      assertThat(store.cleanup(Optional.empty())).containsExactly(partial);
    }
  }
}
