package org.batonjava.sdk.c1z;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes what runs that died (a crash, {@code kill -9}) left behind: their working copies in the
 * temp folder and the {@code <file>.<n>.tmp} siblings of a save that never finished. A live run's
 * files are never touched: each working copy holds an {@link #LOCK_FILE} that its run keeps locked
 * (the operating system drops the lock when the process dies, however it dies), and a save keeps
 * its temp file locked while writing it. A file is removed only if its lock can be taken now, and a
 * temp sibling only if it is also older than {@link #SETTLE}.
 */
final class CrashLitter {
  /** The lock file inside every working copy. */
  static final String LOCK_FILE = "owner.lock";

  /** The prefix of working-copy folders in the temp folder. */
  static final String WORK_DIR_PREFIX = "c1z";

  /** Temp siblings younger than this may be a save that is about to lock or rename its file. */
  static final Duration SETTLE = Duration.ofMinutes(1);

  private static final Logger LOG = LoggerFactory.getLogger(CrashLitter.class);

  /**
   * The lock files this process holds. A sweep never opens them: record locks belong to the
   * process, and closing any descriptor of a file would drop this process's lock on it.
   */
  private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

  /** A lock file this process holds open and locked, until {@link #close()}. */
  static final class Held implements AutoCloseable {
    private final Path path;
    private final FileChannel channel;

    private Held(Path path, FileChannel channel) {
      this.path = path;
      this.channel = channel;
    }

    FileChannel channel() {
      return channel;
    }

    @Override
    public void close() throws IOException {
      try {
        channel.close();
      } finally {
        HELD_HERE.remove(path);
      }
    }
  }

  private CrashLitter() {}

  /**
   * Removes the working copies in {@code tempParent} whose runs are no longer alive. Returns how
   * many.
   */
  static int removeDeadWorkDirs(Path tempParent) {
    int removed = 0;
    if (!Files.isDirectory(tempParent)) {
      return 0;
    }
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tempParent, WORK_DIR_PREFIX + "*")) {
      for (Path dir : dirs) {
        Path lock = dir.resolve(LOCK_FILE);
        if (Files.isDirectory(dir)
            && Files.isRegularFile(lock)
            && removeIfUnlocked(lock, () -> deleteTree(dir))) {
          removed++;
        }
      }
    } catch (IOException e) {
      LOG.debug(
          "c1z: could not look for leftovers of dead runs in {}: {}", tempParent, e.getMessage());
    }
    if (removed > 0) {
      LOG.info(
          "c1z: removed {} working copy(ies) left in {} by runs that are no longer alive",
          removed,
          tempParent);
    }
    return removed;
  }

  /**
   * Removes {@code <file>.<n>.tmp} siblings of {@code file} that no live save holds. Returns how
   * many.
   */
  static int removeDeadSaveFiles(Path file, Clock clock) {
    Path folder = file.toAbsolutePath().getParent();
    if (folder == null || !Files.isDirectory(folder)) {
      return 0;
    }
    String prefix = file.getFileName().toString() + ".";
    int removed = 0;
    try (DirectoryStream<Path> siblings =
        Files.newDirectoryStream(
            folder,
            path -> {
              String name = path.getFileName().toString();
              return name.startsWith(prefix)
                  && name.endsWith(".tmp")
                  && name.substring(prefix.length(), name.length() - 4)
                      .chars()
                      .allMatch(Character::isDigit);
            })) {
      for (Path tmp : siblings) {
        boolean settled =
            Files.getLastModifiedTime(tmp).toInstant().isBefore(clock.instant().minus(SETTLE));
        if (settled && removeIfUnlocked(tmp, () -> Files.deleteIfExists(tmp))) {
          removed++;
        }
      }
    } catch (IOException e) {
      LOG.debug("c1z: could not look for unfinished saves beside {}: {}", file, e.getMessage());
    }
    if (removed > 0) {
      LOG.info(
          "c1z: removed {} unfinished save(s) of {} left by runs that are no longer alive",
          removed,
          file);
    }
    return removed;
  }

  /**
   * Marks {@code workDir} as owned by this process for as long as the returned channel stays open:
   * the lock file is locked before it gets its final name, so a sweeper never finds it unlocked
   * while its run is alive.
   */
  static Held claim(Path workDir) throws IOException {
    Path pending = workDir.resolve(LOCK_FILE + ".new");
    Path lockFile = key(workDir.resolve(LOCK_FILE));
    HELD_HERE.add(lockFile);
    FileChannel channel;
    try {
      channel = FileChannel.open(pending, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    } catch (IOException | RuntimeException e) {
      HELD_HERE.remove(lockFile);
      throw e;
    }
    Held held = new Held(lockFile, channel);
    try {
      channel.lock();
      channel.write(
          ByteBuffer.wrap(
              (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
      Files.move(pending, lockFile, StandardCopyOption.ATOMIC_MOVE);
      return held;
    } catch (IOException | RuntimeException e) {
      held.close();
      throw e;
    }
  }

  /**
   * Opens an unfinished save's temp file and locks it for as long as the returned handle stays
   * open, so that no sweep, of this process or another, removes it meanwhile.
   */
  static Held holdSave(Path tmp) throws IOException {
    Path path = key(tmp);
    HELD_HERE.add(path);
    FileChannel channel;
    try {
      channel = FileChannel.open(path, StandardOpenOption.WRITE);
    } catch (IOException | RuntimeException e) {
      HELD_HERE.remove(path);
      throw e;
    }
    Held held = new Held(path, channel);
    try {
      channel.lock();
      return held;
    } catch (IOException | RuntimeException e) {
      held.close();
      throw e;
    }
  }

  private static Path key(Path path) {
    return path.toAbsolutePath().normalize();
  }

  /** An action on a file or folder that may fail. */
  @FunctionalInterface
  interface Removal {
    void run() throws IOException;
  }

  /**
   * Takes the lock on {@code lockFile} if nobody holds it, and runs {@code removal} while holding
   * it.
   */
  private static boolean removeIfUnlocked(Path lockFile, Removal removal) {
    if (HELD_HERE.contains(key(lockFile))) {
      return false;
    }
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException heldByThisProcess) {
        return false;
      }
      if (lock == null) {
        return false;
      }
      try {
        removal.run();
        return true;
      } finally {
        if (lock.isValid()) {
          lock.release();
        }
      }
    } catch (IOException e) {
      LOG.debug("c1z: could not remove {}: {}", lockFile, e.getMessage());
      return false;
    }
  }

  static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
