package org.batonjava.sdk.sync;

import java.nio.file.Path;
import java.time.Duration;
import org.batonjava.sdk.c1z.C1zOptions;
import org.batonjava.sdk.testconnector.SyntheticConnector;

/** A child process for the kill test: syncs slowly, checkpointing and saving after every step. */
public final class ResumeChild {
  private ResumeChild() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    SyntheticConnector connector = new SyntheticConnector(ResumeTest.SHAPE);
    connector.hook(
        n -> {
          if (n == 1) {
            System.out.println("started");
            System.out.flush();
          }
          try {
            Thread.sleep(3);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    SyncOptions options =
        SyncOptions.defaults(file)
            .withStore(C1zOptions.defaults().withTempDir(Path.of(args[1])))
            .withIntervals(Duration.ZERO, Duration.ZERO);
    new SyncEngine(connector, options, SyncEngineTest.noSleep()).run();
    System.out.println("finished");
  }
}
