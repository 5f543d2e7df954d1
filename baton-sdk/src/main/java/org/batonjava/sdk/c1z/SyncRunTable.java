package org.batonjava.sdk.c1z;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The sync runs of a c1z: start, checkpoint, end, and which sync to read or resume. */
public final class SyncRunTable {
  /** An unfinished sync older than this is not resumed (baton-sdk's rule). */
  public static final Duration RESUME_WINDOW = Duration.ofDays(7);

  private static final String COLUMNS =
      "sync_id, started_at, ended_at, sync_token, sync_type, parent_sync_id, supports_diff, stats";

  private final Connection db;
  private final SyncTime time;
  private final Clock clock;
  private final Ksuid ksuid;
  private final Runnable markDirty;
  private final Runnable beforeWrite;

  /**
   * @param beforeWrite waits until the store's writer is idle: these writes commit, and a commit
   *     must not fall between the writer's own commit and the transaction it begins next
   */
  SyncRunTable(
      Connection db,
      SyncTime time,
      Clock clock,
      Ksuid ksuid,
      Runnable markDirty,
      Runnable beforeWrite) {
    this.db = db;
    this.beforeWrite = beforeWrite;
    this.time = time;
    this.clock = clock;
    this.ksuid = ksuid;
    this.markDirty = markDirty;
  }

  /** Inserts a new, unfinished sync and returns its id. */
  public String start(SyncType type, String parentSyncId) {
    beforeWrite.run();
    Instant now = clock.instant();
    String id = ksuid.next(now);
    try (PreparedStatement ps =
        db.prepareStatement(
            "insert into v1_sync_runs (sync_id, started_at, sync_token, sync_type, parent_sync_id,"
                + " linked_sync_id, grants_backfilled) values (?, ?, '', ?, ?, '', 1)")) {
      ps.setString(1, id);
      ps.setString(2, time.format(now));
      ps.setString(3, type.column());
      ps.setString(4, parentSyncId);
      ps.executeUpdate();
      db.commit();
    } catch (SQLException e) {
      throw new C1zException("could not start a sync: " + e.getMessage(), e);
    }
    markDirty.run();
    return id;
  }

  /** The newest unfinished sync of {@code type} started within the resume window, if any. */
  public Optional<SyncRun> resumable(SyncType type) {
    String cutoff = time.format(clock.instant().minus(RESUME_WINDOW));
    return one(
        "select "
            + COLUMNS
            + " from v1_sync_runs where ended_at is null and sync_type = ?"
            + " and started_at >= ? order by started_at desc, sync_id desc limit 1",
        type.column(),
        cutoff);
  }

  /** Stores the engine's state for {@code syncId}. */
  public void checkpoint(String syncId, String token) {
    update("update v1_sync_runs set sync_token = ? where sync_id = ?", token, syncId);
  }

  /** Records that data collection of {@code syncId} is complete (grant expansion reached). */
  public void markSupportsDiff(String syncId) {
    update("update v1_sync_runs set supports_diff = 1 where sync_id = ?", syncId);
  }

  /** Finishes {@code syncId} (only if still open) and stores its stats JSON. */
  public void end(String syncId, String statsJson) {
    update(
        "update v1_sync_runs set ended_at = ? where sync_id = ? and ended_at is null",
        time.format(clock.instant()),
        syncId);
    update("update v1_sync_runs set stats = ? where sync_id = ?", statsJson, syncId);
  }

  /** The latest finished sync of any type ({@code ended_at DESC, sync_id DESC}). */
  public Optional<SyncRun> latestFinished() {
    return one(
        "select "
            + COLUMNS
            + " from v1_sync_runs where ended_at is not null"
            + " order by ended_at desc, sync_id desc limit 1");
  }

  /** The latest finished sync of one type. */
  public Optional<SyncRun> latestFinished(SyncType type) {
    return one(
        "select "
            + COLUMNS
            + " from v1_sync_runs where ended_at is not null and sync_type = ?"
            + " order by ended_at desc, sync_id desc limit 1",
        type.column());
  }

  /** One sync by id. */
  public Optional<SyncRun> get(String syncId) {
    return one("select " + COLUMNS + " from v1_sync_runs where sync_id = ?", syncId);
  }

  /** Every sync, oldest first. */
  public List<SyncRun> all() {
    return many("select " + COLUMNS + " from v1_sync_runs order by started_at, sync_id");
  }

  private void update(String sql, String... args) {
    beforeWrite.run();
    try (PreparedStatement ps = db.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setString(i + 1, args[i]);
      }
      ps.executeUpdate();
      db.commit();
    } catch (SQLException e) {
      throw new C1zException("could not update sync run: " + e.getMessage(), e);
    }
    markDirty.run();
  }

  private Optional<SyncRun> one(String sql, String... args) {
    List<SyncRun> runs = many(sql, args);
    return runs.isEmpty() ? Optional.empty() : Optional.of(runs.get(0));
  }

  private List<SyncRun> many(String sql, String... args) {
    List<SyncRun> runs = new ArrayList<>();
    try (PreparedStatement ps = db.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setString(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          runs.add(read(rs));
        }
      }
    } catch (SQLException e) {
      throw new C1zException("could not read sync runs: " + e.getMessage(), e);
    }
    return runs;
  }

  private SyncRun read(ResultSet rs) throws SQLException {
    String ended = rs.getString("ended_at");
    return new SyncRun(
        rs.getString("sync_id"),
        time.parse(rs.getString("started_at")),
        Optional.ofNullable(ended).map(time::parse),
        rs.getString("sync_token"),
        SyncType.fromColumn(rs.getString("sync_type")),
        rs.getString("parent_sync_id"),
        rs.getInt("supports_diff") != 0,
        Optional.ofNullable(rs.getString("stats")));
  }
}
