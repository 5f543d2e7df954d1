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
 * Metabase 0.49's data permissions: {@code data: {schemas, native}}. A group has {@code access}
 * when it may query every schema ({@code schemas: "all"}, or {@code impersonated} on paid builds),
 * and also {@code write} when it may write native SQL ({@code native: "write"}, which Metabase only
 * allows together with full schema access). {@code none} and {@code block} give nothing; granular
 * per-schema/table maps give no database-level entitlement and are logged at debug level.
 *
 * <p>Provisioning writes only the group's {@code data} key: granting {@code access} sets {@code
 * schemas: all}; granting {@code write} sets {@code native: write} together with full schema access
 * (keeping {@code impersonated}, which also allows it), so it implies {@code access}, and is
 * refused when the group's access is per schema or per table (native SQL would silently lift those
 * limits; Metabase accepts such a graph without checking); revoking {@code write} sets {@code
 * native: none} and keeps the schema access; revoking {@code access} sets both to {@code none}, so
 * it removes {@code write} too. Downloads, data model and details (paid-only changes on 0.49) are
 * never sent.
 */
public final class LegacyDataPermissions implements PermissionModel {
  public static final DatabasePermission ACCESS = new DatabasePermission("access", "Access");
  public static final DatabasePermission WRITE = new DatabasePermission("write", "Write");

  private static final Logger LOG = LoggerFactory.getLogger(LegacyDataPermissions.class);

  @Override
  public String name() {
    return "0.49 data access (access/write)";
  }

  @Override
  public List<DatabasePermission> permissions() {
    return List.of(ACCESS, WRITE);
  }

  @Override
  public List<DatabasePermission> granted(long groupId, long databaseId, JsonNode permissions) {
    JsonNode data = permissions.get("data");
    if (data == null || !data.isObject()) {
      return List.of();
    }
    JsonNode schemas = data.get("schemas");
    boolean nativeWrite = "write".equals(data.path("native").asText(""));
    if (schemas != null && schemas.isContainerNode()) {
      LOG.debug(
          "database {}: group {} has granular (per schema/table) data access; no database-level entitlement",
          databaseId,
          groupId);
      return List.of();
    }
    String level = schemas == null || schemas.isNull() ? "" : schemas.asText("");
    if (level.equals("none") || level.equals("block")) {
      return List.of();
    }
    boolean access = nativeWrite || level.equals("all") || level.equals("impersonated");
    if (!access) {
      return List.of();
    }
    return nativeWrite ? List.of(ACCESS, WRITE) : List.of(ACCESS);
  }

  @Override
  public boolean fits(JsonNode entry) {
    return !entry.has("view-data") && !entry.has("create-queries");
  }

  @Override
  public Optional<ObjectNode> grant(
      DatabasePermission permission, long groupId, long databaseId, JsonNode current) {
    if (granted(groupId, databaseId, current).contains(permission)) {
      return Optional.empty();
    }
    if (permission.equals(WRITE)) {
      JsonNode schemas = current.path("data").get("schemas");
      if (schemas != null && schemas.isContainerNode()) {
        throw new ConnectorException(
            Status.Code.FAILED_PRECONDITION,
            "group "
                + groupId
                + " has per-schema or"
                + " per-table data access on database "
                + databaseId
                + "; native SQL (write) needs access to all of it and"
                + " would bypass those limits, so write is not granted. Grant access (the whole database) first, or change"
                + " the group's data access in Metabase (Admin → Permissions)");
      }
      return Optional.of(data(fullAccessLevel(current), "write"));
    }
    return Optional.of(data("all", "none"));
  }

  @Override
  public Optional<ObjectNode> revoke(
      DatabasePermission permission, long groupId, long databaseId, JsonNode current) {
    if (!granted(groupId, databaseId, current).contains(permission)) {
      return Optional.empty();
    }
    if (permission.equals(WRITE)) {
      return Optional.of(data(fullAccessLevel(current), "none"));
    }
    return Optional.of(data("none", "none"));
  }

  /**
   * The group's full-access schema level if it has one ({@code all}, or {@code impersonated}), else
   * {@code all}.
   */
  private static String fullAccessLevel(JsonNode current) {
    JsonNode schemas = current.path("data").get("schemas");
    return schemas != null && schemas.isTextual() && schemas.asText().equals("impersonated")
        ? "impersonated"
        : "all";
  }

  private static ObjectNode data(String schemas, String nativeLevel) {
    ObjectNode entry = JsonNodeFactory.instance.objectNode();
    entry.putObject("data").put("schemas", schemas).put("native", nativeLevel);
    return entry;
  }
}
