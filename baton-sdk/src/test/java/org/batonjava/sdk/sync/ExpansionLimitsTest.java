package org.batonjava.sdk.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Set;
import java.util.SortedMap;
import org.batonjava.sdk.c1z.C1zOptions;
import org.batonjava.sdk.connector.ConnectorException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExpansionLimitsTest {
  @TempDir Path dir;

  SyncReport sync(ChainConnector c, String name) {
    SyncOptions o =
        SyncOptions.defaults(dir.resolve(name))
            .withStore(C1zOptions.defaults().withTempDir(dir.resolve("tmp")));
    return new SyncEngine(c, o, SyncEngineTest.noSleep()).run();
  }

  @Test
  void aChainOfTwentyLevelsExpandsAllTheWay() {
    sync(new ChainConnector(21, Set.of()), "deep.c1z");
    SortedMap<String, String> rows = C1zDump.of(dir.resolve("deep.c1z"));
    for (int i = 0; i <= 20; i++) {
      assertThat(rows).containsKey("grant group:g" + i + ":member:user:u");
    }
    // The user reached g20 through g19: the derived grant names its source.
    assertThat(rows.get("grant group:g20:member:user:u")).contains("group:g19:member");
  }

  @Test
  void deeperThanTwentyLevelsIsRefused() {
    assertThatThrownBy(() -> sync(new ChainConnector(23, Set.of()), "too-deep.c1z"))
        .hasMessageContaining("max depth 20 exceeded");
  }

  @Test
  void notFoundWhileListingGrantsIsAWarning() {
    SyncReport r = sync(new ChainConnector(5, Set.of(3)), "warn.c1z");
    assertThat(r.warnings()).isEqualTo(1);
    SortedMap<String, String> rows = C1zDump.of(dir.resolve("warn.c1z"));
    assertThat(rows)
        .containsKey("grant group:g2:member:user:u")
        .doesNotContainKey("grant group:g3:member:user:u");
  }

  @Test
  void manyNotFoundAnswersStopTheSync() {
    Set<Integer> gone = new java.util.HashSet<>();
    for (int i = 1; i < 20; i++) {
      gone.add(i);
    }
    assertThatThrownBy(() -> sync(new ChainConnector(20, gone), "gone.c1z"))
        .isInstanceOf(ConnectorException.class)
        .hasMessageContaining("too many not-found warnings");
  }
}
