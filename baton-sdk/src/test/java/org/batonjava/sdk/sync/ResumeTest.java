package org.batonjava.sdk.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.SortedMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.batonjava.sdk.c1z.C1zOptions;
import org.batonjava.sdk.c1z.C1zStore;
import org.batonjava.sdk.c1z.SyncType;
import org.batonjava.sdk.testconnector.SyntheticConnector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An interrupted sync resumes from its last checkpoint and ends with the content of an
 * uninterrupted one.
 */
class ResumeTest {
  static final SyntheticConnector.Shape SHAPE =
      new SyntheticConnector.Shape(120, 7, 4, 5, 9, 0.0, 3);

  @TempDir Path dir;
  SortedMap<String, String> expected;

  @BeforeEach
  void uninterrupted() {
    SyncOptions o =
        SyncOptions.defaults(dir.resolve("clean.c1z"))
            .withStore(C1zOptions.defaults().withTempDir(dir.resolve("tmp")));
    new SyncEngine(new SyntheticConnector(SHAPE), o, SyncEngineTest.noSleep()).run();
    expected = C1zDump.of(dir.resolve("clean.c1z"));
  }

  @Test
  void cancelAtSeededRandomMomentsThenResume() {
    Random random = new Random(20261128);
    for (int round = 0; round < 6; round++) {
      Path file = dir.resolve("cancel" + round + ".c1z");
      SyncOptions o =
          SyncOptions.defaults(file)
              .withStore(C1zOptions.defaults().withTempDir(dir.resolve("tmp")));
      long stopAt = 1L + random.nextInt(70);
      int interruptions = 0;
      while (true) {
        SyntheticConnector c = new SyntheticConnector(SHAPE);
        AtomicReference<SyncEngine> engine = new AtomicReference<>();
        long limit = stopAt;
        c.hook(
            n -> {
              if (n == limit) {
                engine.get().cancel();
              }
            });
        engine.set(new SyncEngine(c, o, SyncEngineTest.noSleep()));
        try {
          SyncReport r = engine.get().run();
          assertThat(r.resumed()).isEqualTo(interruptions > 0);
          break;
        } catch (SyncInterruptedException e) {
          interruptions++;
          assertThat(e).hasMessageContaining("next run resumes it");
          try (C1zStore store = C1zStore.openReadOnly(file, C1zOptions.defaults())) {
            assertThat(store.syncRuns().resumable(SyncType.FULL)).isPresent();
          }
        }
      }
      assertThat(interruptions).as("round %d was interrupted", round).isPositive();
      assertThat(C1zDump.of(file))
          .as("round %d (stopped at call %d)", round, stopAt)
          .isEqualTo(expected);
    }
  }

  @Test
  void anErrorMidwayLeavesAResumableSync() {
    Path file = dir.resolve("error.c1z");
    SyncOptions o =
        SyncOptions.defaults(file).withStore(C1zOptions.defaults().withTempDir(dir.resolve("tmp")));
    SyntheticConnector failing = new SyntheticConnector(SHAPE);
    failing.hook(
        n -> {
          if (n == 40) {
            throw new IllegalStateException("boom at call 40");
          }
        });
    assertThatThrownBy(() -> new SyncEngine(failing, o, SyncEngineTest.noSleep()).run())
        .hasMessageContaining("boom");
    SyncReport r = new SyncEngine(new SyntheticConnector(SHAPE), o, SyncEngineTest.noSleep()).run();
    assertThat(r.resumed()).isTrue();
    assertThat(C1zDump.of(file)).isEqualTo(expected);
  }

