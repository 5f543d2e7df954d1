package org.batonjava.sdk.sync;

import io.grpc.Status;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.batonjava.sdk.c1z.C1zStore;
import org.batonjava.sdk.c1z.SyncRun;
import org.batonjava.sdk.c1z.SyncStats;
import org.batonjava.sdk.c1z.SyncType;
import org.batonjava.sdk.connector.Connector;
import org.batonjava.sdk.connector.ConnectorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a full (or resources-only) sync of a {@link Connector} into a c1z file: resource types →
 * resources (children depth-first) → entitlements → grants → grant expansion, one page at a time,
 * straight into the store. The state is checkpointed into the sync run and the file is saved
 * periodically, so a run that is stopped — by {@link #cancel()}, a signal, an error or even {@code
 * kill -9} — is resumed by the next run from its last saved checkpoint and ends with the same
 * content as an uninterrupted run.
 */
public final class SyncEngine {
  private static final Logger LOG = LoggerFactory.getLogger("org.batonjava.sdk.sync");

  private final Connector connector;
  private final SyncOptions options;
  private final Clock clock;
  private final Retryer retryer;
  private final Retryer validateRetryer;
  private volatile boolean cancelled;
  private boolean connectorReleased;

  public SyncEngine(Connector connector, SyncOptions options) {
    this.connector = connector;
    this.options = options;
    this.clock = options.store().clock();
    this.retryer = Retryer.standard(() -> cancelled);
    this.validateRetryer = Retryer.validation(() -> cancelled);
  }

  /** For tests: a retryer that does not really sleep. */
  SyncEngine(Connector connector, SyncOptions options, Retryer retryer) {
    this.connector = connector;
    this.options = options;
    this.clock = options.store().clock();
    this.retryer = retryer;
    this.validateRetryer = retryer;
  }

  /**
   * Syncs, resuming an unfinished sync of the same type younger than 7 days, and saves the file
   * atomically. Throws {@link ConnectorException} or {@link org.batonjava.sdk.c1z.C1zException} on
   * failure (the sync stays resumable), and {@link SyncInterruptedException} after {@link
   * #cancel()}.
   */
  public SyncReport run() {
    Instant start = clock.instant();
    connectorReleased = false;
    validateRetryer.call(
        "validating the connector",
        () -> {
          connector.validate();
          return null;
        });
    SyncType type = options.skipEntitlementsAndGrants() ? SyncType.RESOURCES_ONLY : SyncType.FULL;
    try (C1zStore store = C1zStore.open(options.file(), options.store())) {
      Optional<SyncRun> unfinished = store.syncRuns().resumable(type);
      String syncId;
      SyncState state;
      boolean resumed;
      SyncState.Resumption resumption =
          unfinished
              .filter(u -> !u.syncToken().isEmpty())
              .map(u -> SyncState.resume(u.syncToken()))
              .orElse(null);
      if (resumption != null && resumption.state().isPresent()) {
        syncId = unfinished.get().id();
        state = resumption.state().get();
        resumed = true;
        LOG.info("Resuming sync {} started at {}", syncId, unfinished.get().startedAt());
      } else if (resumption != null) {
        SyncRun stale = unfinished.get();
        boolean supersededAlready =
            store
                .syncRuns()
                .latestFinished(type)
                .map(done -> done.startedAt().isAfter(stale.startedAt()))
                .orElse(false);
        String message =
            "The unfinished sync {} in {} cannot be resumed: {}; starting a new sync (the unfinished one"
                + " is left as it is; readers use finished syncs)";
        if (supersededAlready) { // said when it was first met; a later sync has finished since
          LOG.debug(message, stale.id(), options.file(), resumption.whyNot());
        } else {
          LOG.warn(message, stale.id(), options.file(), resumption.whyNot());
        }
        syncId = store.syncRuns().start(type, "");
        state = SyncState.fresh(options.skipEntitlementsAndGrants());
        resumed = false;
      } else {
        syncId = unfinished.map(SyncRun::id).orElseGet(() -> store.syncRuns().start(type, ""));
        state = SyncState.fresh(options.skipEntitlementsAndGrants());
        resumed = unfinished.isPresent();
      }
      SyncScope scope = new SyncScope(options.resourceTypes());
      reloadSyncedTypes(store, syncId, scope);
      SyncProgress progress = new SyncProgress(clock, Duration.ofSeconds(5));
      SyncSteps steps =
          new SyncSteps(
              connector.resourceSyncers(),
              store,
              syncId,
              state,
              scope,
              retryer,
              progress,
              !options.skipGrantExpansion());
      Checkpointer checkpoints = new Checkpointer(store, syncId, state, clock, options);
      try {
        loop(state, steps, checkpoints);
      } catch (RuntimeException e) {
        checkpoints.saveQuietly(e);
        releaseConnector();
        if (cancelled) {
          throw new SyncInterruptedException(
              "sync "
                  + syncId
                  + " stopped; its progress is saved in "
                  + options.file()
                  + " and the next run resumes it");
        }
        throw e;
      }
      refuseDanglingReferences(store, syncId);
      store.syncRuns().checkpoint(syncId, state.finalToken());
      store.cleanup(Optional.of(syncId));
      SyncStats stats = store.stats(syncId).withStepDurations(state.stepDurationsMs());
      store.syncRuns().end(syncId, stats.toJson());
      releaseConnector();
      store.save();
      if (scope.dropped() > 0) {
        LOG.info("{} record(s) without an id or of an unsynced type were dropped", scope.dropped());
      }
      Duration took = Duration.between(start, clock.instant());
      LOG.info(
          "Sync complete. {} resource types, {} resources, {} entitlements, {} grants in {} ms",
          stats.resourceTypes(),
          stats.resources(),
          stats.entitlements(),
          stats.grants(),
          took.toMillis());
      return new SyncReport(syncId, resumed, stats, steps.warnings(), took);
    }
  }

