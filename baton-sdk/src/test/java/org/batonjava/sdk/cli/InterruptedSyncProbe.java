package org.batonjava.sdk.cli;

import java.util.concurrent.CountDownLatch;
import org.batonjava.sdk.sync.SyncInterruptedException;
import org.batonjava.sdk.sync.SyncReport;

/**
 * A connector binary whose sync blocks until it is cancelled, for {@link
 * ShutdownSignalProcessTest}: it prints {@code syncing} when the sync starts, and after a cancel
 * sleeps (to stand for saving a checkpoint) before failing with {@link SyncInterruptedException}.
 */
public final class InterruptedSyncProbe {
  private InterruptedSyncProbe() {}

  public static void main(String[] args) {
    CountDownLatch cancelled = new CountDownLatch(1);
    BatonApp.builder()
        .name("probe")
        .fields(MetabaseFields.all())
        .connectorFactory(config -> new FakeMetabaseConnector(false))
        .syncJobs(
            (connector, options) ->
                new SyncJob() {
                  @Override
                  public SyncReport run() {
                    System.out.println("syncing");
                    System.out.flush();
                    try {
                      cancelled.await();
                      Thread.sleep(500);
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                    throw new SyncInterruptedException(
                        "sync interrupted after saving a checkpoint; run again to resume");
                  }

                  @Override
                  public void cancel() {
                    cancelled.countDown();
                  }
                })
        .build()
        .runAndExit(args);
  }
}
