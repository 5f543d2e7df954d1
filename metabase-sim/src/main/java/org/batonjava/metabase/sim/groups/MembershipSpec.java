package org.batonjava.metabase.sim.groups;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.batonjava.metabase.sim.http.ErrorResponses;

/** A parsed {@code user_group_memberships} list: group id → {@code is_group_manager}. */
public final class MembershipSpec {
  private MembershipSpec() {}

  /** Null when the field is absent or null. */
  public static Map<Integer, Boolean> parse(JsonNode body) {
    JsonNode v = body.get("user_group_memberships");
    if (v == null || v.isNull()) {
      return null;
    }
    String expected =
        "nullable sequence of map where {:id -> <value must be an integer greater than zero.>, "
            + ":is_group_manager (optional) -> <boolean>}";
    if (!v.isArray()) {
      throw ErrorResponses.schemaError(
          "user_group_memberships", expected, "invalid type", v.toString());
    }
    Map<Integer, Boolean> out = new LinkedHashMap<>();
    for (JsonNode item : v) {
      JsonNode id = item.get("id");
      JsonNode mgr = item.get("is_group_manager");
      if (!item.isObject()
          || id == null
          || !id.isIntegralNumber()
          || id.asInt() <= 0
          || (mgr != null && !mgr.isNull() && !mgr.isBoolean())) {
        throw ErrorResponses.schemaError(
            "user_group_memberships", expected, "invalid type", v.toString());
      }
      out.put(id.asInt(), mgr != null && mgr.asBoolean());
    }
    return out;
  }
}
