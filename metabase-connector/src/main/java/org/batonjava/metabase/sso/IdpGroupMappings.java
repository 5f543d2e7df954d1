package org.batonjava.metabase.sso;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.batonjava.metabase.http.MetabaseJson;

/**
 * Metabase group id → the SSO providers whose group sync maps an identity-provider group to it. A
 * provider counts only when its {@code <provider>-group-sync} setting is on: Metabase applies the
 * mappings only then. All Users is never re-written by Metabase, so it is never marked.
 */
final class IdpGroupMappings {
  private static final long ALL_USERS = 1;
  private final Map<Long, List<String>> byGroup;

  private IdpGroupMappings(Map<Long, List<String>> byGroup) {
    this.byGroup = byGroup;
  }

  static IdpGroupMappings read(SsoSettingsApi api) {
    Map<String, JsonNode> settings = api.groupSyncSettings();
    Map<Long, TreeSet<String>> collected = new HashMap<>();
    for (String provider : SsoSettingsApi.PROVIDERS) {
      JsonNode sync = settings.get(provider + "-group-sync");
      JsonNode mappings = settings.get(provider + "-group-mappings");
      if (sync == null || !sync.asBoolean(false) || mappings == null || !mappings.isObject()) {
        continue;
      }
      for (Map.Entry<String, JsonNode> mapping : mappings.properties()) {
        for (JsonNode id : mapping.getValue()) {
          long groupId =
              id.canConvertToLong() ? id.asLong() : MetabaseJson.parseId(id.asText("")).orElse(0);
          if (groupId > 0 && groupId != ALL_USERS) {
            collected.computeIfAbsent(groupId, g -> new TreeSet<>()).add(provider);
          }
        }
      }
    }
    Map<Long, List<String>> out = new HashMap<>();
    collected.forEach((g, p) -> out.put(g, List.copyOf(p)));
    return new IdpGroupMappings(out);
  }

  List<String> providers(long groupId) {
    return byGroup.getOrDefault(groupId, List.of());
  }
}
