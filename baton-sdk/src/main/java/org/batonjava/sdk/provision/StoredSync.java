package org.batonjava.sdk.provision;

import c1.connector.v2.Entitlement;
import c1.connector.v2.Grant;
import c1.connector.v2.Resource;
import java.nio.file.Path;
import org.batonjava.sdk.c1z.C1zOptions;
import org.batonjava.sdk.c1z.C1zStore;
import org.batonjava.sdk.c1z.SyncRun;
import org.batonjava.sdk.connector.ConnectorException;

/**
 * The latest finished sync of a c1z, read-only: where one-shot provisioning looks up the
 * entitlement, principal or grant it was given. An unknown id is reported with the id and the file.
 */
final class StoredSync implements AutoCloseable {
  private final Path file;
  private final C1zStore store;
  private final String syncId;

  StoredSync(Path file, C1zOptions options) {
    this.file = file;
    this.store = C1zStore.openReadOnly(file, options);
    try {
      SyncRun run =
          store
              .syncRuns()
              .latestFinished()
              .orElseThrow(
                  () ->
                      ConnectorException.notFound(
                          file
                              + " holds no finished sync; run a sync first (without provisioning flags)"));
      this.syncId = run.id();
    } catch (RuntimeException e) {
      store.discard();
      throw e;
    }
  }

  Entitlement entitlement(String id) {
    return store
        .reader()
        .getEntitlement(syncId, id)
        .orElseThrow(
            () ->
                ConnectorException.notFound(
                    "entitlement "
                        + id
                        + " is not in the latest sync of "
                        + file
                        + "; check the id (baton -f "
                        + file
                        + " entitlements) or sync again"));
  }

  Resource resource(String type, String id) {
    return store
        .reader()
        .getResource(syncId, type, id)
        .orElseThrow(
            () ->
                ConnectorException.notFound(
                    "resource "
                        + type
                        + ":"
                        + id
                        + " is not in the latest sync of "
                        + file
                        + "; check the id and type or sync again"));
  }

  Grant grant(String id) {
    return store
        .reader()
        .getGrant(syncId, id)
        .orElseThrow(
            () ->
                ConnectorException.notFound(
                    "grant "
                        + id
                        + " is not in the latest sync of "
                        + file
                        + "; check the id (baton -f "
                        + file
                        + " grants) or sync again"));
  }

  @Override
  public void close() {
    store.discard();
  }
}