  /**
   * The integrity check before a sync is marked finished: a grant whose entitlement or principal,
   * or an entitlement whose resource, is missing from the sync (a server that answered
   * inconsistently, a connector bug) would show in ConductorOne as access to, or by, nothing. Such
   * a sync is dropped from the file, so the earlier finished syncs stay the latest and the next run
   * starts afresh, and the run fails naming the first dangling reference.
   */
  private void refuseDanglingReferences(C1zStore store, String syncId) {
    Instant checkStart = clock.instant();
    Optional<String> dangling = store.firstDanglingReference(syncId);
    LOG.debug(
        "integrity check of sync {}: {} ms",
        syncId,
        Duration.between(checkStart, clock.instant()).toMillis());
    if (dangling.isEmpty()) {
      return;
    }
    store.dropSync(syncId);
    releaseConnector();
    throw new ConnectorException(
        Status.Code.INTERNAL,
        "the sync is inconsistent and was not kept: "
            + dangling.get()
            + "; "
            + options.file()
            + " keeps its earlier finished syncs. The server's answers"
            + " contradicted each other (or the connector has a bug): run the sync again, and report it if it persists");
  }

  private void loop(SyncState state, SyncSteps steps, Checkpointer checkpoints) {
    checkpoints.force();
    ParallelActions parallel = new ParallelActions(options.workers(), steps);
    try {
      while (!state.done()) {
        checkCancelled();
        Action top = state.peek().orElseThrow();
        if (top.operation() == Operation.GRANT_EXPANSION && !connectorReleased) {
          // Expansion and the save need nothing more from the connector: its per-sync caches are
          // garbage from here on (at 50,000 Metabase users the live heap during expansion fell from
          // 31 to 19 MB). One full collection now hands their memory back before expansion's sort
          // takes its own, instead of whenever the old generation next fills up.
          releaseConnector();
          System.gc();
        }
        // Milliseconds, not Instants: this runs once per action (hundreds of thousands a sync).
        long stepStart = clock.millis();
        if (options.workers() > 1
            && top.forResource()
            && (top.operation() == Operation.LIST_ENTITLEMENTS
                || top.operation() == Operation.LIST_GRANTS)) {
          parallel.run(state.topRun(options.workers() * 4), this::checkCancelled);
        } else {
          steps.step(top, this::checkCancelled);
        }
        state.addStepDuration(top.operation().wireName(), clock.millis() - stepStart);
        checkpoints.maybe();
      }
    } finally {
      parallel.close();
    }
  }

  /** Tells the connector, once per run, that this sync will not call it again. */
  private void releaseConnector() {
    if (!connectorReleased) {
      connectorReleased = true;
      connector.syncFinished();
    }
  }

  private static void reloadSyncedTypes(C1zStore store, String syncId, SyncScope scope) {
    store.reader().allResourceTypes(syncId).forEach(scope::synced);
  }

  private void checkCancelled() {
    if (cancelled || Thread.currentThread().isInterrupted()) {
      cancelled = true;
      throw new ConnectorException(Status.Code.CANCELLED, "sync cancelled");
    }
  }

  /** Asks a running {@link #run()} to stop at the next safe point, checkpoint, save and return. */
  public void cancel() {
    cancelled = true;
  }
}
