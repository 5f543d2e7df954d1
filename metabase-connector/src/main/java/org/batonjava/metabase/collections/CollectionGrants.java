package org.batonjava.metabase.collections;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Who holds what on every collection, from one streamed read of {@code GET /api/collection/graph}
 * per sync. Both graph shapes read the same: the dense one (before 0.56.13) lists {@code none} for
 * every group and collection, the sparse one (0.56.13 on) leaves those out; {@code none} and
 * anything unknown are skipped, so only the groups with View or Curate are kept, packed two longs'
 * worth per group.
 */
final class CollectionGrants {
  /** One group's level on a collection. */
  record Holder(long groupId, boolean curate) {}

  private final Map<String, long[]> byCollection;

  private CollectionGrants(Map<String, long[]> byCollection) {
    this.byCollection = byCollection;
  }

  static CollectionGrants read(CollectionsApi api) {
    Map<String, long[]> collected = new HashMap<>();
    api.graph()
        .read(
            (groupId, collection, cell) -> {
              String level = cell.asText("");
              boolean write = "write".equals(level);
              if (!write && !"read".equals(level)) {
                return;
              }
              long[] rows = collected.get(collection);
              long[] grown = rows == null ? new long[1] : Arrays.copyOf(rows, rows.length + 1);
              grown[grown.length - 1] = groupId * 2 + (write ? 1 : 0);
              collected.put(collection, grown);
            });
    collected.values().forEach(Arrays::sort);
    return new CollectionGrants(collected);
  }

  /** The groups with View or Curate on a collection, by group id. */
  Holder[] on(String collection) {
    long[] rows = byCollection.get(collection);
    if (rows == null) {
      return new Holder[0];
    }
    Holder[] out = new Holder[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = new Holder(rows[i] / 2, rows[i] % 2 == 1);
    }
    return out;
  }
}
