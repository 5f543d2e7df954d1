package org.batonjava.metabase.databases;

import com.fasterxml.jackson.databind.JsonNode;
import io.grpc.Status;
import java.util.Map;
import org.batonjava.sdk.connector.ConnectorException;

/**
 * Refuses to change query access where the group's entry shows a sandbox or a connection
 * impersonation on the database (Metabase merges both into the graph: view-data {@code
 * impersonated}, tables {@code sandboxed}; 0.49 {@code data.schemas impersonated}, tables {@code
 * segmented}). Metabase's own side effects would silently change them (a data-access write can drop
 * the impersonation or widen a sandboxed table to the whole database), so the connector leaves such
 * groups to be changed in Metabase.
 */
final class RowSecurityCheck {
  private RowSecurityCheck() {}

  static void refuse(long groupId, long databaseId, JsonNode entry) {
    JsonNode view =
        entry.has("data") ? entry.path("data").path("schemas") : entry.path("view-data");
    if (view.isTextual() && view.asText().equals("impersonated")) {
      throw new ConnectorException(
          Status.Code.FAILED_PRECONDITION,
          "group "
              + groupId
              + " uses"
              + " connection impersonation on database "
              + databaseId
              + ", which a change here could silently remove;"
              + " change its access in Metabase (Admin → Permissions)");
    }
    if (view.isObject() && containsLevel(view, "sandboxed", "segmented")) {
      throw new ConnectorException(
          Status.Code.FAILED_PRECONDITION,
          "group "
              + groupId
              + " has"
              + " sandboxed tables on database "
              + databaseId
              + ", which a change here could silently widen to the whole"
              + " database; change its access in Metabase (Admin → Permissions)");
    }
  }

  private static boolean containsLevel(JsonNode schemas, String... levels) {
    for (Map.Entry<String, JsonNode> schema : schemas.properties()) {
      JsonNode v = schema.getValue();
      if (v.isTextual() && matches(v.asText(), levels)) {
        return true;
      }
      for (Map.Entry<String, JsonNode> table : v.properties()) {
        JsonNode t = table.getValue();
        String level = t.isObject() ? t.path("query").asText("") : t.asText("");
        if (matches(level, levels)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean matches(String value, String... levels) {
    for (String l : levels) {
      if (l.equals(value)) {
        return true;
      }
    }
    return false;
  }
}
