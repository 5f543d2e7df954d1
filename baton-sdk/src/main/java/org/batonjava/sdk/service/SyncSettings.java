package org.batonjava.sdk.service;

import java.util.Set;

/**
 * Local settings for full-sync tasks; a task's own values win where it has them.
 *
 * @param resourceTypes {@code --sync-resource-types} (used when the task names none); empty = all
 * @param skipEntitlementsAndGrants {@code --skip-entitlements-and-grants}: resources-only syncs
 * @param skipFullSync {@code --skip-full-sync}: validate the connector, upload an empty full sync
 * @param workers {@code --workers}: parallel per-resource sync actions (1 = sequential)
 */
public record SyncSettings(
    Set<String> resourceTypes,
    boolean skipEntitlementsAndGrants,
    boolean skipFullSync,
    int workers) {
  public SyncSettings {
    resourceTypes = Set.copyOf(resourceTypes);
    if (workers < 1) {
      workers = 1;
    }
  }

  public static SyncSettings defaults() {
    return new SyncSettings(Set.of(), false, false, 1);
  }
}
