package org.batonjava.metabase.databases;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data rights beyond query access that a reviewer must see (extended access), read from one
 * group's cell of the data graph in either shape. Whole-database values become the database-level
 * rights below; per-schema or per-table values never claim the whole database: they become the
 * {@code -partial} rights, whose grant carries the schemas and tables they cover ({@link
 * Right#scope()}).
 *
 * <ul>
 *   <li>{@code download-limited} / {@code download-full}: download results, 10,000 / 1 million rows
 *       ({@code download.schemas} {@code limited} / {@code full});
 *   <li>{@code manage-table-metadata}: {@code data-model.schemas} {@code all};
 *   <li>{@code manage-database}: {@code details} {@code yes};
 *   <li>{@code view-blocked}, {@code view-impersonated}: view-data {@code blocked} / {@code
 *       impersonated} (0.49: {@code data.schemas} {@code block} / {@code impersonated});
 *       informational;
 *   <li>{@code view-sandboxed-partial}, {@code view-blocked-partial}: tables (or schemas) that are
 *       sandboxed (0.49 {@code segmented}) or blocked;
 *   <li>{@code query-builder-partial} (0.50+) / {@code access-partial} (0.49): query access to some
 *       tables only;
 *   <li>{@code download-limited-partial}, {@code download-full-partial}, {@code
 *       manage-table-metadata-partial}.
 * </ul>
 *
 * The levels are not cumulative, as for query access: each value gives exactly one right. Values
 * Metabase elides (its least-permissive ones) give nothing, except a 0.50+ cell without {@code
 * view-data}, which Metabase leaves out exactly when it is {@code blocked}. A group that Metabase
 * leaves out of a database's graph altogether (on 0.50+ that is how a blocked database usually
 * appears) is not reported as blocked: nothing is known about it beyond having no access, which the
 * absence of any query grant already shows.
 */
public final class FineGrainedRights {
  public static final DatabasePermission DOWNLOAD_LIMITED =
      new DatabasePermission("download-limited", "Download Results (10,000 rows)");
  public static final DatabasePermission DOWNLOAD_FULL =
      new DatabasePermission("download-full", "Download Results (1 million rows)");
  public static final DatabasePermission MANAGE_TABLE_METADATA =
      new DatabasePermission("manage-table-metadata", "Manage Table Metadata");
  public static final DatabasePermission MANAGE_DATABASE =
      new DatabasePermission("manage-database", "Manage Database");
  public static final DatabasePermission VIEW_BLOCKED =
      new DatabasePermission("view-blocked", "View Data Blocked");
  public static final DatabasePermission VIEW_IMPERSONATED =
      new DatabasePermission("view-impersonated", "View Data Impersonated");
  public static final DatabasePermission VIEW_SANDBOXED_PARTIAL =
      new DatabasePermission("view-sandboxed-partial", "Sandboxed Tables (some tables)");
  public static final DatabasePermission VIEW_BLOCKED_PARTIAL =
      new DatabasePermission("view-blocked-partial", "Blocked Tables (some tables)");
  public static final DatabasePermission QUERY_BUILDER_PARTIAL =
      new DatabasePermission("query-builder-partial", "Query Builder (some tables)");
  public static final DatabasePermission ACCESS_PARTIAL =
      new DatabasePermission("access-partial", "Access (some tables)");
  public static final DatabasePermission DOWNLOAD_LIMITED_PARTIAL =
      new DatabasePermission(
          "download-limited-partial", "Download Results (10,000 rows, some tables)");
  public static final DatabasePermission DOWNLOAD_FULL_PARTIAL =
      new DatabasePermission(
          "download-full-partial", "Download Results (1 million rows, some tables)");
  public static final DatabasePermission MANAGE_TABLE_METADATA_PARTIAL =
      new DatabasePermission(
          "manage-table-metadata-partial", "Manage Table Metadata (some tables)");

  /**
   * One right a group holds on a database.
   *
   * @param scope empty for the whole database; otherwise what it covers: {@code schema PUBLIC}
   *     (every table of the schema) or {@code table 31 (PUBLIC)} (a Metabase table id and its
   *     schema)
   */
  public record Right(DatabasePermission permission, List<String> scope) {
    public Right {
      scope = List.copyOf(scope);
    }
  }

  private FineGrainedRights() {}

  /**
   * The rights offered as entitlements: every one on a paid build, only partial query access on a
   * free one.
   */
  public static List<DatabasePermission> offered(boolean legacy, boolean paid) {
    DatabasePermission partialQuery = legacy ? ACCESS_PARTIAL : QUERY_BUILDER_PARTIAL;
    if (!paid) {
      return List.of(partialQuery);
    }
    return List.of(
        DOWNLOAD_LIMITED,
        DOWNLOAD_FULL,
        MANAGE_TABLE_METADATA,
        MANAGE_DATABASE,
        VIEW_BLOCKED,
        VIEW_IMPERSONATED,
        partialQuery,
        VIEW_SANDBOXED_PARTIAL,
        VIEW_BLOCKED_PARTIAL,
        DOWNLOAD_LIMITED_PARTIAL,
        DOWNLOAD_FULL_PARTIAL,
        MANAGE_TABLE_METADATA_PARTIAL);
  }

  /** Whether a slug names one of these rights (they are reported, not provisioned). */
  public static boolean isFineGrained(String slug) {
    return offered(false, true).stream().anyMatch(p -> p.slug().equals(slug))
        || ACCESS_PARTIAL.slug().equals(slug);
  }

  /** The rights in one group's cell, limited to {@link #offered}. */
  public static List<Right> of(JsonNode cell, boolean legacy, boolean paid) {
    List<Right> out = new ArrayList<>();
    List<DatabasePermission> offered = offered(legacy, paid);
    if (legacy) {
      JsonNode schemas = cell.path("data").path("schemas");
      level(out, schemas, "block", VIEW_BLOCKED);
      level(out, schemas, "impersonated", VIEW_IMPERSONATED);
      partial(out, schemas, Map.of("all", ACCESS_PARTIAL, "segmented", VIEW_SANDBOXED_PARTIAL));
    } else {
      JsonNode viewData = cell.path("view-data");
      level(out, viewData, "blocked", VIEW_BLOCKED);
      if (viewData.isMissingNode()) {
        // 0.50+ leaves out view-data at its least-permissive value: blocked
        out.add(new Right(VIEW_BLOCKED, List.of()));
      }
      level(out, viewData, "impersonated", VIEW_IMPERSONATED);
      partial(
          out,
          viewData,
          Map.of("sandboxed", VIEW_SANDBOXED_PARTIAL, "blocked", VIEW_BLOCKED_PARTIAL));
      partial(out, cell.path("create-queries"), Map.of("query-builder", QUERY_BUILDER_PARTIAL));
    }
    JsonNode download = cell.path("download").path("schemas");
    level(out, download, "limited", DOWNLOAD_LIMITED);
    level(out, download, "full", DOWNLOAD_FULL);
    partial(
        out, download, Map.of("limited", DOWNLOAD_LIMITED_PARTIAL, "full", DOWNLOAD_FULL_PARTIAL));
    JsonNode dataModel = cell.path("data-model").path("schemas");
    level(out, dataModel, "all", MANAGE_TABLE_METADATA);
    partial(out, dataModel, Map.of("all", MANAGE_TABLE_METADATA_PARTIAL));
    level(out, cell.path("details"), "yes", MANAGE_DATABASE);
    out.removeIf(r -> !offered.contains(r.permission()));
    out.sort(java.util.Comparator.comparingInt(r -> offered.indexOf(r.permission())));
    return out;
  }

  private static void level(
      List<Right> out, JsonNode value, String level, DatabasePermission permission) {
    if (value.isTextual() && value.asText().equals(level)) {
      out.add(new Right(permission, List.of()));
    }
  }

  /**
   * A {@code {schema: level | {tableId: level | {read, query}}}} map: the scopes holding each
   * mapped level.
   */
  private static void partial(
      List<Right> out, JsonNode value, Map<String, DatabasePermission> levels) {
    if (!value.isObject()) {
      return;
    }
    Map<DatabasePermission, List<String>> scopes = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> schema : value.properties()) {
      JsonNode v = schema.getValue();
      String name = schema.getKey().isEmpty() ? "(no schema)" : schema.getKey();
      if (v.isTextual()) {
        add(scopes, levels.get(v.asText()), "schema " + name);
        continue;
      }
      for (Map.Entry<String, JsonNode> table : v.properties()) {
        JsonNode t = table.getValue();
        String level = t.isObject() ? t.path("query").asText("") : t.asText("");
        add(scopes, levels.get(level), "table " + table.getKey() + " (" + name + ")");
      }
    }
    scopes.forEach((p, s) -> out.add(new Right(p, s)));
  }

  private static void add(
      Map<DatabasePermission, List<String>> scopes, DatabasePermission p, String scope) {
    if (p != null) {
      scopes.computeIfAbsent(p, k -> new ArrayList<>()).add(scope);
    }
  }
}
