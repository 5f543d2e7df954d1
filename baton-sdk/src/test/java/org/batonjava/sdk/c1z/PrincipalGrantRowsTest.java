package org.batonjava.sdk.c1z;

import static org.assertj.core.api.Assertions.assertThat;

import c1.connector.v2.Entitlement;
import c1.connector.v2.Grant;
import c1.connector.v2.Resource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Grants by principal, read ahead in chunks on the writer's thread while rows are written: every
 * principal's grants come together and in row order, also when they straddle two chunks.
 */
class PrincipalGrantRowsTest {
  private static final int ENTITLEMENTS = 5;

  @TempDir Path dir;

  @Test
  void principalsThatStraddleChunksComeWholeInOrderWhileRowsAreWritten() {
    int principals = PrincipalGrantRows.CHUNK_ROWS; // 5 rows each: chunk ends fall mid-principal
    List<Entitlement> entitlements = new ArrayList<>();
    for (int e = 0; e < ENTITLEMENTS; e++) {
      entitlements.add(Rows.entitlement(Rows.resource("group", "g" + e, "Group " + e), "member"));
    }
    C1zOptions options =
        C1zOptions.defaults()
            .withTempDir(dir.resolve("tmp"))
            .withClock(Clock.fixed(Instant.parse("2026-12-04T10:00:00Z"), ZoneOffset.UTC));
    try (C1zStore store = C1zStore.open(dir.resolve("sync.c1z"), options)) {
      String syncId = store.syncRuns().start(SyncType.FULL, "");
      store.beginBulkLoad();
      for (Entitlement e : entitlements) {
        List<Grant> page = new ArrayList<>();
        for (int p = principals - 1; p >= 0; p--) {
          page.add(Rows.grant(e, user(p)));
        }
        store.writer().putGrants(syncId, page);
      }

      List<List<StoredGrant>> groups = new ArrayList<>();
      try (PrincipalGrantRows rows =
          store.grantsByPrincipal(syncId, entitlements.stream().map(Entitlement::getId).toList())) {
        for (List<StoredGrant> g = rows.nextPrincipal(); !g.isEmpty(); g = rows.nextPrincipal()) {
          groups.add(g);
          // Rows written meanwhile (as expansion does) do not disturb the read.
          store
              .writer()
              .putGrants(
                  syncId, List.of(Rows.grant(entitlements.get(0), user(-1 - groups.size()))));
        }
      }

      assertThat(groups).hasSize(principals);
      for (int p = 0; p < principals; p++) {
        List<StoredGrant> g = groups.get(p);
        assertThat(g).extracting(StoredGrant::principalId).containsOnly(id(p));
        assertThat(g)
            .extracting(StoredGrant::entitlementId)
            .containsExactlyElementsOf(entitlements.stream().map(Entitlement::getId).toList());
        assertThat(g).extracting(StoredGrant::id).isSorted();
      }
    }
  }

  private static Resource user(int n) {
    return Rows.resource("user", id(n), "User " + n);
  }

  private static String id(int n) {
    return n < 0 ? "written-later-" + -n : String.format("u%05d", n);
  }
}
