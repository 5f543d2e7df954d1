package org.batonjava.sdk.c1z;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Deletes old syncs so a file normally holds the current full sync and one previous one: the newest
 * {@code keep} finished full syncs stay (one fewer while a sync is being written), partial and
 * resources-only syncs that ended before the oldest kept full sync go, diff syncs keep their newest
 * pair, unfinished syncs are never touched. Then the database is vacuumed.
 */
final class SyncCleaner {
  private final Connection db;
  private final SyncRunTable runs;

  SyncCleaner(Connection db, SyncRunTable runs) {
    this.db = db;
    this.runs = runs;
  }

  /** Deletes old syncs and returns the ids of the deleted ones. */
  List<String> clean(Optional<String> currentSyncId, int keep) {
    int limit = currentSyncId.isPresent() ? keep - 1 : keep;
    List<SyncRun> finished = new ArrayList<>();
    for (SyncRun run : runs.all()) {
      if (run.finished() && !currentSyncId.equals(Optional.of(run.id()))) {
        finished.add(run);
      }
    }
    Comparator<SyncRun> newestFirst =
        Comparator.comparing((SyncRun r) -> r.endedAt().orElseThrow())
            .thenComparing(SyncRun::id)
            .reversed();
    finished.sort(newestFirst);

    List<String> doomed = new ArrayList<>();
    List<SyncRun> full = finished.stream().filter(r -> r.type() == SyncType.FULL).toList();
    for (int i = Math.max(limit, 0); i < full.size(); i++) {
      doomed.add(full.get(i).id());
    }
    Optional<Instant> oldestKeptFullStart =
        full.stream()
            .limit(Math.max(limit, 0))
            .map(SyncRun::startedAt)
            .min(Comparator.naturalOrder());
    for (SyncRun run : finished) {
      if (run.type() == SyncType.PARTIAL || run.type() == SyncType.RESOURCES_ONLY) {
        boolean before =
            oldestKeptFullStart
                .map(start -> run.endedAt().orElseThrow().isBefore(start))
                .orElse(false);
        if (before) {
          doomed.add(run.id());
        }
      }
    }
    doomed.addAll(olderDiffSyncs(finished, SyncType.PARTIAL_UPSERTS));
    doomed.addAll(olderDiffSyncs(finished, SyncType.PARTIAL_DELETIONS));
    if (doomed.isEmpty()) {
      return doomed;
    }
    try {
      DiskJournal.run(
          db,
          () -> {
            for (String syncId : doomed) {
              delete(db, syncId);
            }
            db.commit();
            vacuum();
          });
    } catch (SQLException e) {
      throw new C1zException("could not clean up old syncs: " + e.getMessage(), e);
    }
    return doomed;
  }

  private static List<String> olderDiffSyncs(List<SyncRun> newestFirst, SyncType type) {
    return newestFirst.stream().filter(r -> r.type() == type).skip(1).map(SyncRun::id).toList();
  }

  /** Deletes a sync's rows from every table and its run. */
  static void delete(Connection db, String syncId) throws SQLException {
    for (String table : C1zSchema.SYNC_SCOPED_TABLES) {
      try (PreparedStatement ps =
          db.prepareStatement("delete from " + table + " where sync_id = ?")) {
        ps.setString(1, syncId);
        ps.executeUpdate();
      }
    }
    try (PreparedStatement ps = db.prepareStatement("delete from v1_sync_runs where sync_id = ?")) {
      ps.setString(1, syncId);
      ps.executeUpdate();
    }
  }

  private void vacuum() throws SQLException {
    boolean autoCommit = db.getAutoCommit();
    db.setAutoCommit(true);
    try (Statement st = db.createStatement()) {
      st.execute("vacuum");
    } finally {
      db.setAutoCommit(autoCommit);
    }
  }
}
