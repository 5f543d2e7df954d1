package org.batonjava.sdk.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.batonjava.sdk.c1z.C1zOptions;
import org.batonjava.sdk.c1z.C1zStore;
import org.batonjava.sdk.testconnector.SyntheticConnector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine tells the connector it is done with it as soon as only grant expansion and the save
 * are left, so that per-sync caches (Metabase's membership index) are not held through them.
 */
class ConnectorReleaseTest {
  @TempDir Path dir;

  /** Counts {@link #syncFinished} calls and, when asked to, cancels the sync from there. */
  private static final class Releasing extends ForwardingConnector {
    private final boolean cancelOnRelease;
    SyncEngine engine;
    int released;

    Releasing(boolean cancelOnRelease) {
      super(new SyntheticConnector(SyntheticConnector.Shape.small()));
      this.cancelOnRelease = cancelOnRelease;
    }

    @Override
    public void syncFinished() {
      released++;
      if (cancelOnRelease) {
        engine.cancel();
      }
    }
  }

  private SyncReport run(Releasing connector) {
    SyncOptions options =
        SyncOptions.defaults(dir.resolve("r.c1z"))
            .withStore(C1zOptions.defaults().withTempDir(dir.resolve("tmp")));
    connector.engine = new SyncEngine(connector, options, SyncEngineTest.noSleep());
    return connector.engine.run();
  }

  @Test
  void theConnectorIsReleasedOnceBeforeGrantExpansion() {
    // A cancel asked for at the release stops the sync before expansion: the release came first.
    Releasing cancelling = new Releasing(true);
    assertThatThrownBy(() -> run(cancelling)).isInstanceOf(SyncInterruptedException.class);
    assertThat(cancelling.released).isEqualTo(1);
    try (C1zStore store = C1zStore.openReadOnly(dir.resolve("r.c1z"), C1zOptions.defaults())) {
      assertThat(store.syncRuns().latestFinished()).isEmpty();
    }

    // The resumed sync starts at expansion, releases the connector once more and expands.
    Releasing resuming = new Releasing(false);
    SyncReport report = run(resuming);
    assertThat(report.resumed()).isTrue();
    assertThat(resuming.released).isEqualTo(1);
    assertThat(C1zDump.of(dir.resolve("r.c1z")))
        .containsKey("grant group:g1:member:user:u0")
        .containsKey("grant group:g2:member:user:u0");
  }

  @Test
  void withoutExpansionTheConnectorIsReleasedOnceAtTheEnd() {
    Releasing connector = new Releasing(false);
    SyncOptions options =
        SyncOptions.defaults(dir.resolve("n.c1z"))
            .withStore(C1zOptions.defaults().withTempDir(dir.resolve("tmp")))
            .withSkipGrantExpansion(true);
    connector.engine = new SyncEngine(connector, options, SyncEngineTest.noSleep());
    connector.engine.run();
    assertThat(connector.released).isEqualTo(1);
    assertThat(C1zDump.of(dir.resolve("n.c1z")))
        .containsKey("grant group:g0:member:user:u0")
        .doesNotContainKey("grant group:g1:member:user:u0");
  }
}
