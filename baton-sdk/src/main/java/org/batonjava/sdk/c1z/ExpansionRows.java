package org.batonjava.sdk.c1z;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What grant expansion reads, set at a time: the grants of a source entitlement, each joined with
 * the grants its principal already has on the destination entitlement. One query per chunk of
 * source grants replaces a query per source grant, and rows come back as stored bytes, so no grant
 * is parsed whole.
 */
public final class ExpansionRows {
  /** One grant of the source entitlement, with its principal's grants on the destination. */
  public static final class Source {
    private final StoredGrant grant;
    private final List<byte[]> existing = new ArrayList<>(1);

    Source(StoredGrant grant) {
      this.grant = grant;
    }

    /** The source grant. */
    public StoredGrant grant() {
      return grant;
    }

    /** The stored grants of the same principal on the destination entitlement, in row order. */
    public List<byte[]> existing() {
      return existing;
    }
  }

  /** A chunk of source grants, and the token of the next chunk ("" after the last). */
  public record Chunk(List<Source> sources, String nextPageToken) {}

  private final Connection db;
  private final Runnable beforeRead;
  private final Map<Integer, PreparedStatement> statements = new HashMap<>();

  ExpansionRows(Connection db, Runnable beforeRead) {
    this.db = db;
    this.beforeRead = beforeRead;
  }

  /**
   * Up to {@code limit} grants of {@code sourceEntitlement} from the row id in {@code pageToken},
   * to principals of {@code principalTypes} (empty: any), each with its principal's grants on
   * {@code destinationEntitlement}.
   */
  public Chunk sources(
      String syncId,
      String sourceEntitlement,
      String destinationEntitlement,
      List<String> principalTypes,
      String pageToken,
      int limit) {
    beforeRead.run();
    long from = pageToken.isEmpty() ? 0 : Long.parseLong(pageToken);
    List<Source> sources = new ArrayList<>();
    try {
      PreparedStatement ps = statement(principalTypes.size());
      int i = 1;
      ps.setString(i++, syncId);
      ps.setString(i++, sourceEntitlement);
      for (String type : principalTypes) {
        ps.setString(i++, type);
      }
      ps.setLong(i++, from);
      ps.setInt(i++, limit);
      ps.setString(i++, destinationEntitlement);
      ps.setString(i, syncId);
      try (ResultSet rs = ps.executeQuery()) {
        Source current = null;
        while (rs.next()) {
          long id = rs.getLong(1);
          if (current == null || current.grant().id() != id) {
            current =
                new Source(
                    new StoredGrant(
                        id, sourceEntitlement, rs.getString(2), rs.getString(3), rs.getBytes(4)));
            sources.add(current);
          }
          byte[] existing = rs.getBytes(5);
          if (existing != null) {
            current.existing().add(existing);
          }
        }
      }
    } catch (SQLException e) {
      throw new C1zException("could not read grants to expand: " + e.getMessage(), e);
    }
    String next =
        sources.size() < limit
            ? ""
            : Long.toString(sources.get(sources.size() - 1).grant().id() + 1);
    return new Chunk(sources, next);
  }

  /** Releases the prepared statements. */
  void close() {
    for (PreparedStatement ps : statements.values()) {
      try {
        ps.close();
      } catch (SQLException ignored) {
        // A statement that fails to close holds no data.
      }
    }
    statements.clear();
  }

  private PreparedStatement statement(int principalTypes) throws SQLException {
    PreparedStatement ps = statements.get(principalTypes);
    if (ps == null) {
      String typeFilter =
          principalTypes == 0
              ? ""
              : " and principal_resource_type_id in ("
                  + String.join(", ", Collections.nCopies(principalTypes, "?"))
                  + ")";
      ps =
          db.prepareStatement(
              "select s.id, s.principal_resource_type_id, s.principal_resource_id, s.data, d.data"
                  + " from (select id, principal_resource_type_id, principal_resource_id, data"
                  + " from v1_grants where sync_id = ? and entitlement_id = ?"
                  + typeFilter
                  + " and id >= ? order by id limit ?) s"
                  + " left join v1_grants d on d.entitlement_id = ?"
                  + " and d.principal_resource_type_id = s.principal_resource_type_id"
                  + " and d.principal_resource_id = s.principal_resource_id and d.sync_id = ?"
                  + " order by s.id, d.id");
      statements.put(principalTypes, ps);
    }
    return ps;
  }
}
