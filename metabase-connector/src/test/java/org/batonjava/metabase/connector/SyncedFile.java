package org.batonjava.metabase.connector;

import c1.connector.v2.Entitlement;
import c1.connector.v2.Grant;
import c1.connector.v2.GrantExpandable;
import c1.connector.v2.Resource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import org.batonjava.sdk.c1z.C1zOptions;
import org.batonjava.sdk.c1z.C1zStore;
import org.batonjava.sdk.c1z.GrantFilter;
import org.batonjava.sdk.c1z.Page;
import org.batonjava.sdk.connector.Annotations;
import org.batonjava.sdk.connector.Connector;
import org.batonjava.sdk.sync.SyncEngine;
import org.batonjava.sdk.sync.SyncOptions;
import org.batonjava.sdk.sync.SyncReport;

/** A connector synced into a c1z through the real sync engine, and what the file holds. */
final class SyncedFile {
  final SyncReport report;
  final Map<String, Resource> resources = new LinkedHashMap<>();
  final Map<String, Entitlement> entitlements = new LinkedHashMap<>();
  final Map<String, Grant> grants = new LinkedHashMap<>();

  /**
   * Grants still waiting for expansion (syncs with expansion skipped), with their GrantExpandable.
   */
  final Map<String, GrantExpandable> expandable = new LinkedHashMap<>();

  final Path file;

  private SyncedFile(Path file, SyncReport report) {
    this.file = file;
    this.report = report;
  }

  /** Syncs with grant expansion skipped: the file then holds exactly what the connector emitted. */
  static SyncedFile connectorOutput(Connector connector, Path dir) {
    return sync(connector, dir, true);
  }

  /** A normal sync, grant expansion included. */
  static SyncedFile expanded(Connector connector, Path dir) {
    return sync(connector, dir, false);
  }

  private static SyncedFile sync(Connector connector, Path dir, boolean skipExpansion) {
    Path file = dir.resolve("sync-" + System.nanoTime() + ".c1z");
    SyncReport report =
        new SyncEngine(
                connector,
                SyncOptions.defaults(file)
                    .withStore(C1zOptions.defaults().withTempDir(dir))
                    .withSkipGrantExpansion(skipExpansion))
            .run();
    SyncedFile out = new SyncedFile(file, report);
    try (C1zStore store = C1zStore.openReadOnly(file, C1zOptions.defaults().withTempDir(dir))) {
      String syncId = report.syncId();
      readAll((token, size) -> store.reader().listResources(syncId, Optional.empty(), token, size))
          .forEach(
              r ->
                  out.resources.put(
                      r.getId().getResourceType() + ":" + r.getId().getResource(), r));
      readAll(
              (token, size) ->
                  store.reader().listEntitlements(syncId, Optional.empty(), token, size))
          .forEach(e -> out.entitlements.put(e.getId(), e));
      readAll((token, size) -> store.reader().listGrants(syncId, GrantFilter.all(), token, size))
          .forEach(g -> out.grants.put(g.getId(), g));
      readAll((token, size) -> store.reader().listGrantsNeedingExpansion(syncId, token, size))
          .forEach(
              g ->
                  out.expandable.put(
                      g.getId(),
                      Annotations.find(g.getAnnotationsList(), GrantExpandable.class)
                          .orElseThrow()));
    }
    return out;
  }

  private static <T> List<T> readAll(BiFunction<String, Integer, Page<T>> page) {
    List<T> all = new ArrayList<>();
    String token = "";
    do {
      Page<T> p = page.apply(token, 1000);
      all.addAll(p.items());
      token = p.nextPageToken();
    } while (!token.isEmpty());
    return all;
  }

  Set<String> resourceIds() {
    return new TreeSet<>(resources.keySet());
  }

  Set<String> entitlementIds() {
    return new TreeSet<>(entitlements.keySet());
  }

  Set<String> grantIds() {
    return new TreeSet<>(grants.keySet());
  }
}
