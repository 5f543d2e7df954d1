package org.batonjava.sdk.c1z;

import java.nio.file.Path;
import org.batonjava.sdk.bench.SyntheticGrants;

/**
 * The child process of {@link C1zCrashDuringSaveTest}: opens a c1z, starts one full sync, then
 * again and again writes a batch of grants, checkpoints the number of grants written, and saves.
 * The first batch is small so that a file exists early; every later save replaces it. It prints
 * {@code saving N} right before each save and {@code saved N} right after it, N being the number of
 * grants the save holds.
 *
 * <p>Usage: {@code SaveLoop <file> <work dir> <first batch> <batch> <max saves>}
 */
public final class SaveLoop {
  private SaveLoop() {}

  public static void main(String[] args) {
    Path file = Path.of(args[0]);
    Path work = Path.of(args[1]);
    int firstBatch = Integer.parseInt(args[2]);
    int batch = Integer.parseInt(args[3]);
    int maxSaves = Integer.parseInt(args[4]);
    try (C1zStore store = C1zStore.open(file, C1zOptions.defaults().withTempDir(work))) {
      String syncId = store.syncRuns().start(SyncType.FULL, "");
      long grants = 0;
      for (int saves = 1; saves <= maxSaves; saves++) {
        long next = grants + (saves == 1 ? firstBatch : batch);
        store.writer().putGrants(syncId, SyntheticGrants.range(grants, next));
        grants = next;
        store.syncRuns().checkpoint(syncId, tokenFor(grants));
        System.out.println("saving " + grants);
        System.out.flush();
        store.save();
        System.out.println("saved " + grants);
        System.out.flush();
      }
    }
  }

  /** The sync token saved together with {@code grants} grants. */
  static String tokenFor(long grants) {
    return "{\"grants\":" + grants + "}";
  }
}
