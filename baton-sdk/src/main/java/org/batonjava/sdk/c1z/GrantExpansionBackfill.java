package org.batonjava.sdk.c1z;

import c1.connector.v2.Grant;
import com.google.protobuf.InvalidProtocolBufferException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * Migration for files written before the expansion columns existed: for every sync with {@code
 * grants_backfilled = 0}, moves the {@code GrantExpandable} annotation of each grant blob into the
 * {@code expansion}/{@code needs_expansion} columns, then marks the sync backfilled. Works page by
 * page.
 */
final class GrantExpansionBackfill {
  private static final int PAGE = 10_000;

  private final Connection db;

  GrantExpansionBackfill(Connection db) {
    this.db = db;
  }

  void run() throws SQLException {
    List<String> syncIds = new ArrayList<>();
    try (PreparedStatement ps =
            db.prepareStatement("select sync_id from v1_sync_runs where grants_backfilled = 0");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        syncIds.add(rs.getString(1));
      }
    }
    for (String syncId : syncIds) {
      backfill(syncId);
      try (PreparedStatement ps =
          db.prepareStatement("update v1_sync_runs set grants_backfilled = 1 where sync_id = ?")) {
        ps.setString(1, syncId);
        ps.executeUpdate();
      }
    }
  }

  private void backfill(String syncId) throws SQLException {
    long from = 0;
    while (true) {
      List<Object[]> updates = new ArrayList<>();
      long last = -1;
      try (PreparedStatement ps =
          db.prepareStatement(
              "select id, data from v1_grants where sync_id = ? and id >= ? order by id limit ?")) {
        ps.setString(1, syncId);
        ps.setLong(2, from);
        ps.setInt(3, PAGE);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            last = rs.getLong(1);
            GrantRow row = GrantRow.of(parse(rs.getBytes(2)));
            if (row.expansion().isPresent()) {
              updates.add(
                  new Object[] {
                    ProtoBytes.deterministic(row.expansion().get()),
                    ProtoBytes.deterministic(row.stripped()),
                    last
                  });
            }
          }
        }
      }
      try (PreparedStatement up =
          db.prepareStatement(
              "update v1_grants set expansion = ?, needs_expansion = 1, data = ? where id = ?")) {
        for (Object[] u : updates) {
          up.setObject(1, u[0], Types.BLOB);
          up.setBytes(2, (byte[]) u[1]);
          up.setLong(3, (Long) u[2]);
          up.addBatch();
        }
        up.executeBatch();
      }
      if (last < 0) {
        return;
      }
      from = last + 1;
    }
  }

  private static Grant parse(byte[] data) throws SQLException {
    try {
      return Grant.parseFrom(data);
    } catch (InvalidProtocolBufferException e) {
      throw new SQLException("a grant blob is not a c1.connector.v2.Grant: " + e.getMessage(), e);
    }
  }
}
