package org.batonjava.metabase.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.batonjava.metabase.sim.MetabaseSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One connector instance running several syncs (as a long-running service does): each sync reads
 * memberships and the permission graph afresh, so changes made between syncs always show, and none
 * is read twice in a sync.
 */
class RepeatedSyncsTest {
  @TempDir Path dir;

  @Test
  void nothingReadInOneSyncIsReusedInTheNext() {
    try (MetabaseSimulator sim = Sims.demo("0.56", false)) {
      MetabaseConnector connector = Sims.connector(sim, MetabaseVariant.V056, false);
      SyncedFile first = SyncedFile.connectorOutput(connector, dir);
      assertThat(first.grantIds())
          .doesNotContain("group:7:member:user:10", "database:4:query-builder:group:7");

      SimAdmin admin = new SimAdmin(sim);
      admin.post("/api/permissions/membership", "{\"group_id\":7,\"user_id\":10}");
      admin.setPermissions(
          7, 4, "{\"view-data\":\"unrestricted\",\"create-queries\":\"query-builder\"}");

      SyncedFile second = SyncedFile.connectorOutput(connector, dir);
      assertThat(second.grantIds())
          .contains("group:7:member:user:10", "database:4:query-builder:group:7");
      assertThat(sim.requestLog().count("GET /api/permissions/membership")).isEqualTo(2);
      assertThat(sim.requestLog().count("GET /api/permissions/graph"))
          .isEqualTo(2 + 1); // + the revision read by SimAdmin
    }
  }
}
