package org.batonjava.sdk.c1z;

import c1.connector.v2.Entitlement;
import c1.connector.v2.Grant;
import c1.connector.v2.GrantExpandable;
import c1.connector.v2.Resource;
import c1.connector.v2.ResourceType;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Parser;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the rows of one sync, a page at a time. Pages follow row ids like the Go store: the token
 * is the decimal id to continue from; a page size of 0 or above 10,000 means 10,000. Statements are
 * prepared once per SQL text and kept ({@link StatementCache}); reading grants ends a bulk load
 * first, since grant queries need the indexes it defers.
 */
public final class RowReader {
  public static final int MAX_PAGE_SIZE = 10_000;

  private final Runnable beforeRead;
  private final Runnable beforeGrantRead;
  private final StatementCache statements;

  RowReader(Connection db, Runnable beforeRead, Runnable beforeGrantRead) {
    this.beforeRead = beforeRead;
    this.beforeGrantRead = beforeGrantRead;
    this.statements = new StatementCache(db);
  }

  /** Closes the prepared statements this reader keeps. */
  void close() {
    statements.close();
  }

  public Page<ResourceType> listResourceTypes(String syncId, String pageToken, int pageSize) {
    return page(
        "select id, data from v1_resource_types where sync_id = ?",
        List.of(syncId),
        pageToken,
        pageSize,
        ResourceType.parser());
  }

  /** Every resource type of a sync (there are few), in row order. */
  public List<ResourceType> allResourceTypes(String syncId) {
    List<ResourceType> all = new ArrayList<>();
    String token = "";
    do {
      Page<ResourceType> page = listResourceTypes(syncId, token, 0);
      all.addAll(page.items());
      token = page.nextPageToken();
    } while (!token.isEmpty());
    return all;
  }

  public Page<Resource> listResources(
      String syncId, Optional<String> resourceTypeId, String pageToken, int pageSize) {
    StringBuilder sql = new StringBuilder("select id, data from v1_resources where sync_id = ?");
    List<Object> args = new ArrayList<>(List.of(syncId));
    resourceTypeId.ifPresent(
        t -> {
          sql.append(" and resource_type_id = ?");
          args.add(t);
        });
    return page(sql.toString(), args, pageToken, pageSize, Resource.parser());
  }

  /** Children of one parent resource. */
  public Page<Resource> listChildResources(
      String syncId, String parentType, String parentId, String pageToken, int pageSize) {
    return page(
        "select id, data from v1_resources where sync_id = ? and parent_resource_type_id = ?"
            + " and parent_resource_id = ?",
        List.of(syncId, parentType, parentId),
        pageToken,
        pageSize,
        Resource.parser());
  }

  public Page<Entitlement> listEntitlements(
      String syncId, Optional<Resource> resource, String pageToken, int pageSize) {
    StringBuilder sql = new StringBuilder("select id, data from v1_entitlements where sync_id = ?");
    List<Object> args = new ArrayList<>(List.of(syncId));
    resource.ifPresent(
        r -> {
          sql.append(" and resource_type_id = ? and resource_id = ?");
          args.add(r.getId().getResourceType());
          args.add(r.getId().getResource());
        });
    return page(sql.toString(), args, pageToken, pageSize, Entitlement.parser());
  }

  /** Grants as stored (the {@code GrantExpandable} annotation is not put back). */
  public Page<Grant> listGrants(String syncId, GrantFilter filter, String pageToken, int pageSize) {
    beforeGrantRead.run();
    StringBuilder sql = new StringBuilder("select id, data from v1_grants where sync_id = ?");
    List<Object> args = new ArrayList<>(List.of(syncId));
    filter.entitlementId().ifPresent(v -> where(sql, args, "entitlement_id", v));
    filter.entitlementResourceType().ifPresent(v -> where(sql, args, "resource_type_id", v));
    filter.entitlementResourceId().ifPresent(v -> where(sql, args, "resource_id", v));
    filter.principalType().ifPresent(v -> where(sql, args, "principal_resource_type_id", v));
    filter.principalId().ifPresent(v -> where(sql, args, "principal_resource_id", v));
    if (!filter.principalTypes().isEmpty()) {
      sql.append(" and principal_resource_type_id in (")
          .append(
              String.join(", ", java.util.Collections.nCopies(filter.principalTypes().size(), "?")))
          .append(")");
      args.addAll(filter.principalTypes());
    }
    return page(sql.toString(), args, pageToken, pageSize, Grant.parser());
  }

