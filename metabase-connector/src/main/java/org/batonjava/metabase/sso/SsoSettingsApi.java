package org.batonjava.metabase.sso;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.batonjava.metabase.http.MetabaseHttp;
import org.batonjava.metabase.http.MetabaseJson;

/**
 * {@code GET /api/setting} (administrators): the list of admin-visible settings, {@code [{key,
 * value, …}]}. Only the group-sync settings are kept — {@code <provider>-group-sync} (boolean) and
 * {@code <provider>-group-mappings} (identity-provider group → list of Metabase group ids) for
 * {@code ldap}, {@code saml} and {@code jwt}; every other setting is skipped while streaming, so no
 * other value (some are secrets, shown obfuscated) is ever kept.
 */
public final class SsoSettingsApi {
  static final Set<String> PROVIDERS = Set.of("ldap", "saml", "jwt");

  private final MetabaseJson json;

  public SsoSettingsApi(MetabaseJson json) {
    this.json = json;
  }

  /** The group-sync settings by key, e.g. {@code saml-group-sync} → {@code true}. */
  Map<String, JsonNode> groupSyncSettings() {
    MetabaseHttp.Answer answer = json.http().getJson("/api/setting", Map.of());
    Map<String, JsonNode> out = new HashMap<>();
    try (JsonParser parser = json.parser(answer)) {
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        throw json.unexpected(answer, "the settings are not a JSON array", parser);
      }
      while (parser.nextToken() == JsonToken.START_OBJECT) {
        String key = null;
        JsonNode value = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String field = parser.currentName();
          parser.nextToken();
          if (field.equals("key")) {
            key = parser.getValueAsString();
          } else if (field.equals("value") && key != null && wanted(key)) {
            value = parser.readValueAsTree();
          } else {
            parser.skipChildren();
          }
        }
        if (key != null && value != null && wanted(key)) {
          out.put(key, value);
        }
      }
    } catch (IOException e) {
      throw json.unreadable(answer, e);
    }
    return out;
  }

  private static boolean wanted(String key) {
    for (String p : PROVIDERS) {
      if (key.equals(p + "-group-sync") || key.equals(p + "-group-mappings")) {
        return true;
      }
    }
    return false;
  }
}
