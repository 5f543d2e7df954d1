package org.batonjava.metabase.resources;

import java.util.function.Supplier;

/**
 * A value read once per sync (the membership map, the permission graph) and shared by all the
 * per-resource calls of that sync, including calls on worker threads. It is keyed by the sync id,
 * replaced when another sync starts and dropped when a sync finishes, so it never outlives one
 * sync. A call without a sync id (a one-off call outside the engine) always reads fresh.
 */
public final class PerSync<T> {
  private String syncId;
  private T value;

  public synchronized T get(String currentSyncId, Supplier<T> load) {
    if (currentSyncId == null || currentSyncId.isEmpty()) {
      return load.get();
    }
    if (!currentSyncId.equals(syncId)) {
      value = null;
      syncId = null;
      T loaded = load.get();
      value = loaded;
      syncId = currentSyncId;
    }
    return value;
  }

  public synchronized void clear() {
    syncId = null;
    value = null;
  }
}