  /**
   * Every grant of a sync with its {@code GrantExpandable} annotation put back where it has one,
   * whether or not the expansion already ran: what a reader needs to recompute effective access
   * from the grants themselves.
   */
  public Page<Grant> listGrantsWithExpansion(String syncId, String pageToken, int pageSize) {
    beforeGrantRead.run();
    beforeRead.run();
    long from = startId(pageToken);
    int size = size(pageSize);
    List<Grant> items = new ArrayList<>();
    long lastId = -1;
    try {
      PreparedStatement ps =
          statements.get(
              "select id, data, expansion from v1_grants where sync_id = ? and id >= ? order by id limit ?");
      ps.setString(1, syncId);
      ps.setLong(2, from);
      ps.setInt(3, size + 1);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (items.size() == size) {
            return new Page<>(items, Long.toString(lastId + 1));
          }
          lastId = rs.getLong(1);
          Grant stored = Grant.parser().parseFrom(rs.getBytes(2));
          byte[] expansion = rs.getBytes(3);
          items.add(
              expansion == null
                  ? stored
                  : GrantRow.withExpansion(stored, GrantExpandable.parseFrom(expansion)));
        }
      }
    } catch (SQLException | InvalidProtocolBufferException e) {
      throw new C1zException("could not read grants: " + e.getMessage(), e);
    }
    return new Page<>(items, "");
  }

  /**
   * Grants whose expansion is pending, with the {@code GrantExpandable} annotation put back. Does
   * not end a bulk load: pages follow the row id, which needs no grant index.
   */
  public Page<Grant> listGrantsNeedingExpansion(String syncId, String pageToken, int pageSize) {
    beforeRead.run();
    long from = startId(pageToken);
    int size = size(pageSize);
    List<Grant> items = new ArrayList<>();
    long lastId = -1;
    try {
      PreparedStatement ps =
          statements.get(
              "select id, data, expansion from v1_grants where sync_id = ? and expansion is not null"
                  + " and needs_expansion = 1 and id >= ? order by id limit ?");
      ps.setString(1, syncId);
      ps.setLong(2, from);
      ps.setInt(3, size + 1);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (items.size() == size) {
            return new Page<>(items, Long.toString(lastId + 1));
          }
          lastId = rs.getLong(1);
          Grant stored = Grant.parser().parseFrom(rs.getBytes(2));
          items.add(GrantRow.withExpansion(stored, GrantExpandable.parseFrom(rs.getBytes(3))));
        }
      }
    } catch (SQLException | InvalidProtocolBufferException e) {
      throw new C1zException("could not read grants: " + e.getMessage(), e);
    }
    return new Page<>(items, "");
  }

  public Optional<ResourceType> getResourceType(String syncId, String id) {
    return one(
        "select data from v1_resource_types where sync_id = ? and external_id = ?",
        List.of(syncId, id),
        ResourceType.parser());
  }

  public Optional<Resource> getResource(String syncId, String type, String id) {
    return one(
        "select data from v1_resources where sync_id = ? and external_id = ?",
        List.of(syncId, type + ":" + id),
        Resource.parser());
  }

  public Optional<Entitlement> getEntitlement(String syncId, String id) {
    return one(
        "select data from v1_entitlements where sync_id = ? and external_id = ?",
        List.of(syncId, id),
        Entitlement.parser());
  }

  public Optional<Grant> getGrant(String syncId, String id) {
    beforeGrantRead.run();
    return one(
        "select data from v1_grants where sync_id = ? and external_id = ?",
        List.of(syncId, id),
        Grant.parser());
  }

  private static void where(StringBuilder sql, List<Object> args, String column, String value) {
    sql.append(" and ").append(column).append(" = ?");
    args.add(value);
  }

  private <T> Page<T> page(
      String sql, List<Object> args, String pageToken, int pageSize, Parser<T> parser) {
    beforeRead.run();
    long from = startId(pageToken);
    int size = size(pageSize);
    List<T> items = new ArrayList<>();
    long lastId = -1;
    try {
      PreparedStatement ps = statements.get(sql + " and id >= ? order by id limit ?");
      int i = bind(ps, args);
      ps.setLong(i++, from);
      ps.setInt(i, size + 1);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (items.size() == size) {
            return new Page<>(items, Long.toString(lastId + 1));
          }
          lastId = rs.getLong(1);
          items.add(parser.parseFrom(rs.getBytes(2)));
        }
      }
    } catch (SQLException | InvalidProtocolBufferException e) {
      throw new C1zException("could not read the store: " + e.getMessage(), e);
    }
    return new Page<>(items, "");
  }

  private <T> Optional<T> one(String sql, List<Object> args, Parser<T> parser) {
    beforeRead.run();
    try {
      PreparedStatement ps = statements.get(sql);
      bind(ps, args);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(parser.parseFrom(rs.getBytes(1))) : Optional.empty();
      }
    } catch (SQLException | InvalidProtocolBufferException e) {
      throw new C1zException("could not read the store: " + e.getMessage(), e);
    }
  }

  private static int bind(PreparedStatement ps, List<Object> args) throws SQLException {
    int i = 1;
    for (Object arg : args) {
      ps.setObject(i++, arg);
    }
    return i;
  }

  private static long startId(String pageToken) {
    if (pageToken == null || pageToken.isEmpty()) {
      return 0;
    }
    try {
      return Long.parseLong(pageToken);
    } catch (NumberFormatException e) {
      throw new C1zException("invalid page token for the store: " + pageToken);
    }
  }

  private static int size(int pageSize) {
    return pageSize <= 0 || pageSize > MAX_PAGE_SIZE ? MAX_PAGE_SIZE : pageSize;
  }
}
