package org.batonjava.sdk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.batonjava.sdk.c1z.C1zOptions;
import org.batonjava.sdk.c1z.C1zStore;
import org.batonjava.sdk.c1z.SyncType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real child JVMs that sync (saving after every step) are killed with {@code destroyForcibly}
 * (SIGKILL) at random moments, again and again; then one more run finishes the sync. The temp
 * folders and the folder of the file are back at their baseline: the working copies and unfinished
 * saves of the killed runs are gone, and the SQLite native library sits at one stable place instead
 * of one copy per run. Each child has its own {@code java.io.tmpdir}, so other processes on the
 * machine cannot disturb the count.
 */
class CrashLitterTest {
  @TempDir Path dir;
  private final TreeSet<String> deadCopies = new TreeSet<>();

  private boolean littered(String name) {
    return deadCopies.contains(name);
  }

  @Test
  void repeatedKillsLeaveNothingBehindOnceARunCompletes() throws Exception {
    Path jvmTmp = Files.createDirectories(dir.resolve("jvm-tmp"));
    Path c1zTmp = Files.createDirectories(dir.resolve("c1z-tmp"));
    Path out = Files.createDirectories(dir.resolve("out"));
    Path file = out.resolve("sync.c1z");

    runChild(file, jvmTmp, c1zTmp, -1);
    SortedSet<String> jvmBaseline = listing(jvmTmp);
    assertThat(jvmBaseline)
        .as("one stable folder for the native library")
        .hasSize(1)
        .allSatisfy(name -> assertThat(name).startsWith("baton-java-sqlite-"));
    assertThat(listing(c1zTmp)).isEmpty();
    assertThat(listing(out)).containsExactly("sync.c1z");

    Random random = new Random(7);
    int littered = 0;
    deadCopies.clear();
    for (int round = 0; round < 8; round++) {
      Files.delete(file); // each round starts a new sync, so every kill lands in the middle of one
      runChild(file, jvmTmp, c1zTmp, 30 + random.nextInt(400));
      littered += listing(c1zTmp).size();
      deadCopies.addAll(listing(c1zTmp));
      assertThat(listing(jvmTmp))
          .as("round %d: the library is not extracted again", round)
          .isEqualTo(jvmBaseline);
    }
    assertThat(littered).as("the kills did leave working copies behind").isPositive();

    // An unfinished save of a run that died earlier, as a kill during a save leaves it.
    Files.write(out.resolve("sync.c1z.4242424242.tmp"), new byte[] {1, 2, 3});
    // Files of dead runs are old by the time a later run starts; unfinished saves younger than a
    // minute are spared.
    backdate(out);
    // A live run (this process) with its own working copy in the same temp folder must not be
    // touched.
    try (C1zStore live =
        C1zStore.open(dir.resolve("live.c1z"), C1zOptions.defaults().withTempDir(c1zTmp))) {
      live.syncRuns().start(SyncType.FULL, "");
      Path liveCopy =
          listing(c1zTmp).stream()
              .filter(n -> !littered(n))
              .map(c1zTmp::resolve)
              .findFirst()
              .orElseThrow();
      runChild(file, jvmTmp, c1zTmp, -1);
      assertThat(listing(c1zTmp))
          .as("only the live run's working copy is left")
          .containsExactly(liveCopy.getFileName().toString());
      live.save();
    }
    assertThat(listing(c1zTmp)).as("working copies of killed runs").isEmpty();
    assertThat(listing(out)).as("unfinished saves of killed runs").containsExactly("sync.c1z");
    assertThat(listing(jvmTmp)).isEqualTo(jvmBaseline);
  }

  /**
   * Runs {@link ResumeChild}; kills it {@code killAfterMs} after it started syncing, or lets it
   * finish (-1).
   */
  private static void runChild(Path file, Path jvmTmp, Path c1zTmp, int killAfterMs)
      throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    Process child =
        new ProcessBuilder(
                java,
                "-Djava.io.tmpdir=" + jvmTmp,
                "-cp",
                System.getProperty("java.class.path"),
                ResumeChild.class.getName(),
                file.toString(),
                c1zTmp.toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(lines.readLine()).isEqualTo("started");
      if (killAfterMs < 0) {
        assertThat(lines.readLine()).isEqualTo("finished");
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isZero();
        return;
      }
      Thread.sleep(killAfterMs);
      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
  }

  private static void backdate(Path folder) throws IOException {
    FileTime old = FileTime.from(Instant.now().minus(10, ChronoUnit.MINUTES));
    for (Path p : list(folder)) {
      Files.setLastModifiedTime(p, old);
    }
  }

  private static SortedSet<String> listing(Path folder) throws IOException {
    TreeSet<String> names = new TreeSet<>();
    list(folder).forEach(p -> names.add(p.getFileName().toString()));
    return names;
  }

  private static List<Path> list(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.toList();
    }
  }
}
