package org.batonjava.sdk.sync;

import c1.connector.v2.Entitlement;
import c1.connector.v2.Grant;
import c1.connector.v2.Resource;
import c1.connector.v2.ResourceType;
import com.google.protobuf.TextFormat;
import java.nio.file.Path;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.batonjava.sdk.c1z.C1zOptions;
import org.batonjava.sdk.c1z.C1zStore;
import org.batonjava.sdk.c1z.GrantFilter;
import org.batonjava.sdk.c1z.Page;
import org.batonjava.sdk.c1z.SyncRun;

/**
 * Everything the latest finished sync of a file holds, keyed by kind and id, for equality checks.
 */
final class C1zDump {
  private C1zDump() {}

  static SortedMap<String, String> of(Path file) {
    SortedMap<String, String> rows = new TreeMap<>();
    try (C1zStore store = C1zStore.openReadOnly(file, C1zOptions.defaults())) {
      SyncRun run =
          store
              .syncRuns()
              .latestFinished()
              .orElseThrow(() -> new AssertionError("no finished sync in " + file));
      String id = run.id();
      String t = "";
      do {
        Page<ResourceType> p = store.reader().listResourceTypes(id, t, 0);
        p.items()
            .forEach(x -> rows.put("type " + x.getId(), TextFormat.printer().printToString(x)));
        t = p.nextPageToken();
      } while (!t.isEmpty());
      do {
        Page<Resource> p = store.reader().listResources(id, Optional.empty(), t, 0);
        p.items()
            .forEach(
                x ->
                    rows.put(
                        "resource " + x.getId().getResourceType() + ":" + x.getId().getResource(),
                        TextFormat.printer().printToString(x)));
        t = p.nextPageToken();
      } while (!t.isEmpty());
      do {
        Page<Entitlement> p = store.reader().listEntitlements(id, Optional.empty(), t, 0);
        p.items()
            .forEach(
                x -> rows.put("entitlement " + x.getId(), TextFormat.printer().printToString(x)));
        t = p.nextPageToken();
      } while (!t.isEmpty());
      do {
        Page<Grant> p = store.reader().listGrants(id, GrantFilter.all(), t, 0);
        p.items()
            .forEach(x -> rows.put("grant " + x.getId(), TextFormat.printer().printToString(x)));
        t = p.nextPageToken();
      } while (!t.isEmpty());
      do {
        Page<Grant> p = store.reader().listGrantsNeedingExpansion(id, t, 0);
        p.items()
            .forEach(
                x -> rows.put("expandable " + x.getId(), TextFormat.printer().printToString(x)));
        t = p.nextPageToken();
      } while (!t.isEmpty());
    }
    return rows;
  }

  /** The ids in the order the store lists them (row order), per kind. */
  static java.util.List<String> grantOrder(Path file) {
    java.util.List<String> ids = new java.util.ArrayList<>();
    try (C1zStore store = C1zStore.openReadOnly(file, C1zOptions.defaults())) {
      String id = store.syncRuns().latestFinished().orElseThrow().id();
      String t = "";
      do {
        Page<Grant> p = store.reader().listGrants(id, GrantFilter.all(), t, 0);
        p.items().forEach(x -> ids.add(x.getId()));
        t = p.nextPageToken();
      } while (!t.isEmpty());
    }
    return ids;
  }
}
