package org.batonjava.metabase.connector;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Metabase 0.50+'s data permissions, read from {@code create-queries}: {@code query-builder} gives the
 * {@code query-builder} entitlement, {@code query-builder-and-native} gives {@code query-builder-and-native} only
 * (the levels are not cumulative, as in the Go connector), {@code no} or absent gives nothing. A granular
 * per-schema/table map gives no database-level entitlement and is logged at debug level instead of failing.
 */
public final class CreateQueriesPermissions implements PermissionModel {
  public static final DatabasePermission QUERY_BUILDER = new DatabasePermission("query-builder", "Query Builder");
  public static final DatabasePermission QUERY_BUILDER_AND_NATIVE =
      new DatabasePermission("query-builder-and-native", "Query Builder and Native");

  private static final Logger LOG = LoggerFactory.getLogger(CreateQueriesPermissions.class);

  @Override
  public String name() {
    return "0.50+ create-queries (query-builder/query-builder-and-native)";
  }

  @Override
  public List<DatabasePermission> permissions() {
    return List.of(QUERY_BUILDER, QUERY_BUILDER_AND_NATIVE);
  }

  @Override
  public List<DatabasePermission> granted(long groupId, long databaseId, JsonNode permissions) {
    JsonNode createQueries = permissions.get("create-queries");
    if (createQueries == null || createQueries.isNull()) {
      return List.of();
    }
    if (createQueries.isContainerNode()) {
      LOG.debug("database {}: group {} has granular (per schema/table) create-queries permissions;"
          + " no database-level entitlement", databaseId, groupId);
      return List.of();
    }
    return switch (createQueries.asText("")) {
      case "query-builder" -> List.of(QUERY_BUILDER);
      case "query-builder-and-native" -> List.of(QUERY_BUILDER_AND_NATIVE);
      default -> List.of();
    };
  }
}
