package org.batonjava.sdk.sync;

import c1.connector.v2.Entitlement;
import c1.connector.v2.Grant;
import c1.connector.v2.GrantExpandable;
import c1.connector.v2.GrantSources;
import c1.connector.v2.ResourceId;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.batonjava.sdk.c1z.C1zStore;
import org.batonjava.sdk.c1z.EncodedGrant;
import org.batonjava.sdk.c1z.ExpansionRows;
import org.batonjava.sdk.c1z.Page;
import org.batonjava.sdk.c1z.RowWriter;
import org.batonjava.sdk.c1z.StoredGrant;
import org.batonjava.sdk.connector.Annotations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Grant expansion, as the Go baton-sdk does it: for every expandable grant "S's holders get D",
 * principals holding S get a derived grant on D carrying {@code sources} and {@code
 * GrantImmutable}; grants that already exist get the source added. Works over the store a page at a
 * time: only the entitlement graph is held in memory. Idempotent, so an interrupted expansion
 * simply runs again.
 *
 * <p>During a bulk load of grants, when no destination is also a source, {@link PrincipalExpansion}
 * does the work a principal at a time, without the grant indexes. Otherwise (nested or cyclic
 * entitlements, a grant the connector sent twice, no bulk load) the bulk load ends and each edge is
 * applied in turn, reading what the edges before it wrote through the indexes.
 */
final class GrantExpander {
  static final int MAX_DEPTH = 20;
  private static final Logger LOG = LoggerFactory.getLogger(GrantExpander.class);
  private static final int PAGE = 5_000;

  private final C1zStore store;
  private final String syncId;
  private final Runnable checkCancelled;
  private final boolean principalAtATime;
  private long created;
  private long updated;
  private long droppedEdges;

  GrantExpander(C1zStore store, String syncId, Runnable checkCancelled) {
    this(store, syncId, checkCancelled, true);
  }

  /** {@code principalAtATime} false: always edge by edge (tests compare the two). */
  GrantExpander(C1zStore store, String syncId, Runnable checkCancelled, boolean principalAtATime) {
    this.store = store;
    this.syncId = syncId;
    this.checkCancelled = checkCancelled;
    this.principalAtATime = principalAtATime;
  }

  /** Runs the whole expansion; returns the number of grants created. */
  long run() {
    ExpansionGraph graph = loadGraph();
    if (graph.isEmpty()) {
      return 0;
    }
    List<ExpansionGraph.Component> order = graph.layers(MAX_DEPTH);
    LOG.info(
        "Expanding grants: {} edge(s) between {} entitlement group(s)",
        graph.edgeCount(),
        order.size());
    Map<String, Entitlement> entitlements = new HashMap<>();
    List<ExpansionGraph.Edge> edges = new ArrayList<>();
    for (ExpansionGraph.Component c : order) {
      edges.addAll(c.internalEdges());
      edges.addAll(c.outgoingEdges());
    }
    if (principalAtATime
        && PrincipalExpansion.appliesTo(edges)
        && store.readyForExpansionWrites(syncId)) {
      PrincipalExpansion byPrincipal =
          new PrincipalExpansion(
              store, syncId, checkCancelled, edges, id -> destination(id, entitlements));
      byPrincipal.run();
      created = byPrincipal.created();
      updated = byPrincipal.updated();
    } else {
      // Edge by edge: each edge reads what the ones before it wrote, through the grant indexes.
      store.endBulkLoad();
      for (ExpansionGraph.Component c : order) {
        checkCancelled.run();
        // Inside a cycle every member ends up with every other member's holders: repeat until
        // nothing changes.
        boolean changed = !c.internalEdges().isEmpty();
        for (int pass = 0; changed && pass <= c.entitlementIds().size(); pass++) {
          changed = false;
          for (ExpansionGraph.Edge e : c.internalEdges()) {
            changed |= expand(e, entitlements);
          }
        }
        for (ExpansionGraph.Edge e : c.outgoingEdges()) {
          expand(e, entitlements);
        }
      }
    }
    LOG.info(
        "Grant expansion done: {} grant(s) created, {} updated with sources, {} edge(s) dropped",
        created,
        updated,
        droppedEdges);
    return created;
  }

  private ExpansionGraph loadGraph() {
    ExpansionGraph graph = new ExpansionGraph();
    Map<String, Optional<ResourceId>> sourceResource = new HashMap<>();
    String token = "";
    do {
      Page<Grant> page = store.reader().listGrantsNeedingExpansion(syncId, token, PAGE);
      for (Grant g : page.items()) {
        GrantExpandable x =
            Annotations.find(g.getAnnotationsList(), GrantExpandable.class).orElseThrow();
        for (String source : x.getEntitlementIdsList()) {
          if (source.isBlank()) {
            continue;
          }
          Optional<ResourceId> resource =
              sourceResource.computeIfAbsent(
                  source,
                  s -> store.reader().getEntitlement(syncId, s).map(e -> e.getResource().getId()));
          if (resource.isEmpty()) {
            droppedEdges++;
            LOG.debug(
                "grant expansion: source entitlement {} of grant {} does not exist; edge dropped",
                source,
                g.getId());
            continue;
          }
          ResourceId principal = g.getPrincipal().getId();
          if (!sameResource(resource.get(), principal)) {
            throw new IllegalStateException(
                "grant expansion: source entitlement "
                    + source
                    + " belongs to "
                    + resource.get().getResourceType()
                    + ":"
                    + resource.get().getResource()
                    + ", which does not match the principal "
                    + principal.getResourceType()
                    + ":"
                    + principal.getResource()
                    + " of grant "
                    + g.getId()
                    + " (source entitlement resource id did not match grant principal id)");
          }
          graph.add(
              new ExpansionGraph.Edge(
                  source, g.getEntitlement().getId(), x.getShallow(), x.getResourceTypeIdsList()));
        }
      }
      token = page.nextPageToken();
    } while (!token.isEmpty());
    return graph;
  }

