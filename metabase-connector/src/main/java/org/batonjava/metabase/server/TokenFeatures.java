package org.batonjava.metabase.server;

import java.util.Set;

/**
 * The paid features the server's licence token switches on, from {@code token-features} of {@code
 * GET /api/session/properties} (every key whose value is {@code true}). A free build reports them
 * all {@code false}; versions or proxies that leave the object out have none.
 *
 * @param enabled the names of the features that are on, e.g. {@code advanced_permissions}, {@code
 *     sandboxes}
 */
public record TokenFeatures(Set<String> enabled) {
  /** Application permissions, blocked data access, impersonation, group managers. */
  public static final String ADVANCED_PERMISSIONS = "advanced_permissions";

  public TokenFeatures {
    enabled = Set.copyOf(enabled);
  }

  public static TokenFeatures none() {
    return new TokenFeatures(Set.of());
  }

  public boolean has(String feature) {
    return enabled.contains(feature);
  }
}
