package org.batonjava.metabase.app;

import c1.connector.v2.Entitlement;
import c1.connector.v2.Grant;
import c1.connector.v2.Resource;
import c1.connector.v2.UserTrait;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.batonjava.metabase.databases.FineGrainedRights;
import org.batonjava.sdk.c1z.C1zOptions;
import org.batonjava.sdk.c1z.C1zStore;
import org.batonjava.sdk.c1z.GrantFilter;
import org.batonjava.sdk.c1z.Page;
import org.batonjava.sdk.c1z.RowReader;
import org.batonjava.sdk.c1z.SyncRun;
import org.batonjava.sdk.connector.Annotations;

/**
 * A few lines a person can read about the latest sync in a c1z: users by status, groups with their
 * members, and for each database who can query it (groups directly, users through their groups).
 */
final class DemoSummary {
  private final Path file;

  DemoSummary(Path file) {
    this.file = file;
  }

  String render(String serverVersion) {
    StringBuilder out = new StringBuilder();
    try (C1zStore store = C1zStore.openReadOnly(file, C1zOptions.defaults())) {
      SyncRun run = store.syncRuns().latestFinished().orElseThrow();
      RowReader reader = store.reader();
      String sync = run.id();
      List<Resource> users = all(reader, sync, "user");
      List<Resource> groups = all(reader, sync, "group");
      List<Resource> databases = all(reader, sync, "database");
      List<Resource> apiKeys = all(reader, sync, "api_key");

      // Grants carry only the principal's id (as the Go connectors write them); names come from the
      // resources.
      Map<String, String> names = new java.util.HashMap<>();
      for (List<Resource> list : List.of(users, groups, apiKeys)) {
        list.forEach(
            r ->
                names.put(
                    r.getId().getResourceType() + ":" + r.getId().getResource(),
                    r.getDisplayName()));
      }
      Map<String, Integer> byStatus = new TreeMap<>();
      for (Resource u : users) {
        String status =
            Annotations.find(u.getAnnotationsList(), UserTrait.class)
                .map(
                    t ->
                        t.getStatus()
                            .getStatus()
                            .name()
                            .replace("STATUS_", "")
                            .toLowerCase(Locale.ROOT))
                .orElse("unknown");
        byStatus.merge(status, 1, Integer::sum);
      }
      out.append("Synced Metabase ")
          .append(serverVersion)
          .append(" into ")
          .append(file)
          .append(" (sync ")
          .append(sync)
          .append(")\n");
      out.append("\nUsers: ").append(users.size());
      byStatus.forEach((status, n) -> out.append(", ").append(n).append(' ').append(status));
      out.append("\n\nGroups (direct members):\n");
      for (Resource g : groups) {
        List<Grant> members = grants(reader, sync, "group:" + g.getId().getResource() + ":member");
        List<Grant> managers =
            grants(reader, sync, "group:" + g.getId().getResource() + ":manager");
        long keys =
            members.stream()
                .filter(m -> m.getPrincipal().getId().getResourceType().equals("api_key"))
                .count();
        out.append(
            String.format("  %-22s %3d member(s)", g.getDisplayName(), members.size() - keys));
        if (keys > 0) {
          out.append(" + ").append(keys).append(" API key(s)");
        }
        if (!managers.isEmpty()) {
          out.append(", managed by ").append(names(managers, names));
        }
        out.append('\n');
      }
      if (!databases.isEmpty()) {
        out.append("\nDatabases (who can query them):\n");
        for (Resource db : databases) {
          out.append("  ").append(db.getDisplayName()).append('\n');
          for (Entitlement e : reader.listEntitlements(sync, Optional.of(db), "", 0).items()) {
            List<Grant> grants = grants(reader, sync, e.getId());
            if (grants.isEmpty() && FineGrainedRights.isFineGrained(e.getSlug())) {
              continue;
            }
            List<Grant> toGroups =
                grants.stream()
                    .filter(gr -> gr.getPrincipal().getId().getResourceType().equals("group"))
                    .toList();
            long toUsers =
                grants.stream()
                    .filter(gr -> gr.getPrincipal().getId().getResourceType().equals("user"))
                    .count();
            out.append(
                String.format(
                    "    %-26s %s",
                    e.getSlug() + ":", toGroups.isEmpty() ? "nobody" : names(toGroups, names)));
            if (toUsers > 0) {
              out.append(" (").append(toUsers).append(" user(s) through these groups)");
            }
            out.append('\n');
          }
        }
      }
      Set<String> disabled = new HashSet<>();
      for (Resource u : users) {
        Annotations.find(u.getAnnotationsList(), UserTrait.class)
            .filter(t -> t.getStatus().getStatus() == UserTrait.Status.StatusValue.STATUS_DISABLED)
            .ifPresent(t -> disabled.add("user:" + u.getId().getResource()));
      }
      DemoAccessSummary access = new DemoAccessSummary(reader, sync, names, disabled);
      access.render(apiKeys, all(reader, sync, "collection"), out);
      access.renderPaid(all(reader, sync, "application_permission"), databases, out);
      out.append("\nExplore it with the baton CLI, e.g.: baton -f ")
          .append(file)
          .append(" grants\n");
    }
    return out.toString();
  }

  static List<Resource> all(RowReader reader, String sync, String type) {
    List<Resource> out = new ArrayList<>();
    String token = "";
    do {
      Page<Resource> page = reader.listResources(sync, Optional.of(type), token, 0);
      out.addAll(page.items());
      token = page.nextPageToken();
    } while (!token.isEmpty());
    return out;
  }

  static List<Grant> grants(RowReader reader, String sync, String entitlementId) {
    List<Grant> out = new ArrayList<>();
    String token = "";
    do {
      Page<Grant> page =
          reader.listGrants(sync, GrantFilter.forEntitlement(entitlementId), token, 0);
      out.addAll(page.items());
      token = page.nextPageToken();
    } while (!token.isEmpty());
    return out;
  }

  private static String names(List<Grant> grants, Map<String, String> displayNames) {
    TreeSet<String> out = new TreeSet<>();
    for (Grant g : grants) {
      String key =
          g.getPrincipal().getId().getResourceType() + ":" + g.getPrincipal().getId().getResource();
      out.add(displayNames.getOrDefault(key, key));
    }
    return String.join(", ", out);
  }
}
