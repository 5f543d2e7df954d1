package org.batonjava.metabase.app;

import c1.connector.v2.Grant;
import c1.connector.v2.Resource;
import c1.connector.v2.UserTrait;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.batonjava.sdk.c1z.RowReader;
import org.batonjava.sdk.connector.Annotations;

/**
 * The demo summary's part about the surfaces beyond the Go model: every API key with its group
 * (administrator keys flagged), and for the root and each top-level collection who can view and
 * curate it, as groups and as the users and keys those groups give it to (the expanded grants).
 */
final class DemoAccessSummary {
  private final RowReader reader;
  private final String sync;
  private final Map<String, String> names;
  private final Set<String> disabled;

  /**
   * @param disabled the deactivated users ({@code user:<id>}), marked in the lists: they keep their
   *     grants
   */
  DemoAccessSummary(
      RowReader reader, String sync, Map<String, String> names, Set<String> disabled) {
    this.reader = reader;
    this.sync = sync;
    this.names = names;
    this.disabled = disabled;
  }

  void render(List<Resource> apiKeys, List<Resource> collections, StringBuilder out) {
    if (!apiKeys.isEmpty()) {
      out.append("\nAPI keys (non-human accounts):\n");
      for (Resource k : apiKeys) {
        Map<String, Value> profile =
            Annotations.find(k.getAnnotationsList(), UserTrait.class)
                .map(t -> t.getProfile().getFieldsMap())
                .orElse(Map.of());
        boolean admin = profile.getOrDefault("is_admin", Value.getDefaultInstance()).getBoolValue();
        out.append(
            String.format(
                "  %-22s %-16s %s%s%n",
                k.getDisplayName(),
                profile.getOrDefault("group_name", Value.getDefaultInstance()).getStringValue(),
                profile
                    .getOrDefault("masked_key", Value.getDefaultInstance())
                    .getStringValue()
                    .replaceAll("\\*{8,}", "****"),
                admin ? "  ADMIN: full administrator access" : ""));
      }
    }
    List<Resource> topLevel =
        collections.stream()
            .filter(
                c ->
                    !c.hasParentResourceId()
                        || c.getParentResourceId().getResource().equals("root"))
            .toList();
    if (topLevel.isEmpty()) {
      return;
    }
    out.append(
        "\nCollections (top level; who can view / curate, users and keys through their groups):\n");
    for (Resource c : topLevel) {
      out.append("  ").append(c.getDisplayName()).append('\n');
      for (String slug : List.of("view", "curate")) {
        String entitlement = "collection:" + c.getId().getResource() + ":" + slug;
        List<Grant> grants = DemoSummary.grants(reader, sync, entitlement);
        if (grants.isEmpty() && slug.equals("curate") && c.getDescription().contains("view only")) {
          continue;
        }
        out.append(
            String.format("    %-8s %s%n", slug + ":", grants.isEmpty() ? "nobody" : line(grants)));
      }
    }
  }

  /**
   * The paid-build part: who holds each application permission (users and keys through their
   * groups), and the row-level security of each database (sandboxed tables and impersonation, with
   * the user attributes deciding them).
   */
  void renderPaid(
      List<Resource> applicationPermissions, List<Resource> databases, StringBuilder out) {
    if (!applicationPermissions.isEmpty()) {
      out.append("\nApplication permissions (paid; users and keys through their groups):\n");
      for (Resource p : applicationPermissions) {
        List<Grant> grants =
            DemoSummary.grants(
                reader, sync, "application_permission:" + p.getId().getResource() + ":access");
        out.append(
            String.format(
                "  %-26s %s%n",
                p.getDisplayName() + ":", grants.isEmpty() ? "nobody" : line(grants)));
      }
    }
    StringBuilder rows = new StringBuilder();
    for (Resource db : databases) {
      for (String slug : List.of("view-sandboxed-partial", "view-impersonated")) {
        for (Grant g :
            DemoSummary.grants(reader, sync, "database:" + db.getId().getResource() + ":" + slug)) {
          if (!g.getPrincipal().getId().getResourceType().equals("group")) {
            continue;
          }
          String group =
              names.getOrDefault(
                  "group:" + g.getPrincipal().getId().getResource(),
                  g.getPrincipal().getId().getResource());
          String notes =
              Annotations.find(g.getAnnotationsList(), Struct.class)
                  .map(
                      s ->
                          s
                              .getFieldsOrDefault("row_security", Value.getDefaultInstance())
                              .getListValue()
                              .getValuesList()
                              .stream()
                              .map(Value::getStringValue)
                              .toList())
                  .map(l -> String.join("; ", l))
                  .orElse("");
          rows.append(
              String.format(
                  "  %-22s %-12s %s%s%n",
                  db.getDisplayName(),
                  group,
                  slug.equals("view-impersonated") ? "impersonated" : "sandboxed",
                  notes.isEmpty() ? "" : " — " + notes));
        }
      }
    }
    if (rows.length() > 0) {
      out.append(
              "\nRow-level security (paid; the user attributes that decide each group's scope):\n")
          .append(rows);
    }
  }

  private String line(List<Grant> grants) {
    TreeSet<String> groups = new TreeSet<>();
    TreeSet<String> users = new TreeSet<>();
    TreeSet<String> keys = new TreeSet<>();
    for (Grant g : grants) {
      String type = g.getPrincipal().getId().getResourceType();
      String key = type + ":" + g.getPrincipal().getId().getResource();
      String name = names.getOrDefault(key, key);
      switch (type) {
        case "group" -> groups.add(name);
        case "user" -> users.add(disabled.contains(key) ? name + " (deactivated)" : name);
        case "api_key" -> keys.add(name);
        default -> groups.add(key);
      }
    }
    StringBuilder s = new StringBuilder("groups ").append(String.join(", ", groups));
    s.append("; users ").append(users.isEmpty() ? "none" : String.join(", ", users));
    if (!keys.isEmpty()) {
      s.append("; API keys ").append(String.join(", ", keys));
    }
    return s.toString();
  }
}
