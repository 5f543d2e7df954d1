package org.batonjava.metabase.application;

import java.util.Map;
import org.batonjava.metabase.graph.RevisionedGraph;
import org.batonjava.metabase.http.MetabaseJson;

/**
 * The application permission graph, {@code /api/ee/advanced-permissions/application/graph}, as a
 * {@link RevisionedGraph}: key = permission name ({@code setting}, {@code monitoring}, {@code
 * subscription}), cell = {@code yes}/{@code no}. It is tiny (one row per group that holds any), so
 * it is read whole; a write sends {@code skip-graph=true} so that versions that know it (0.52 on)
 * answer with the revision only. A free build answers 402 for every route under {@code
 * /api/ee/advanced-permissions}.
 */
public final class ApplicationApi {
  static final String GRAPH = "/api/ee/advanced-permissions/application/graph";

  private final RevisionedGraph graph;

  public ApplicationApi(MetabaseJson json) {
    this.graph = new RevisionedGraph(json, GRAPH, key -> GRAPH, Map.of("skip-graph", "true"));
  }

  RevisionedGraph graph() {
    return graph;
  }
}