  /**
   * Gives the holders of {@code edge.source()} the destination entitlement; true if anything
   * changed. Source grants are read a chunk at a time, each with its principal's grants on the
   * destination (one query per chunk), and new grants are encoded without building a message.
   */
  private boolean expand(ExpansionGraph.Edge edge, Map<String, Entitlement> entitlements) {
    Entitlement destination = destination(edge.destination(), entitlements);
    DerivedGrantEncoder encoder = new DerivedGrantEncoder(destination, edge.source());
    boolean changed = false;
    String token = "";
    do {
      checkCancelled.run();
      ExpansionRows.Chunk chunk =
          store
              .expansionRows()
              .sources(
                  syncId, edge.source(), edge.destination(), edge.principalTypes(), token, PAGE);
      List<Object> writes = new ArrayList<>();
      // A principal that holds the source through two grants gets the second applied to what the
      // first made of its grants on the destination, as across chunks (and a principal at a time).
      Map<String, List<Held>> held = new HashMap<>();
      for (ExpansionRows.Source source : chunk.sources()) {
        StoredGrant grant = source.grant();
        StoredGrantFields fields = StoredGrantFields.read(grant.data());
        boolean direct = fields.isDirectFor(edge.source());
        if (edge.shallow() && !direct) {
          continue;
        }
        String principal = grant.principalType() + '\0' + grant.principalId();
        List<Held> grants = held.get(principal);
        if (grants == null && source.existing().isEmpty()) {
          writes.add(
              encoder.encode(
                  fields.principal(), grant.principalType(), grant.principalId(), direct));
          held.put(principal, List.of(new Held(null, writes.size() - 1)));
          created++;
          continue;
        }
        if (grants == null) {
          grants = new ArrayList<>();
          for (byte[] stored : source.existing()) {
            grants.add(new Held(parse(stored), -1));
          }
          held.put(principal, grants);
        }
        for (Held h : grants) {
          Optional<Grant> withSource =
              withSource(h.current(writes), edge.source(), direct, edge.destination());
          if (withSource.isPresent()) {
            h.replace(withSource.get(), writes);
            updated++;
          }
        }
      }
      if (!writes.isEmpty()) {
        write(writes);
        changed = true;
      }
      token = chunk.nextPageToken();
    } while (!token.isEmpty());
    return changed;
  }

  /** A principal's grant on the destination while a chunk is worked on, and its place in writes. */
  private static final class Held {
    private Grant grant;
    private int writeAt;

    /** {@code grant} null: the grant is the one {@code writeAt} holds. */
    Held(Grant grant, int writeAt) {
      this.grant = grant;
      this.writeAt = writeAt;
    }

    Grant current(List<Object> writes) {
      if (grant == null) {
        grant = parse(((EncodedGrant) writes.get(writeAt)).data());
      }
      return grant;
    }

    void replace(Grant changed, List<Object> writes) {
      grant = changed;
      if (writeAt < 0) {
        writes.add(changed);
        writeAt = writes.size() - 1;
      } else {
        writes.set(writeAt, changed);
      }
    }
  }

  /** The destination entitlement {@code id}, read once per expansion. */
  private Entitlement destination(String id, Map<String, Entitlement> entitlements) {
    return entitlements.computeIfAbsent(
        id,
        key ->
            store
                .reader()
                .getEntitlement(syncId, key)
                .orElseThrow(
                    () ->
                        new IllegalStateException(
                            "grant expansion: entitlement " + key + " is missing from the sync")));
  }

  /** Writes new (encoded) and updated grants in the order they were made. */
  private void write(List<Object> writes) {
    RowWriter writer = store.writer();
    for (Object w : writes) {
      if (w instanceof EncodedGrant encoded) {
        writer.putExpandedGrant(syncId, encoded);
      } else {
        writer.putExpandedGrants(syncId, List.of((Grant) w));
      }
    }
  }

  static Grant parse(byte[] stored) {
    try {
      return Grant.parseFrom(stored);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("grant expansion: a stored grant is corrupt", e);
    }
  }

  /**
   * The grant with {@code source} recorded (and, for a direct grant seen first, itself as a direct
   * source).
   */
  static Optional<Grant> withSource(Grant g, String source, boolean direct, String destination) {
    Map<String, GrantSources.GrantSource> sources = g.getSources().getSourcesMap();
    GrantSources.GrantSource current = sources.get(source);
    if (current != null && (current.getIsDirect() || !direct)) {
      return Optional.empty();
    }
    GrantSources.Builder b = g.getSources().toBuilder();
    if (sources.isEmpty()) {
      b.putSources(destination, GrantSources.GrantSource.newBuilder().setIsDirect(true).build());
    }
    b.putSources(source, GrantSources.GrantSource.newBuilder().setIsDirect(direct).build());
    return Optional.of(g.toBuilder().setSources(b).build());
  }

  private static boolean sameResource(ResourceId a, ResourceId b) {
    return a.getResourceType().equals(b.getResourceType())
        && a.getResource().equals(b.getResource());
  }
}
