package org.batonjava.sdk.c1z;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import c1.connector.v2.Resource;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class C1zBadInputTest {
  @TempDir Path dir;
  Path good;
  byte[] goodBytes;

  @BeforeEach
  void writeAGoodFile() throws IOException {
    good = dir.resolve("good.c1z");
    try (C1zStore store = C1zStore.open(good, options())) {
      String id = store.syncRuns().start(SyncType.FULL, "");
      List<Resource> users = new ArrayList<>();
      for (int i = 0; i < 2000; i++) {
        users.add(Rows.resource("user", "u" + i, "User number " + i));
      }
      store.writer().putResources(id, users);
      store.syncRuns().end(id, "{}");
    }
    goodBytes = Files.readAllBytes(good);
  }

  private C1zOptions options() {
    return C1zOptions.defaults().withTempDir(dir.resolve("tmp"));
  }

  private void assertRefused(Path file, String... fragments) throws IOException {
    byte[] before =
        Files.exists(file) && !Files.isDirectory(file) ? Files.readAllBytes(file) : null;
    for (boolean readOnly : new boolean[] {true, false}) {
      assertThatThrownBy(
              () ->
                  (readOnly
                          ? C1zStore.openReadOnly(file, options())
                          : C1zStore.open(file, options()))
                      .close())
          .isInstanceOf(C1zException.class)
          .hasMessageStartingWith(file.toString())
          .hasMessageContainingAll(fragments);
    }
    if (before != null) {
      assertThat(Files.readAllBytes(file)).as("the bad file is left untouched").isEqualTo(before);
    }
    try (var work = Files.list(dir.resolve("tmp"))) {
      assertThat(work).as("no working copy left behind").isEmpty();
    }
  }

  @Test
  void truncatedFile() throws IOException {
    Path file = dir.resolve("truncated.c1z");
    Files.write(file, Arrays.copyOf(goodBytes, goodBytes.length / 2));
    assertRefused(file, "truncated or corrupt");
  }

  @Test
  void headerOnly() throws IOException {
    Path file = dir.resolve("header.c1z");
    Files.write(file, Arrays.copyOf(goodBytes, 5));
    assertRefused(file, "truncated");
  }

  @Test
  void flippedByteInTheMiddle() throws IOException {
    Path file = dir.resolve("corrupt.c1z");
    byte[] bytes = goodBytes.clone();
    bytes[bytes.length / 2] ^= 0x5A;
    Files.write(file, bytes);
    assertRefused(file, "corrupt");
  }

  @Test
  void notAC1zAtAll() throws IOException {
    Path file = dir.resolve("notes.txt");
    Files.writeString(file, "hello, this is not a sync file");
    assertRefused(file, "is not a c1z file");
  }

  @Test
  void zstdOfSomethingElse() throws IOException {
    Path payload = dir.resolve("payload");
    Files.writeString(payload, "plain text, not SQLite ".repeat(100));
    Path file = dir.resolve("other.c1z");
    new C1zCodec().save(payload, file);
    assertRefused(file, "not a SQLite database");
  }

  @Test
  void pebbleFilesGetAConversionHint() throws IOException {
    Path file = dir.resolve("v3.c1z");
    Files.write(file, new byte[] {'C', '1', 'Z', '3', 0, 0, 0, 0, 4, 1, 2, 3, 4});
    assertRefused(file, "v3 (Pebble)", "unsupported format", "--storage-engine sqlite");
  }

  @Test
  void directoryInsteadOfFile() throws IOException {
    assertRefused(dir.resolve("tmp"), "is a directory");
  }

  @Test
  void readOnlyOpenOfAMissingFile() {
    Path missing = dir.resolve("missing.c1z");
    assertThatThrownBy(() -> C1zStore.openReadOnly(missing, options()))
        .isInstanceOf(C1zException.class)
        .hasMessageContaining("does not exist or is empty");
    assertThat(missing).doesNotExist();
  }

  @Test
  void decodeCapIsEnforced() {
    C1zCodec small = new C1zCodec(s -> s, 1024);
    assertThatThrownBy(() -> small.decompress(good, dir.resolve("db")))
        .isInstanceOf(C1zException.class)
        .hasMessageContaining("refusing to unpack");
  }

  @Test
  void aSaveThatFailsMidwayLeavesThePreviousFile() throws IOException {
    C1zCodec failing = new C1zCodec(FailAfter::new, C1zCodec.MAX_DECODED_BYTES);
    try (C1zStore store = C1zStore.open(good, options(), failing)) {
      String id = store.syncRuns().start(SyncType.FULL, "");
      store.writer().putResources(id, List.of(Rows.resource("user", "new", "New")));
      assertThatThrownBy(store::save)
          .isInstanceOf(C1zException.class)
          .hasMessageContaining("could not be saved")
          .hasMessageContaining("previous file is unchanged");
      store.discard();
    }
    assertThat(Files.readAllBytes(good)).isEqualTo(goodBytes);
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("good.c1z", "tmp");
    }
    try (C1zStore store = C1zStore.openReadOnly(good, options())) {
      String id = store.syncRuns().latestFinished().orElseThrow().id();
      assertThat(store.reader().listResources(id, Optional.empty(), "", 0).items()).hasSize(2000);
      assertThat(store.syncRuns().all()).hasSize(1);
    }
  }

  /** An output stream that breaks after a few kilobytes, like a full disk. */
  static final class FailAfter extends OutputStream {
    private final OutputStream out;
    private long written;

    FailAfter(OutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (written + len > 4096) {
        throw new IOException("No space left on device");
      }
      written += len;
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }
}
