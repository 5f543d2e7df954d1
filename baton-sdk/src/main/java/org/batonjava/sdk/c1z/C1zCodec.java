package org.batonjava.sdk.c1z;

import com.github.luben.zstd.ZstdException;
import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import com.github.luben.zstd.ZstdOutputStreamNoFinalizer;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.batonjava.sdk.connector.FailureWords;

/**
 * Turns a c1z v1 file into its SQLite database and back: {@code C1ZF\0} followed by one zstd
 * stream.
 *
 * <p>Saving is atomic: the compressed bytes go to a temporary file in the target's folder, which is
 * flushed to disk and then renamed over the target, so a crash at any point leaves either the
 * previous file or the new one, never a mixture. New files get mode 0600.
 */
final class C1zCodec {
  /**
   * zstd level 1: on a 560 MiB database of a 50,000-user sync it compresses in 28 % less time than
   * level 3 (Go's default encoder speed) for a file 0.9 % larger (BENCHMARKS.md). Any level reads
   * back the same.
   */
  static final int LEVEL = 1;

  /** An 8 MiB window, like the Go writer; readers cap windows at 128 MiB. */
  static final int WINDOW_LOG = 23;

  /**
   * zstd compresses on two threads of its own while the caller reads the database, in jobs of 2
   * MiB: a 565 MB database took 0.74 s instead of 1.09 s. Each worker holds about a job's input and
   * output (zstd's default job for this window is 32 MiB, which cost 170 MiB of memory); the file
   * is 0.2 % larger. The stream is an ordinary single zstd frame.
   */
  static final int WORKERS = 2;

  static final int JOB_SIZE = 2 << 20;

  /** The Go reader refuses to decode more than 10 GiB by default; so does this one. */
  static final long MAX_DECODED_BYTES = 10L * 1024 * 1024 * 1024;

  private static final int BUFFER = 1 << 17;
  private static final byte[] SQLITE_HEADER =
      "SQLite format 3\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private final UnaryOperator<OutputStream> saveStreamDecorator;
  private final long maxDecodedBytes;

  C1zCodec() {
    this(UnaryOperator.identity(), MAX_DECODED_BYTES);
  }

  /**
   * For tests: wraps the stream a save writes to (to fail it midway), and lowers the decode cap.
   */
  C1zCodec(UnaryOperator<OutputStream> saveStreamDecorator, long maxDecodedBytes) {
    this.saveStreamDecorator = saveStreamDecorator;
    this.maxDecodedBytes = maxDecodedBytes;
  }

  /** Decompresses the v1 file {@code c1z} into a new SQLite file {@code db}. */
  void decompress(Path c1z, Path db) {
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(c1z), BUFFER)) {
      byte[] magic = raw.readNBytes(C1zFormat.MAGIC_LENGTH);
      if (!java.util.Arrays.equals(magic, C1zFormat.V1_MAGIC)) {
        throw C1zException.about(c1z, "is not a v1 c1z file (bad header)");
      }
      long total = 0;
      try (ZstdInputStreamNoFinalizer in = new ZstdInputStreamNoFinalizer(raw);
          OutputStream out = new BufferedOutputStream(Files.newOutputStream(db), BUFFER)) {
        byte[] buf = new byte[BUFFER];
        int n;
        while ((n = in.read(buf)) > 0) {
          total += n;
          if (total > maxDecodedBytes) {
            throw C1zException.about(
                c1z,
                "decompresses to more than " + maxDecodedBytes + " bytes; refusing to unpack it");
          }
          out.write(buf, 0, n);
        }
      }
      if (total == 0) {
        throw C1zException.about(c1z, "is truncated: the compressed database is empty");
      }
    } catch (ZstdException e) {
      throw C1zException.about(c1z, "is truncated or corrupt (zstd: " + e.getMessage() + ")", e);
    } catch (IOException e) {
      throw C1zException.about(c1z, "is truncated or corrupt (" + FailureWords.of(e) + ")", e);
    }
    requireSqliteHeader(c1z, db);
  }

  private static void requireSqliteHeader(Path c1z, Path db) {
    try (InputStream in = Files.newInputStream(db)) {
      byte[] head = in.readNBytes(SQLITE_HEADER.length);
      if (!java.util.Arrays.equals(head, SQLITE_HEADER)) {
        throw C1zException.about(c1z, "is corrupt: its payload is not a SQLite database");
      }
    } catch (IOException e) {
      throw C1zException.about(c1z, "cannot be unpacked (" + e.getMessage() + ")", e);
    }
  }

  /**
   * Compresses the SQLite file {@code db} into {@code target} atomically.
   *
   * @return the size of the written file in bytes
   */
  long save(Path db, Path target) {
    Path folder = target.toAbsolutePath().getParent();
    Path tmp = null;
    try {
      Files.createDirectories(folder);
      tmp = Files.createTempFile(folder, target.getFileName().toString() + ".", ".tmp");
      setOwnerOnly(tmp);
      // Locked while writing: a later run removes this file only once nobody holds it.
      try (CrashLitter.Held held = CrashLitter.holdSave(tmp)) {
        FileChannel channel = held.channel();
        OutputStream file = saveStreamDecorator.apply(Channels.newOutputStream(channel));
        OutputStream buffered = new BufferedOutputStream(file, BUFFER);
        buffered.write(C1zFormat.V1_MAGIC);
        try (ZstdOutputStreamNoFinalizer zstd = new ZstdOutputStreamNoFinalizer(buffered, LEVEL)) {
          zstd.setChecksum(true);
          zstd.setWindowLog(WINDOW_LOG);
          zstd.setWorkers(WORKERS);
          zstd.setJobSize(JOB_SIZE);
          Files.copy(db, zstd);
          zstd.closeWithoutClosingParentStream();
        }
        buffered.flush();
        channel.force(true);
      }
      long size = Files.size(tmp);
      moveIntoPlace(tmp, target);
      tmp = null;
      syncFolder(folder);
      return size;
    } catch (IOException e) {
      throw C1zException.about(
          target, "could not be saved (" + e.getMessage() + "); the previous file is unchanged", e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // Best effort: a leftover *.tmp never replaces the real file.
        }
      }
    }
  }

  private static void moveIntoPlace(Path tmp, Path target) throws IOException {
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new FileSystemException(
          target.toString(), null, "the file system cannot rename atomically");
    }
  }

  private static void setOwnerOnly(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, OWNER_ONLY);
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system (e.g. Windows): rely on the folder's permissions.
    }
  }

  private static void syncFolder(Path folder) {
    try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Some platforms cannot open folders; the rename itself is still atomic.
    }
  }
}
