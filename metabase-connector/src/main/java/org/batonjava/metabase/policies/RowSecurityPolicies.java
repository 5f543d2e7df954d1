package org.batonjava.metabase.policies;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.batonjava.metabase.http.MetabaseJson;
import org.batonjava.metabase.resources.PerSync;
import org.batonjava.metabase.server.SyncTokenFeatures;
import org.batonjava.metabase.server.TokenFeatures;

/**
 * Sandboxes and connection impersonations (paid builds), read-only: {@code GET /api/mt/gtap} when
 * the token has {@code sandboxes}, {@code GET /api/ee/advanced-permissions/impersonation} when it
 * has {@code advanced_permissions}; each at most once per sync (both lists are small: one row per
 * policy), and only when a sync first meets a sandboxed table or an impersonated database in the
 * graph. They tell which user attributes decide a sandboxed or impersonated group's scope. Never
 * written: a sandbox needs a question and attribute design, and Metabase changes other permissions
 * as a side effect.
 */
public final class RowSecurityPolicies {
  private static final String SANDBOXES = "sandboxes";

  private final MetabaseJson json;
  private final SyncTokenFeatures features;
  private final PerSync<Snapshot> snapshot = new PerSync<>();

  private record Snapshot(
      Map<String, List<String>> sandboxAttributes, Map<String, String> impersonationAttribute) {}

  public RowSecurityPolicies(MetabaseJson json, SyncTokenFeatures features) {
    this.json = json;
    this.features = features;
  }

  /** The attribute names of the group's sandbox on a table; empty when there is none. */
  public List<String> sandboxAttributes(String syncId, long groupId, long tableId) {
    return snapshot(syncId).sandboxAttributes().getOrDefault(groupId + "/" + tableId, List.of());
  }

  /** The attribute naming the database role of the group's impersonation on a database. */
  public Optional<String> impersonationAttribute(String syncId, long groupId, long databaseId) {
    return Optional.ofNullable(
        snapshot(syncId).impersonationAttribute().get(groupId + "/" + databaseId));
  }

  private Snapshot snapshot(String syncId) {
    return snapshot.get(syncId, () -> read(features.of(syncId)));
  }

  private Snapshot read(TokenFeatures token) {
    Map<String, List<String>> sandboxes = new HashMap<>();
    if (token.has(SANDBOXES)) {
      for (SandboxPolicy s : json.getList("/api/mt/gtap", SandboxPolicy.class)) {
        sandboxes
            .computeIfAbsent(s.groupId() + "/" + s.tableId(), k -> new ArrayList<>())
            .addAll(s.attributeNames());
      }
    }
    Map<String, String> impersonations = new HashMap<>();
    if (token.has(TokenFeatures.ADVANCED_PERMISSIONS)) {
      for (ImpersonationPolicy i :
          json.getList("/api/ee/advanced-permissions/impersonation", ImpersonationPolicy.class)) {
        impersonations.put(
            i.groupId() + "/" + i.dbId(), i.attribute() == null ? "" : i.attribute());
      }
    }
    return new Snapshot(sandboxes, impersonations);
  }

  public void syncFinished() {
    snapshot.clear();
  }
}
