package org.batonjava.metabase.databases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grpc.Status;
import java.util.List;
import java.util.Optional;
import org.batonjava.sdk.connector.ConnectorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Metabase 0.50+'s data permissions, read from {@code create-queries}: {@code query-builder} gives
 * the {@code query-builder} entitlement, {@code query-builder-and-native} gives {@code
 * query-builder-and-native} only (the levels are not cumulative, as in the Go connector), {@code
 * no} or absent gives nothing. A granular per-schema/table map gives no database-level entitlement
 * and is logged at debug level instead of failing.
 *
 * <p>Provisioning writes {@code create-queries}: granting sets the entitlement's level (a group
 * already at {@code query-builder-and-native} keeps it when {@code query-builder} is granted: a
 * grant never lowers access); revoking sets {@code no}. Querying needs {@code view-data:
 * unrestricted}, which Metabase enforces, so a grant sends it too when the group's database-level
 * view-data is {@code blocked}, {@code legacy-no-self-service} or absent ({@code impersonated}
 * stays). Over table-level (granular, e.g. sandboxed or partly blocked) view-data every grant is
 * refused: Metabase writes view-data {@code unrestricted} for the whole database whenever a
 * database-level create-queries above {@code no} is set (its {@code data_permissions} code), which
 * would silently lift those table restrictions. Paid-only values ({@code blocked}) are never sent.
 */
public final class CreateQueriesPermissions implements PermissionModel {
  public static final DatabasePermission QUERY_BUILDER =
      new DatabasePermission("query-builder", "Query Builder");
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
      LOG.debug(
          "database {}: group {} has granular (per schema/table) create-queries permissions;"
              + " no database-level entitlement",
          databaseId,
          groupId);
      return List.of();
    }
    return switch (createQueries.asText("")) {
      case "query-builder" -> List.of(QUERY_BUILDER);
      case "query-builder-and-native" -> List.of(QUERY_BUILDER_AND_NATIVE);
      default -> List.of();
    };
  }

  @Override
  public boolean fits(JsonNode entry) {
    return !entry.has("data");
  }

  @Override
  public Optional<ObjectNode> grant(
      DatabasePermission permission, long groupId, long databaseId, JsonNode current) {
    List<DatabasePermission> held = granted(groupId, databaseId, current);
    if (held.contains(permission) || held.contains(QUERY_BUILDER_AND_NATIVE)) {
      return Optional.empty();
    }
    JsonNode viewData = current.get("view-data");
    if (viewData != null && viewData.isContainerNode()) {
      throw new ConnectorException(
          Status.Code.FAILED_PRECONDITION,
          "group "
              + groupId
              + " has table-level view-data"
              + " permissions (e.g. sandboxed or blocked tables) on database "
              + databaseId
              + "; Metabase would replace"
              + " them with unrestricted access to the whole database when "
              + permission.slug()
              + " is set, so it is"
              + " not granted. Change the group's view-data on the database in Metabase (Admin → Permissions) first, or"
              + " give query access table by table there");
    }
    ObjectNode entry = JsonNodeFactory.instance.objectNode();
    boolean canView =
        viewData != null
            && (viewData.asText("").equals("unrestricted")
                || viewData.asText("").equals("impersonated"));
    if (!canView) {
      entry.put("view-data", "unrestricted");
    }
    entry.put("create-queries", permission.slug());
    return Optional.of(entry);
  }

  @Override
  public Optional<ObjectNode> revoke(
      DatabasePermission permission, long groupId, long databaseId, JsonNode current) {
    if (!granted(groupId, databaseId, current).contains(permission)) {
      return Optional.empty();
    }
    ObjectNode entry = JsonNodeFactory.instance.objectNode();
    entry.put("create-queries", "no");
    return Optional.of(entry);
  }
}
