package org.batonjava.sdk.sync;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.batonjava.sdk.c1z.C1zOptions;

/**
 * What one sync run does.
 *
 * @param file the c1z to write ({@code --file})
 * @param store how the c1z is opened ({@code --c1z-temp-dir} etc.)
 * @param resourceTypes only these resource types ({@code --sync-resource-types}); empty = all
 * @param skipEntitlementsAndGrants a resources-only sync ({@code --skip-entitlements-and-grants})
 * @param skipGrantExpansion leave grant expansion to the server (service mode)
 * @param workers parallel per-resource actions ({@code --workers}); 1 = sequential
 * @param checkpointInterval minimum time between checkpoints written into the sync run (10 s)
 * @param saveInterval minimum time between saves of the c1z during a sync, so that even a killed
 *     process resumes from a recent checkpoint
 */
public record SyncOptions(
    Path file,
    C1zOptions store,
    Set<String> resourceTypes,
    boolean skipEntitlementsAndGrants,
    boolean skipGrantExpansion,
    int workers,
    Duration checkpointInterval,
    Duration saveInterval) {

  public static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofSeconds(10);
  public static final Duration DEFAULT_SAVE_INTERVAL = Duration.ofSeconds(30);

  public SyncOptions {
    resourceTypes = Set.copyOf(resourceTypes);
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1");
    }
  }

  public static SyncOptions defaults(Path file) {
    return new SyncOptions(
        file,
        C1zOptions.defaults(),
        Set.of(),
        false,
        false,
        1,
        DEFAULT_CHECKPOINT_INTERVAL,
        DEFAULT_SAVE_INTERVAL);
  }

  public SyncOptions withStore(C1zOptions s) {
    return new SyncOptions(
        file,
        s,
        resourceTypes,
        skipEntitlementsAndGrants,
        skipGrantExpansion,
        workers,
        checkpointInterval,
        saveInterval);
  }

  public SyncOptions withResourceTypes(Set<String> types) {
    return new SyncOptions(
        file,
        store,
        types,
        skipEntitlementsAndGrants,
        skipGrantExpansion,
        workers,
        checkpointInterval,
        saveInterval);
  }

  public SyncOptions withSkipEntitlementsAndGrants(boolean skip) {
    return new SyncOptions(
        file,
        store,
        resourceTypes,
        skip,
        skipGrantExpansion,
        workers,
        checkpointInterval,
        saveInterval);
  }

  public SyncOptions withSkipGrantExpansion(boolean skip) {
    return new SyncOptions(
        file,
        store,
        resourceTypes,
        skipEntitlementsAndGrants,
        skip,
        workers,
        checkpointInterval,
        saveInterval);
  }

  public SyncOptions withWorkers(int n) {
    return new SyncOptions(
        file,
        store,
        resourceTypes,
        skipEntitlementsAndGrants,
        skipGrantExpansion,
        n,
        checkpointInterval,
        saveInterval);
  }

  public SyncOptions withIntervals(Duration checkpoint, Duration save) {
    return new SyncOptions(
        file,
        store,
        resourceTypes,
        skipEntitlementsAndGrants,
        skipGrantExpansion,
        workers,
        checkpoint,
        save);
  }
}
