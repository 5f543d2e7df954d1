package org.batonjava.sdk.service;

import c1.connectorapi.baton.v1.Task;
import io.grpc.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import org.batonjava.sdk.c1z.C1zOptions;
import org.batonjava.sdk.c1z.C1zStore;
import org.batonjava.sdk.c1z.SyncType;
import org.batonjava.sdk.connector.Connector;
import org.batonjava.sdk.sync.SyncEngine;
import org.batonjava.sdk.sync.SyncOptions;
import org.batonjava.sdk.sync.SyncReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code sync_full} task, as the Go SDK runs it: a temp file {@code baton-sdk-sync-upload*} in
 * the c1z temp folder; a first heartbeat (failure or cancellation ⇒ no work and no {@code
 * FinishTask}); heartbeats while working; the {@link SyncEngine} writes the file with the task's
 * options (grant expansion skipped when the task says {@code skip_expand_grants}, resources only,
 * resource-type filter — the task's wins over {@code --sync-resource-types}); the file is uploaded;
 * success has no response. The temp file is always deleted. A cancellation (heartbeat answer, nine
 * failed heartbeats, shutdown) stops the sync at its next safe point and finishes the task with
 * {@code CANCELLED}. A task marked {@code debug} also records a debug log ({@link TaskDebugLog})
 * and uploads it after the c1z, as a second stream for the same task.
 */
final class FullSyncTask implements TaskHandler {
  static final String TEMP_PREFIX = "baton-sdk-sync-upload";

  /** The loggers a debug task raises besides the connector's own package. */
  static final String SDK_LOGGERS = "org.batonjava";

  private static final Logger LOG = LoggerFactory.getLogger(FullSyncTask.class);

  private final Connector connector;
  private final SyncSettings settings;
  private final Path tempDir;
  private final BatonServiceClient client;
  private final String hostId;
  private final ScheduledExecutorService scheduler;
  private final C1zUploader uploader;

  FullSyncTask(
      Connector connector,
      SyncSettings settings,
      Path tempDir,
      BatonServiceClient client,
      String hostId,
      ScheduledExecutorService scheduler,
      C1zUploader uploader) {
    this.connector = connector;
    this.settings = settings;
    this.tempDir = tempDir;
    this.client = client;
    this.hostId = hostId;
    this.scheduler = scheduler;
    this.uploader = uploader;
  }

  @Override
  public TaskOutcome handle(Task task, TaskContext context) {
    Task.SyncFullTask sync = task.getSyncFull();
    if (sync.getTargetedSyncResourcesCount() > 0 || sync.getSkipGrants()) {
      throw TaskFailure.status(
          Status.Code.UNIMPLEMENTED,
          "targeted syncs (targeted_sync_resources, skip_grants) are not supported by this connector",
          true);
    }
    Path file;
    try {
      file = Files.createTempFile(tempDir, TEMP_PREFIX, ".c1z");
    } catch (IOException e) {
      throw TaskFailure.plain(
          "cannot create a sync file in " + tempDir + ": " + e.getMessage(), false);
    }
    Optional<TaskDebugLog> debugLog =
        TaskDebugLog.startIfRequested(
            task.getDebug(),
            task.getId(),
            tempDir,
            List.of(SDK_LOGGERS, connector.getClass().getPackageName()));
    try {
      Heartbeater heartbeats;
      try {
        heartbeats = Heartbeater.start(client, hostId, context, scheduler);
      } catch (Heartbeater.NotStarted e) {
        return new TaskOutcome.NoFinish(e.getMessage());
      }
      try (heartbeats) {
        runSync(sync, file, context);
        context.throwIfCancelled();
        uploader.upload(context, file);
        debugLog.ifPresent(log -> uploadDebugLog(context, log));
        return TaskOutcome.Success.empty();
      }
    } finally {
      debugLog.ifPresent(
          log -> {
            log.close();
            log.delete();
          });
      deleteQuietly(file);
    }
  }

  /**
   * The task's debug log, as a second upload for the same task (after the c1z, as in Go). The sync
   * is delivered already, so a failed debug upload is a warning, not a failed task.
   */
  private void uploadDebugLog(TaskContext context, TaskDebugLog log) {
    log.close();
    try {
      uploader.upload(context, log.file());
    } catch (TaskFailure e) {
      LOG.warn(
          "Task {}: the debug log could not be uploaded ({}); the sync was uploaded",
          context.taskId(),
          e.getMessage());
    }
  }

  private void runSync(Task.SyncFullTask sync, Path file, TaskContext context) {
    C1zOptions store = C1zOptions.defaults().withTempDir(tempDir);
    if (settings.skipFullSync()) {
      writeEmptySync(file, store);
      return;
    }
    Set<String> types = new LinkedHashSet<>(sync.getSyncResourceTypeIdsList());
    if (types.isEmpty()) {
      types.addAll(settings.resourceTypes());
    }
    SyncOptions options =
        SyncOptions.defaults(file)
            .withStore(store)
            .withResourceTypes(types)
            .withSkipEntitlementsAndGrants(
                sync.getSkipEntitlementsAndGrants() || settings.skipEntitlementsAndGrants())
            .withSkipGrantExpansion(sync.getSkipExpandGrants())
            .withWorkers(settings.workers());
    SyncEngine engine = new SyncEngine(connector, options);
    TaskContext.Registration onCancel = context.onCancel(engine::cancel);
    try {
      SyncReport report = engine.run();
      LOG.info(
          "Sync {} for task {} wrote {} resources, {} entitlements, {} grants",
          report.syncId(),
          context.taskId(),
          report.stats().resources(),
          report.stats().entitlements(),
          report.stats().grants());
    } catch (RuntimeException e) {
      if (context.cancelled()) {
        LOG.info("Sync for task {} stopped: {}", context.taskId(), context.cancelReason());
        throw TaskFailure.cancelled();
      }
      throw TaskFailure.fromConnector(e, false);
    } finally {
      onCancel.remove();
    }
  }

  /** {@code --skip-full-sync}: validate, then a finished full sync with no rows. */
  private void writeEmptySync(Path file, C1zOptions options) {
    try {
      connector.validate();
      try (C1zStore store = C1zStore.open(file, options)) {
        String syncId = store.syncRuns().start(SyncType.FULL, "");
        store.syncRuns().end(syncId, store.stats(syncId).toJson());
        store.save();
      }
      LOG.info("Skipped the full sync for this task (--skip-full-sync); uploading an empty sync");
    } catch (RuntimeException e) {
      throw TaskFailure.fromConnector(e, false);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
      Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".tmp"));
    } catch (IOException e) {
      LOG.warn("Could not delete the temp sync file {}: {}", file, e.getMessage());
    }
  }
}
