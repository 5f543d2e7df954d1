package org.batonjava.sdk.sync;

import c1.connector.v2.Entitlement;
import c1.connector.v2.Grant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.batonjava.sdk.c1z.C1zStore;
import org.batonjava.sdk.c1z.EncodedGrant;
import org.batonjava.sdk.c1z.PrincipalGrantRows;
import org.batonjava.sdk.c1z.ProtoBytes;
import org.batonjava.sdk.c1z.RowWriter;
import org.batonjava.sdk.c1z.StoredGrant;

/**
 * Grant expansion one principal at a time, for a graph whose destinations are never sources (the
 * usual shape: group membership gives access to databases, collections, ...). Nothing expansion
 * writes is then read again, so it does not need the grant indexes: it reads each principal's
 * grants on the graph's entitlements together, works out that principal's derived grants in memory
 * and writes them, all during the bulk load of grants.
 *
 * <p>The result is the same as edge-by-edge expansion ({@link GrantExpander}): for one principal
 * and destination, the same edges are applied in the same order (the graph's order, then the source
 * grants' row ids), with the same rules; only the row order of the grants it creates differs.
 */
final class PrincipalExpansion {
  /** An edge in its place in the graph's order, with its encoder made when first needed. */
  private static final class Step {
    final int order;
    final ExpansionGraph.Edge edge;
    DerivedGrantEncoder encoder;

    Step(int order, ExpansionGraph.Edge edge) {
      this.order = order;
      this.edge = edge;
    }
  }

  /** One source grant meeting one edge. */
  private record Event(Step step, StoredGrant source, StoredGrantFields fields) {}

  /** One grant the principal holds on a destination, as the edges applied so far left it. */
  private static final class Held {
    final long rowId;
    Grant grant;
    boolean changed;

    /** {@code rowId} -1: the grant this expansion creates. */
    Held(long rowId, Grant grant) {
      this.rowId = rowId;
      this.grant = grant;
    }
  }

  /**
   * What the principal holds on one destination so far: a grant this expansion creates (kept
   * encoded until a later edge needs it parsed), or the grants it already had there.
   */
  private static final class Target {
    EncodedGrant created;
    final List<Held> grants = new ArrayList<>();
  }

  private static final int CHECK_EVERY = 1_000;

  private final C1zStore store;
  private final String syncId;
  private final Runnable checkCancelled;
  private final Function<String, Entitlement> destinations;
  private final Map<String, List<Step>> bySource = new HashMap<>();
  private final Set<String> destinationIds = new HashSet<>();
  private long created;
  private long updated;

  PrincipalExpansion(
      C1zStore store,
      String syncId,
      Runnable checkCancelled,
      List<ExpansionGraph.Edge> edgesInOrder,
      Function<String, Entitlement> destinations) {
    this.store = store;
    this.syncId = syncId;
    this.checkCancelled = checkCancelled;
    this.destinations = destinations;
    for (int i = 0; i < edgesInOrder.size(); i++) {
      ExpansionGraph.Edge e = edgesInOrder.get(i);
      bySource.computeIfAbsent(e.source(), k -> new ArrayList<>()).add(new Step(i, e));
      destinationIds.add(e.destination());
    }
  }

  /** Whether no destination of {@code edges} is also a source (the shape this class handles). */
  static boolean appliesTo(List<ExpansionGraph.Edge> edges) {
    Set<String> sources = new HashSet<>();
    for (ExpansionGraph.Edge e : edges) {
      sources.add(e.source());
    }
    return edges.stream().noneMatch(e -> sources.contains(e.destination()));
  }

  long created() {
    return created;
  }

  long updated() {
    return updated;
  }

  void run() {
    Set<String> read = new HashSet<>(bySource.keySet());
    read.addAll(destinationIds);
    try (PrincipalGrantRows rows = store.grantsByPrincipal(syncId, read)) {
      int principals = 0;
      for (List<StoredGrant> grants = rows.nextPrincipal();
          !grants.isEmpty();
          grants = rows.nextPrincipal()) {
        if (++principals % CHECK_EVERY == 0) {
          checkCancelled.run();
        }
        expandPrincipal(grants);
      }
    }
  }

  /** Applies every edge to one principal's grants (all of one principal, in row-id order). */
  private void expandPrincipal(List<StoredGrant> grants) {
    Map<String, List<StoredGrant>> existing = new HashMap<>();
    List<Event> events = new ArrayList<>();
    for (StoredGrant row : grants) {
      if (destinationIds.contains(row.entitlementId())) {
        existing.computeIfAbsent(row.entitlementId(), k -> new ArrayList<>(1)).add(row);
      }
      List<Step> steps = bySource.get(row.entitlementId());
      if (steps == null) {
        continue;
      }
      StoredGrantFields fields = null;
      for (Step step : steps) {
        List<String> types = step.edge.principalTypes();
        if (types.isEmpty() || types.contains(row.principalType())) {
          if (fields == null) {
            fields = StoredGrantFields.read(row.data());
          }
          events.add(new Event(step, row, fields));
        }
      }
    }
    if (events.isEmpty()) {
      return;
    }
    // Edge order first; a stable sort keeps the row-id order of each edge's source grants.
    events.sort((a, b) -> Integer.compare(a.step().order, b.step().order));
    Map<String, Target> targets = new LinkedHashMap<>();
    for (Event event : events) {
      apply(event, targets, existing);
    }
    write(targets);
  }

  private void apply(
      Event event, Map<String, Target> targets, Map<String, List<StoredGrant>> existing) {
    ExpansionGraph.Edge edge = event.step().edge;
    boolean direct = event.fields().isDirectFor(edge.source());
    if (edge.shallow() && !direct) {
      return;
    }
    Target target = targets.get(edge.destination());
    if (target == null) {
      target = new Target();
      targets.put(edge.destination(), target);
      List<StoredGrant> had = existing.getOrDefault(edge.destination(), List.of());
      if (had.isEmpty()) {
        StoredGrant source = event.source();
        target.created =
            encoder(event.step())
                .encode(
                    event.fields().principal(),
                    source.principalType(),
                    source.principalId(),
                    direct);
        created++;
        return;
      }
      for (StoredGrant row : had) {
        target.grants.add(new Held(row.id(), GrantExpander.parse(row.data())));
      }
    } else if (target.created != null && target.grants.isEmpty()) {
      target.grants.add(new Held(-1, GrantExpander.parse(target.created.data())));
    }
    for (Held h : target.grants) {
      Optional<Grant> withSource =
          GrantExpander.withSource(h.grant, edge.source(), direct, edge.destination());
      if (withSource.isPresent()) {
        h.grant = withSource.get();
        h.changed = true;
        updated++;
      }
    }
  }

  private DerivedGrantEncoder encoder(Step step) {
    if (step.encoder == null) {
      step.encoder =
          new DerivedGrantEncoder(destinations.apply(step.edge.destination()), step.edge.source());
    }
    return step.encoder;
  }

  private void write(Map<String, Target> targets) {
    RowWriter writer = store.writer();
    for (Target t : targets.values()) {
      if (t.created != null) {
        Held later = t.grants.isEmpty() ? null : t.grants.get(0);
        writer.putExpandedGrant(
            syncId,
            later == null || !later.changed
                ? t.created
                : t.created.withData(ProtoBytes.deterministic(later.grant)));
        continue;
      }
      for (Held h : t.grants) {
        if (h.changed) {
          writer.updateExpandedGrant(h.rowId, h.grant);
        }
      }
    }
  }
}
