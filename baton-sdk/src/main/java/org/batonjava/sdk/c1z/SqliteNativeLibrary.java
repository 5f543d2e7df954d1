package org.batonjava.sdk.c1z;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * Puts the SQLite driver's native library at one stable place in the temp folder, named by its
 * content, and points the driver at it. Left to itself the driver extracts a fresh copy (about 1
 * MB) under a random name on every start and deletes it only at a clean exit, so each crashed or
 * killed run left one behind. Now every run reuses the same file: it is written once (to a temp
 * name, then renamed) and checked byte for byte before use. An operator's own {@code
 * org.sqlite.lib.path} wins; if the folder cannot be used, the driver's own way is kept.
 */
final class SqliteNativeLibrary {
  private static final Logger LOG = LoggerFactory.getLogger(SqliteNativeLibrary.class);
  private static boolean prepared;

  private SqliteNativeLibrary() {}

  /** Once per process, before the first connection. */
  static synchronized void prepare() {
    if (prepared) {
      return;
    }
    prepared = true;
    if (System.getProperty("org.sqlite.lib.path") != null) {
      return;
    }
    String name = LibraryLoaderUtil.getNativeLibName();
    String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name;
    try (InputStream in = LibraryLoaderUtil.class.getResourceAsStream(resource)) {
      if (in == null) {
        return; // no bundled library for this platform: the driver looks on the system path
      }
      byte[] library = in.readAllBytes();
      Path dir =
          Path.of(System.getProperty("java.io.tmpdir"))
              .resolve(
                  "baton-java-sqlite-"
                      + System.getProperty("user.name", "user")
                      + "-"
                      + digest(library));
      Path target = dir.resolve(name);
      ensureWritten(dir, target, library);
      System.setProperty("org.sqlite.lib.path", dir.toString());
      System.setProperty("org.sqlite.lib.name", name);
    } catch (IOException | RuntimeException e) {
      LOG.debug("c1z: keeping the SQLite driver's own library extraction ({})", e.getMessage());
    }
  }

  private static void ensureWritten(Path dir, Path target, byte[] library) throws IOException {
    if (Files.isDirectory(dir)
        && !Files.getOwner(dir).getName().equals(System.getProperty("user.name"))) {
      throw new IOException(dir + " belongs to another user");
    }
    if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), library)) {
      return;
    }
    try {
      Files.createDirectories(
          dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } catch (UnsupportedOperationException e) {
      Files.createDirectories(dir);
    }
    removeStaleTempFiles(dir);
    Path tmp = Files.createTempFile(dir, target.getFileName().toString() + ".", ".tmp");
    try {
      Files.write(tmp, library);
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * Temp files of a run that died while writing the library (older than a minute, so not a live
   * writer's).
   */
  private static void removeStaleTempFiles(Path dir) throws IOException {
    Instant settled = Instant.now().minus(CrashLitter.SETTLE);
    try (DirectoryStream<Path> tmps = Files.newDirectoryStream(dir, "*.tmp")) {
      for (Path tmp : tmps) {
        if (Files.getLastModifiedTime(tmp).toInstant().isBefore(settled)) {
          Files.deleteIfExists(tmp);
        }
      }
    }
  }

  private static String digest(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
