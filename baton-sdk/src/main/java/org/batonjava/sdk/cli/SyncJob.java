package org.batonjava.sdk.cli;

import org.batonjava.sdk.connector.Connector;
import org.batonjava.sdk.sync.SyncEngine;
import org.batonjava.sdk.sync.SyncOptions;
import org.batonjava.sdk.sync.SyncReport;

/**
 * One sync run as the CLI drives it: {@link #run()} on the main thread, {@link #cancel()} from a
 * signal.
 */
public interface SyncJob {
  SyncReport run();

  void cancel();

  /** Creates the job for a connector and the options built from the flags. */
  @FunctionalInterface
  interface Factory {
    SyncJob create(Connector connector, SyncOptions options);
  }

  /** Jobs backed by the SDK's {@link SyncEngine}. */
  static Factory engine() {
    return (connector, options) -> {
      SyncEngine engine = new SyncEngine(connector, options);
      return new SyncJob() {
        @Override
        public SyncReport run() {
          return engine.run();
        }

        @Override
        public void cancel() {
          engine.cancel();
        }
      };
    };
  }
}
