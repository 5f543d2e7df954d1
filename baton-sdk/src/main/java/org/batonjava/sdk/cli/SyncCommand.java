package org.batonjava.sdk.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.batonjava.sdk.c1z.C1zOptions;
import org.batonjava.sdk.connector.Connector;
import org.batonjava.sdk.connector.ResourceSyncer;
import org.batonjava.sdk.sync.SyncOptions;
import org.batonjava.sdk.sync.SyncReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default one-shot run: a full (or resources-only) sync into {@code --file}. The job validates
 * the connector first (the engine does, with retries for transient failures) and logs {@code Sync
 * complete.}; this command adds one {@code Sync saved.} line with the file, sync id and counts as
 * key-values, and prints nothing on stdout. SIGINT/SIGTERM cancel the job, which checkpoints and
 * saves before the process ends.
 */
final class SyncCommand {
  /** {@code --workers -1} uses the processors, up to this many. */
  static final int MAX_AUTO_WORKERS = 4;

  private static final Logger LOG = LoggerFactory.getLogger(SyncCommand.class);

  private final RunEnvironment environment;
  private final SyncJob.Factory jobs;
  private final ShutdownSignals signals;
  private final ErrorReporter errors;

  SyncCommand(
      RunEnvironment environment,
      SyncJob.Factory jobs,
      ShutdownSignals signals,
      ErrorReporter errors) {
    this.environment = environment;
    this.jobs = jobs;
    this.signals = signals;
    this.errors = errors;
  }

  int run(Connector connector, ResolvedConfig config) {
    SyncOptions options = options(config, environment);
    checkResourceTypes(connector, options.resourceTypes());
    SyncJob job = jobs.create(connector, options);
    ShutdownSignals.Registration registration = signals.onShutdown(job::cancel);
    try {
      SyncReport report = job.run();
      LOG.atInfo()
          .addKeyValue("file", options.file().toString())
          .addKeyValue("sync_id", report.syncId())
          .addKeyValue("resumed", report.resumed())
          .addKeyValue("resources", report.stats().resources())
          .addKeyValue("entitlements", report.stats().entitlements())
          .addKeyValue("grants", report.stats().grants())
          .addKeyValue("warnings", report.warnings())
          .addKeyValue("duration_ms", report.duration().toMillis())
          .log("Sync saved.");
      return BatonApp.EXIT_OK;
    } catch (RuntimeException e) {
      // Reported before the registration closes, so that a signal-driven exit waits for this line.
      return errors.fail(e);
    } finally {
      registration.close();
    }
  }

  /**
   * {@link SyncOptions} from the flags: file, resource types, resources-only, workers, temp dir.
   */
  static SyncOptions options(ResolvedConfig config, RunEnvironment environment) {
    Path file = environment.workingDirectory().resolve(config.string(DefaultFields.FILE));
    C1zOptions store = C1zOptions.defaults();
    if (config.isSet(DefaultFields.C1Z_TEMP_DIR)) {
      Path tempDir =
          environment.workingDirectory().resolve(config.string(DefaultFields.C1Z_TEMP_DIR));
      if (!Files.isDirectory(tempDir)) {
        throw new ConfigException(
            "--c1z-temp-dir "
                + tempDir
                + " does not exist or is not a directory (from "
                + config.origin(DefaultFields.C1Z_TEMP_DIR).label()
                + ")");
      }
      store = store.withTempDir(tempDir);
    }
    return SyncOptions.defaults(file)
        .withStore(store)
        .withResourceTypes(new LinkedHashSet<>(config.strings(DefaultFields.SYNC_RESOURCE_TYPES)))
        .withSkipEntitlementsAndGrants(config.bool(DefaultFields.SKIP_ENTITLEMENTS_AND_GRANTS))
        .withWorkers(
            workers(config.integer(DefaultFields.WORKERS), environment.availableProcessors()));
  }

  /** 0 and 1 mean sequential; -1 means one per processor, at most {@value #MAX_AUTO_WORKERS}. */
  static int workers(int flag, int processors) {
    if (flag == -1) {
      return Math.max(1, Math.min(processors, MAX_AUTO_WORKERS));
    }
    return Math.max(1, flag);
  }

  private static void checkResourceTypes(Connector connector, Set<String> requested) {
    Set<String> known = new TreeSet<>();
    List<ResourceSyncer> syncers = connector.resourceSyncers();
    syncers.forEach(syncer -> known.add(syncer.resourceType().getId()));
    for (String type : requested) {
      if (!known.contains(type)) {
        throw new ConfigException(
            "--sync-resource-types names an unknown resource type \""
                + type
                + "\"; this connector syncs "
                + String.join(", ", known));
      }
    }
  }
}
