package org.batonjava.metabase.databases;

import java.util.List;
import java.util.Map;
import org.batonjava.metabase.graph.RevisionedGraph;
import org.batonjava.metabase.http.MetabaseJson;

/** The Metabase REST calls about databases and the data-permission graph. */
public final class DatabasesApi {
  private final MetabaseJson json;
  private final RevisionedGraph graph;

  public DatabasesApi(MetabaseJson json) {
    this.json = json;
    this.graph =
        new RevisionedGraph(
            json,
            "/api/permissions/graph",
            key -> "/api/permissions/graph/db/" + key,
            Map.of("skip-graph", "true"));
  }

  /**
   * {@code GET /api/database}: every database the key can see (admins: all but the audit database).
   */
  public List<MetabaseDatabase> listDatabases() {
    // {data, total} since long before 0.49; a bare array in much older versions.
    return json.getList("/api/database", MetabaseDatabase.class, "the list of databases");
  }

  /**
   * The data-permission graph: {@code GET /api/permissions/graph} (whole, streamed), {@code GET
   * /api/permissions/graph/db/:id} (one database's slice) and {@code PUT
   * /api/permissions/graph?skip-graph=true} (one group's entry for one database). Keys are database
   * ids.
   */
  public RevisionedGraph permissionGraph() {
    return graph;
  }
}
