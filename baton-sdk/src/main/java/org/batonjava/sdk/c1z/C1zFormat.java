package org.batonjava.sdk.c1z;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** The on-disk formats a c1z file can have, told apart by their first five bytes. */
public enum C1zFormat {
  /** No file, or an empty one: a new store. */
  NEW,
  /**
   * {@code C1ZF\0} followed by one zstd stream of a SQLite database. The format this project
   * writes.
   */
  V1_SQLITE,
  /** {@code C1Z3\0}: a Pebble checkpoint (baton-sdk v0.10+), which this project cannot read. */
  V3_PEBBLE,
  /** {@code C1Z2\0}: a draft layout never shipped as a default. */
  V2_DRAFT;

  static final byte[] V1_MAGIC = {'C', '1', 'Z', 'F', 0};
  static final byte[] V2_MAGIC = {'C', '1', 'Z', '2', 0};
  static final byte[] V3_MAGIC = {'C', '1', 'Z', '3', 0};
  static final int MAGIC_LENGTH = 5;

  /**
   * Reads the header of {@code file}; throws a {@link C1zException} naming the file if it is no
   * c1z.
   */
  public static C1zFormat detect(Path file) {
    if (!Files.exists(file)) {
      return NEW;
    }
    if (Files.isDirectory(file)) {
      throw C1zException.about(
          file, "is a directory, not a c1z file; pass a file path with --file");
    }
    byte[] head = new byte[MAGIC_LENGTH];
    int read;
    try (InputStream in = Files.newInputStream(file)) {
      read = in.readNBytes(head, 0, MAGIC_LENGTH);
    } catch (IOException e) {
      throw C1zException.about(file, "cannot be read (" + e.getMessage() + ")", e);
    }
    if (read == 0) {
      return NEW;
    }
    if (read == MAGIC_LENGTH && Arrays.equals(head, V1_MAGIC)) {
      return V1_SQLITE;
    }
    if (read == MAGIC_LENGTH && Arrays.equals(head, V3_MAGIC)) {
      return V3_PEBBLE;
    }
    if (read == MAGIC_LENGTH && Arrays.equals(head, V2_MAGIC)) {
      return V2_DRAFT;
    }
    throw C1zException.about(
        file, "is not a c1z file (it does not start with the C1ZF header); check the --file path");
  }

  /** Fails with a clear message unless the format is one this project can open. */
  static void requireReadable(Path file, C1zFormat format) {
    switch (format) {
      case NEW, V1_SQLITE -> {}
      case V3_PEBBLE ->
          throw C1zException.about(
              file,
              "is a v3 (Pebble) c1z, an unsupported format; write it as v1 instead by running the Go"
                  + " connector with --storage-engine sqlite (BATON_STORAGE_ENGINE=sqlite), or inspect it"
                  + " with the baton CLI");
      case V2_DRAFT ->
          throw C1zException.about(
              file,
              "is a draft v2 c1z, an unsupported format; re-run the sync to produce a v1 file");
    }
  }
}