  @Test
  void killDashNineAtRandomMomentsThenResume() throws Exception {
    Random random = new Random(99);
    String java = ProcessHandle.current().info().command().orElse("java");
    for (int round = 0; round < 3; round++) {
      Path file = dir.resolve("kill" + round + ".c1z");
      Process child =
          new ProcessBuilder(
                  java,
                  "-cp",
                  System.getProperty("java.class.path"),
                  ResumeChild.class.getName(),
                  file.toString(),
                  dir.resolve("tmp").toString())
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      BufferedReader out =
          new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      assertThat(out.readLine()).isEqualTo("started");
      Thread.sleep(50 + random.nextInt(400));
      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(Files.exists(file))
          .as("the first checkpoint was saved before listing began")
          .isTrue();
      SyncOptions o =
          SyncOptions.defaults(file)
              .withStore(C1zOptions.defaults().withTempDir(dir.resolve("tmp")));
      SyncReport r =
          new SyncEngine(new SyntheticConnector(SHAPE), o, SyncEngineTest.noSleep()).run();
      assertThat(r.resumed()).as("round %d resumed the killed sync", round).isTrue();
      assertThat(C1zDump.of(file)).as("round %d", round).isEqualTo(expected);
      try (C1zStore store = C1zStore.openReadOnly(file, C1zOptions.defaults())) {
        assertThat(store.syncRuns().all()).hasSize(1);
      }
    }
  }

  /**
   * An unfinished sync this engine did not start (a Go connector's, with its own action fields and
   * connector page tokens) or whose token cannot be read is not continued: a new sync runs and
   * gives the same file contents as an uninterrupted one; the old run stays unfinished.
   */
  @Test
  void anUnfinishedSyncOfAnotherToolOrWithACorruptTokenIsNotContinued() {
    String goToken =
        "{\"actions_map\":{\"3\":{\"id\":\"3\",\"op\":\"list-resources\",\"page_token\":"
            + "\"{\\\"states\\\":[]}\",\"resource_type_id\":\"user\"}},\"action_order\":[\"3\"],"
            + "\"current_action_id\":3,\"version\":1}";
    for (String token : List.of(goToken, "{not json")) {
      Path file = dir.resolve("foreign-" + Integer.toHexString(token.hashCode()) + ".c1z");
      SyncOptions o =
          SyncOptions.defaults(file)
              .withStore(C1zOptions.defaults().withTempDir(dir.resolve("tmp")));
      String foreign;
      try (C1zStore store = C1zStore.open(file, o.store())) {
        foreign = store.syncRuns().start(SyncType.FULL, "");
        store.syncRuns().checkpoint(foreign, token);
        store.save();
      }
      SyncReport r =
          new SyncEngine(new SyntheticConnector(SHAPE), o, SyncEngineTest.noSleep()).run();
      assertThat(r.resumed()).isFalse();
      assertThat(r.syncId()).isNotEqualTo(foreign);
      try (C1zStore store = C1zStore.openReadOnly(file, C1zOptions.defaults())) {
        assertThat(store.syncRuns().latestFinished().orElseThrow().id()).isEqualTo(r.syncId());
        assertThat(store.syncRuns().get(foreign).orElseThrow().finished()).isFalse();
      }
      assertThat(C1zDump.of(file)).isEqualTo(expected);
    }
    assertThat(SyncState.resume(SyncState.fresh(false).toJson()).state())
        .as("our own token is resumed")
        .isPresent();
    assertThat(SyncState.resume(goToken).whyNot()).contains("started by another tool");
  }

  @Test
  void aCorruptTokenIsReportedClearly() {
    assertThatThrownBy(() -> SyncState.parse("{not json"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("sync token of the unfinished sync is corrupt");
    assertThat(SyncState.parse(SyncState.fresh(false).toJson()).peek().orElseThrow().operation())
        .isEqualTo(Operation.INIT);
    assertThat(List.of(SyncState.fresh(false).toJson()))
        .first()
        .asString()
        .isEqualTo(
            "{\"actions_map\":{\"0000000001\":{\"id\":\"0000000001\",\"operation\":\"init\"}},"
                + "\"action_order\":[\"0000000001\"],\"current_action_id\":1,\"version\":1,\"engine\":\"baton-java\"}");
    assertThat(Duration.ZERO).isZero();
  }
}
