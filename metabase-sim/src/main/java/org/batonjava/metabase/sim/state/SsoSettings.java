package org.batonjava.metabase.sim.state;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The SSO group-sync settings: per provider ({@code ldap}, {@code saml}, {@code jwt}) whether group
 * sync is on ({@code <provider>-group-sync}) and its mappings ({@code <provider>-group-mappings}:
 * identity-provider group name → Metabase group ids). Part of the simulator state; callers hold the
 * state's lock.
 */
public final class SsoSettings {
  /** The providers with group sync, in the order Metabase's admin pages list them. */
  public static final List<String> PROVIDERS = List.of("ldap", "saml", "jwt");

  private final Map<String, Boolean> sync = new TreeMap<>();
  private final Map<String, LinkedHashMap<String, List<Integer>>> mappings = new TreeMap<>();

  public boolean sync(String provider) {
    return sync.getOrDefault(provider, false);
  }

  public void sync(String provider, boolean on) {
    sync.put(provider, on);
  }

  /** The provider's mappings (empty when none). */
  public Map<String, List<Integer>> mappings(String provider) {
    return mappings.getOrDefault(provider, new LinkedHashMap<>());
  }

  /** Maps an identity-provider group to a Metabase group. */
  public void map(String provider, String idpGroup, int groupId) {
    mappings
        .computeIfAbsent(provider, p -> new LinkedHashMap<>())
        .computeIfAbsent(idpGroup, g -> new ArrayList<>())
        .add(groupId);
  }

  void removeGroup(int groupId) {
    mappings.values().forEach(m -> m.values().forEach(ids -> ids.removeIf(id -> id == groupId)));
  }
}
