package org.batonjava.sdk.c1z;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A c1z file opened for reading or writing. The file is unpacked into a private temporary folder;
 * all work happens on that copy, and {@link #save()} (or {@link #close()} after writes) packs it
 * back into the file atomically. The previous file survives any failure or crash until the new one
 * is complete.
 *
 * <p>Not thread-safe: one caller at a time (the sync engine serialises store access). The store's
 * own writer thread ({@link RowWriter}) is waited for before anything reads rows, commits or ends.
 */
public final class C1zStore implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(C1zStore.class);

  /** SQLite's page cache, in KiB. */
  static final int CACHE_KIB = 4 * 1024;

  private final Path file;
  private final Path workDir;
  private final CrashLitter.Held workDirClaim;
  private final Path dbFile;
  private final Connection db;
  private final boolean readOnly;
  private final C1zOptions options;
  private final C1zCodec codec;
  private final SyncRunTable syncRuns;
  private final RowReader reader;
  private RowWriter writer;
  private ExpansionRows expansionRows;
  private boolean bulkLoad;
  private boolean dirty;
  private boolean closed;

  private C1zStore(Path file, C1zOptions options, boolean readOnly, C1zCodec codec) {
    this.file = file;
    this.options = options;
    this.readOnly = readOnly;
    this.codec = codec;
    C1zFormat format = C1zFormat.detect(file);
    C1zFormat.requireReadable(file, format);
    if (readOnly && format == C1zFormat.NEW) {
      throw C1zException.about(
          file, "does not exist or is empty; run a sync first or check the --file path");
    }
    Path tempParent = options.tempDir().orElse(Path.of(System.getProperty("java.io.tmpdir")));
    CrashLitter.removeDeadWorkDirs(tempParent);
    CrashLitter.removeDeadSaveFiles(file, options.clock());
    this.workDir = createWorkDir(file, tempParent);
    this.workDirClaim = claim(file, workDir);
    this.dbFile = workDir.resolve("db");
    Connection connection = null;
    try {
      if (format == C1zFormat.V1_SQLITE) {
        codec.decompress(file, dbFile);
      }
      SqliteNativeLibrary.prepare();
      connection = DriverManager.getConnection("jdbc:sqlite:" + dbFile);
      configure(connection);
      C1zSchema.apply(connection, BulkLoad.deferredIndexes(connection));
      connection.setAutoCommit(false);
      new GrantExpansionBackfill(connection).run();
      if (readOnly) {
        // A checkpoint saved during a bulk load: readers need the indexes; this copy is private.
        BulkLoad.end(connection);
      }
      connection.commit();
      this.bulkLoad = BulkLoad.inProgress(connection);
    } catch (SQLException e) {
      closeQuietly(connection);
      deleteWorkDir();
      throw C1zException.about(
          file, "is corrupt or not a c1z database (" + e.getMessage() + ")", e);
    } catch (RuntimeException e) {
      closeQuietly(connection);
      deleteWorkDir();
      throw e;
    }
    this.db = connection;
    SyncTime time = new SyncTime(options.zone());
    this.syncRuns =
        new SyncRunTable(
            db, time, options.clock(), new Ksuid(), this::markDirty, this::awaitWrites);
    this.reader = new RowReader(db, this::executePending, this::endBulkLoad);
  }

  /** Opens {@code file} for writing; a missing or empty file becomes a new store. */
  public static C1zStore open(Path file, C1zOptions options) {
    return new C1zStore(file, options, false, new C1zCodec());
  }

  /** Opens an existing {@code file} for reading; nothing is ever written back. */
  public static C1zStore openReadOnly(Path file, C1zOptions options) {
    return new C1zStore(file, options, true, new C1zCodec());
  }

  /** For tests: a store whose saves go through {@code codec}. */
  static C1zStore open(Path file, C1zOptions options, C1zCodec codec) {
    return new C1zStore(file, options, false, codec);
  }

  public Path file() {
    return file;
  }

  public SyncRunTable syncRuns() {
    requireOpen();
    return syncRuns;
  }

  public RowReader reader() {
    requireOpen();
    return reader;
  }

  /** The one writer of this store; rows are committed in batches (see {@link RowWriter}). */
  public RowWriter writer() {
    requireOpen();
    if (readOnly) {
      throw C1zException.about(file, "was opened read-only");
    }
    if (writer == null) {
      writer =
          new RowWriter(
              db,
              new SyncTime(options.zone()),
              options.clock(),
              options.batchRows(),
              this::markDirty,
              this::endBulkLoad);
      if (bulkLoad) {
        writer.bulkLoad(true);
      }
    }
    return writer;
  }

  /** What grant expansion reads (see {@link ExpansionRows}). */
  public ExpansionRows expansionRows() {
    requireOpen();
    if (expansionRows == null) {
      expansionRows =
          new ExpansionRows(
              db,
              () -> {
                endBulkLoad();
                executePending();
              });
    }
    return expansionRows;
  }

  /**
   * The grants of {@code syncId} on {@code entitlementIds}, one principal at a time (see {@link
   * PrincipalGrantRows}). Does not end a bulk load; the caller closes the cursor.
   */
  public PrincipalGrantRows grantsByPrincipal(String syncId, Collection<String> entitlementIds) {
    requireOpen();
    RowWriter w = writer();
    w.executePending();
    return PrincipalGrantRows.open(db, w, syncId, entitlementIds);
  }

  /**
   * Gets the store ready for grant expansion to write during a bulk load, without the grant
   * indexes: true, and where expansion's writes begin is marked (see {@link DuplicateGrants}), when
   * a bulk load is in progress and no grant of {@code syncId} was stored twice (only the end of the
   * load merges those). False otherwise: expansion must then read through the indexes.
   */
  public boolean readyForExpansionWrites(String syncId) {
    requireOpen();
    if (!bulkLoad) {
      return false;
    }
    executePending();
    try {
      if (DuplicateGrants.exist(db, syncId)) {
        return false;
      }
      BulkLoad.markExpansion(db);
      return true;
    } catch (SQLException e) {
      throw C1zException.about(
          file, "could not prepare grant expansion (" + e.getMessage() + ")", e);
    }
  }

  /**
   * Starts a bulk load of grants (see {@link BulkLoad}): until {@link #endBulkLoad()}, grants are
   * appended without maintaining the indexes of {@code v1_grants}, and the indexes are built once
   * at the end. Reading grants, writing expanded grants, stats, the integrity check and cleanup end
   * the load first. A checkpoint saved during the load stays in bulk-load mode when opened again.
   * Does nothing if a load is already in progress.
   */
  public void beginBulkLoad() {
    requireOpen();
    if (readOnly) {
      throw C1zException.about(file, "was opened read-only");
    }
    if (bulkLoad) {
      return;
    }
    RowWriter w = writer();
    w.flush();
    try {
      BulkLoad.begin(db);
      db.commit();
    } catch (SQLException e) {
      rollbackQuietly();
      throw C1zException.about(file, "could not start a bulk load (" + e.getMessage() + ")", e);
    }
    bulkLoad = true;
    w.bulkLoad(true);
    markDirty();
  }

  /**
   * Ends a bulk load: builds the indexes of {@code v1_grants} (merging grants written twice, as the
   * upsert would have), restoring the file's schema exactly. Does nothing outside a load.
   */
  public void endBulkLoad() {
    requireOpen();
    if (!bulkLoad) {
      return;
    }
    if (writer != null) {
      writer.flush();
    }
    long start = System.nanoTime();
    try {
      BulkLoad.end(db);
      db.commit();
    } catch (SQLException e) {
      rollbackQuietly();
      throw C1zException.about(
          file, "could not build the grant indexes after a bulk load (" + e.getMessage() + ")", e);
    }
    bulkLoad = false;
    if (writer != null) {
      writer.bulkLoad(false);
    }
    markDirty();
    LOG.debug("c1z: grant indexes built in {} ms", (System.nanoTime() - start) / 1_000_000);
  }

  /** Whether a bulk load of grants is in progress (see {@link #beginBulkLoad()}). */
  public boolean bulkLoading() {
    return bulkLoad;
  }

  /** Counts the rows of a sync, as stored at its end. */
  public SyncStats stats(String syncId) {
    requireOpen();
    SyncRun run =
        syncRuns.get(syncId).orElseThrow(() -> C1zException.about(file, "has no sync " + syncId));
    endBulkLoad();
    flushPending();
    long start = System.nanoTime();
    SyncStats stats = new SyncStatsCounter(db, reader).count(syncId, run.type());
    LOG.debug(
        "c1z: rows of sync {} counted in {} ms", syncId, (System.nanoTime() - start) / 1_000_000);
    return stats;
  }

  /**
   * The first reference of the sync that points at nothing in the same sync (see {@link
   * SyncIntegrity}), or empty when every grant's entitlement and principal and every entitlement's
   * resource is there.
   */
  public Optional<String> firstDanglingReference(String syncId) {
    requireOpen();
    endBulkLoad();
    flushPending();
    return new SyncIntegrity(db).firstDanglingReference(syncId);
  }

  /** Deletes one unfinished sync and its rows (a sync that must not be kept or resumed). */
  public void dropSync(String syncId) {
    requireOpen();
    flushPending();
    if (syncRuns.get(syncId).map(SyncRun::finished).orElse(false)) {
      throw C1zException.about(
          file, "sync " + syncId + " is finished; only an unfinished sync can be dropped");
    }
    endBulkLoad();
    try {
      DiskJournal.run(db, () -> SyncCleaner.delete(db, syncId));
    } catch (SQLException e) {
      throw C1zException.about(
          file, "could not drop sync " + syncId + " (" + e.getMessage() + ")", e);
    }
    markDirty();
  }

  /** Deletes syncs beyond the keep limit (see {@link SyncCleaner}) and vacuums. */
  public List<String> cleanup(Optional<String> currentSyncId) {
    requireOpen();
    endBulkLoad();
    flushPending();
    List<String> deleted =
        new SyncCleaner(db, syncRuns).clean(currentSyncId, options.keepSyncCount());
    if (!deleted.isEmpty()) {
      markDirty();
      LOG.debug("c1z: removed {} old sync(s)", deleted.size());
    }
    return deleted;
  }

  /**
   * Packs the working database into the file atomically (WAL checkpoint, zstd, temp file, fsync,
   * rename). Returns the file size in bytes.
   */
  public long save() {
    requireOpen();
    if (readOnly) {
      throw C1zException.about(file, "was opened read-only");
    }
    flushPending();
    try (Statement st = db.createStatement()) {
      db.commit();
      st.execute("pragma wal_checkpoint(TRUNCATE)");
    } catch (SQLException e) {
      throw C1zException.about(file, "could not be saved (" + e.getMessage() + ")", e);
    }
    long size = codec.save(dbFile, file);
    dirty = false;
    LOG.debug("c1z: saved {} ({} bytes compressed)", file, size);
    return size;
  }

  /** Saves if anything was written, then releases the working copy. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    try {
      if (dirty && !readOnly) {
        save();
      }
    } finally {
      release();
    }
  }

  /** Releases the working copy without saving: the file keeps its last saved content. */
  public void discard() {
    if (!closed) {
      release();
    }
  }

  private void release() {
    closed = true;
    if (writer != null) {
      writer.close();
    }
    if (expansionRows != null) {
      expansionRows.close();
    }
    reader.close();
    closeQuietly(db);
    deleteWorkDir();
  }

  private void flushPending() {
    if (writer != null) {
      writer.flush();
    }
  }

  /**
   * Before a read: pending rows go into the open transaction, which this connection's reads see,
   * but are not committed (a commit writes every changed page back, and reads come every few
   * hundred rows).
   */
  private void executePending() {
    if (writer != null) {
      writer.executePending();
    }
  }

  /** Waits until the writer's background thread is idle (see {@link RowWriter}). */
  private void awaitWrites() {
    if (writer != null) {
      writer.awaitWrites();
    }
  }

  private void rollbackQuietly() {
    try {
      db.rollback();
    } catch (SQLException ignored) {
      // The original failure is the one to report.
    }
  }

  private void markDirty() {
    dirty = true;
  }

  private void requireOpen() {
    if (closed) {
      throw C1zException.about(file, "store is already closed");
    }
  }

  private static void configure(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement()) {
      // The database is a private working copy: durability comes from the atomic save, not from
      // fsync.
      st.execute("pragma journal_mode = MEMORY");
      st.execute("pragma synchronous = OFF");
      st.execute("pragma locking_mode = EXCLUSIVE");
      // 16 KiB pages for a new database (an existing one keeps its own): a quarter of the pages to
      // write, read and sort for the same rows. Index builds took 2.9-3.3 s instead of 4.3-4.6 s
      // on a 50,000-user sync's grants, appends 0.8-1.0 s instead of 1.2 s. See BENCHMARKS.md.
      st.execute("pragma page_size = 16384");
      // 4 MiB of page cache: appends during a bulk load need little, and the cache also bounds the
      // runs SQLite's sorter makes (index builds, expansion's read by principal), which sort
      // faster when they fit the processor's cache. A 50,000-user sync took 22 s and peaked at
      // 193 MiB with 4 MiB, 25 s and 206 MiB with 16; 2 MiB cost more CPU. See BENCHMARKS.md.
      st.execute("pragma cache_size = -" + CACHE_KIB);
      // Temporary tables (the duplicate merge after a bulk load, large GROUP BY and IN lists) spill
      // to SQLite's temporary files (TMPDIR, else /var/tmp or /tmp), as the sorts that build
      // indexes always do, instead of growing the process's memory with the number of rows.
      st.execute("pragma temp_store = FILE");
      // Reading the schema here turns "not a database" into an error at open, not later.
      st.executeQuery("select count(*) from sqlite_master").close();
    }
  }

  private static Path createWorkDir(Path file, Path parent) {
    try {
      Files.createDirectories(parent);
      try {
        return Files.createTempDirectory(
            parent,
            CrashLitter.WORK_DIR_PREFIX,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } catch (UnsupportedOperationException e) {
        return Files.createTempDirectory(parent, CrashLitter.WORK_DIR_PREFIX);
      }
    } catch (IOException e) {
      throw C1zException.about(
          file,
          "cannot be unpacked: the temp folder is not writable ("
              + e.getMessage()
              + "); set --c1z-temp-dir",
          e);
    }
  }

  /**
   * Locks the working copy as this run's (see {@link CrashLitter}); a failure removes the folder
   * again.
   */
  private static CrashLitter.Held claim(Path file, Path workDir) {
    try {
      return CrashLitter.claim(workDir);
    } catch (IOException e) {
      try {
        CrashLitter.deleteTree(workDir);
      } catch (IOException ignored) {
        // The folder holds nothing yet; a later run removes it if it can.
      }
      throw C1zException.about(
          file,
          "cannot be unpacked: the temp folder "
              + workDir.getParent()
              + " does not allow a lock file ("
              + e.getMessage()
              + "); set --c1z-temp-dir",
          e);
    }
  }

  private void deleteWorkDir() {
    if (workDir == null) {
      return;
    }
    try (Stream<Path> paths = Files.walk(workDir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (java.nio.file.NoSuchFileException gone) {
      // Already removed.
    } catch (IOException e) {
      LOG.warn("c1z: could not remove the working folder {}: {}", workDir, e.getMessage());
    } finally {
      try {
        workDirClaim.close();
      } catch (IOException ignored) {
        // Closing releases the lock; the folder is gone or left to a later run.
      }
    }
  }

  private static void closeQuietly(Connection connection) {
    if (connection == null) {
      return;
    }
    try {
      connection.close();
    } catch (SQLException ignored) {
      // Nothing left to do with a connection that fails to close.
    }
  }
}
