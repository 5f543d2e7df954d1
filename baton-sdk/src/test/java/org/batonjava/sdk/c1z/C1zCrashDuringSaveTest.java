package org.batonjava.sdk.c1z;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.batonjava.sdk.bench.SyntheticGrants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real writer process with SIGKILL at seeded-random moments, many of them in the middle of
 * a save, and checks every time that the c1z on disk is a complete earlier save: it opens, its
 * grant count is the count of the last save the child finished (or of the one it was in, if that
 * got as far as the rename), the sync token written with those grants agrees, and the file is still
 * owner-only.
 */
class C1zCrashDuringSaveTest {
  private static final long SEED = 0xC1F5L;
  private static final int FIRST_BATCH = 5_000;
  private static final int GRANTS_PER_SAVE = 50_000;
  private static final int ROUNDS = 6;
  private static final long LINE_TIMEOUT_MS = 20_000;

  @TempDir Path dir;

  /** How one round picks its moment to kill the child. */
  private record KillPlan(String afterLine, int occurrence, int maxDelayMs) {}

  /** What the child printed before it died. */
  private record ChildOutput(long lastSaved, Optional<Long> inProgress) {}

  @Test
  void aKilledSaveNeverReplacesTheFileWithAHalfWrittenOne() throws Exception {
    Random random = new Random(SEED);
    int killedMidSave = 0;
    int leftTmpFiles = 0;
    for (int round = 0; round < ROUNDS; round++) {
      // Even rounds: some time after the first finished save (the kill lands in the next insert).
      // Odd rounds: just after the child announced its second save (55k grants; it takes ~100-300
      // ms
      // here), so the kill lands inside the save that replaces the existing file.
      KillPlan plan =
          round % 2 == 0 ? new KillPlan("saved", 1, 200) : new KillPlan("saving", 2, 60);
      int delayMs = random.nextInt(plan.maxDelayMs() + 1);
      Path folder = Files.createDirectory(dir.resolve("round" + round));
      // The c1z gets a folder of its own, so everything else in it comes from saving.
      Path file = Files.createDirectory(folder.resolve("out")).resolve("sync.c1z");

      ChildOutput out = runAndKill(folder, file, plan, delayMs);
      if (out.inProgress().isPresent()) {
        killedMidSave++;
      }
      String context =
          "round " + round + " (" + plan + ", delay " + delayMs + " ms, child said " + out + ")";

      assertThat(Files.getPosixFilePermissions(file))
          .as(context)
          .isEqualTo(PosixFilePermissions.fromString("rw-------"));
      List<String> others;
      try (Stream<Path> files = Files.list(file.getParent())) {
        others =
            files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("sync.c1z")).toList();
      }
      assertThat(others)
          .as("only stray temp files of an interrupted save may remain: " + context)
          .allMatch(n -> n.startsWith("sync.c1z.") && n.endsWith(".tmp"));
      leftTmpFiles += others.size();

      try (C1zStore store =
          C1zStore.openReadOnly(file, C1zOptions.defaults().withTempDir(dir.resolve("check")))) {
        List<SyncRun> runs = store.syncRuns().all();
        assertThat(runs).as(context).hasSize(1);
        SyncRun run = runs.get(0);
        long grants = store.stats(run.id()).grants();
        List<Long> allowed = new ArrayList<>(List.of(out.lastSaved()));
        out.inProgress().ifPresent(allowed::add);
        assertThat(grants).as("grants in the file, " + context).isIn(allowed);
        assertThat(run.syncToken())
            .as("the sync token saved with those grants, " + context)
            .isEqualTo(SaveLoop.tokenFor(grants));
        // The last row of the file's last batch is there and intact.
        long last = grants - 1;
        assertThat(store.reader().getGrant(run.id(), SyntheticGrants.grant(last).getId()))
            .as(context)
            .isPresent();
      }
    }
    System.out.printf(
        "crash test: %d of %d kills landed between 'saving' and 'saved'; %d stray tmp file(s)%n",
        killedMidSave, ROUNDS, leftTmpFiles);
    assertThat(killedMidSave).as("at least one kill landed inside a save").isPositive();
    assertThat(leftTmpFiles)
        .as("at least one kill interrupted the compressed write itself")
        .isPositive();
  }

  private ChildOutput runAndKill(Path folder, Path file, KillPlan plan, int delayMs)
      throws Exception {
    String java = ProcessHandle.current().info().command().orElseThrow();
    Path stderr = folder.resolve("child.err");
    Process child =
        new ProcessBuilder(
                // Client compiler only and a serial collector: the child starts faster on two
                // cores.
                java,
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Dorg.sqlite.tmpdir=" + Files.createDirectories(folder.resolve("native")),
                "-cp",
                System.getProperty("java.class.path"),
                SaveLoop.class.getName(),
                file.toString(),
                folder.resolve("work").toString(),
                Integer.toString(FIRST_BATCH),
                Integer.toString(GRANTS_PER_SAVE),
                "50")
            .redirectError(stderr.toFile())
            .start();
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    List<String> all = new ArrayList<>();
    Thread pump =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  lines.add(line);
                }
              } catch (IOException ignored) {
                // The child was killed; whatever it printed has been read.
              }
            },
            "child-stdout");
    pump.setDaemon(true);
    pump.start();
    try {
      int seen = 0;
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LINE_TIMEOUT_MS);
      while (seen < plan.occurrence()) {
        String line = lines.poll(20, TimeUnit.MILLISECONDS);
        if (line == null) {
          if (!child.isAlive() && lines.isEmpty() && !pump.isAlive()) {
            fail(
                "the child exited "
                    + child.exitValue()
                    + " on its own; stderr:\n"
                    + Files.readString(stderr));
          }
          if (System.nanoTime() > deadline) {
            fail(
                "the child printed no '"
                    + plan.afterLine()
                    + "' line in "
                    + LINE_TIMEOUT_MS
                    + " ms; stderr:\n"
                    + Files.readString(stderr));
          }
          continue;
        }
        all.add(line);
        if (line.startsWith(plan.afterLine() + " ")) {
          seen++;
        }
      }
      Thread.sleep(delayMs);
    } finally {
      child.destroyForcibly();
      child.waitFor(10, TimeUnit.SECONDS);
    }
    pump.join(10_000);
    lines.drainTo(all);
    long lastSaved = -1;
    Optional<Long> inProgress = Optional.empty();
    for (String line : all) {
      // Other lines (the child's debug log) are ignored.
      if (line.startsWith("saving ")) {
        inProgress = Optional.of(Long.parseLong(line.substring("saving ".length())));
      } else if (line.startsWith("saved ")) {
        long n = Long.parseLong(line.substring("saved ".length()));
        assertThat(inProgress).as("the child reports saves in order").contains(n);
        lastSaved = n;
        inProgress = Optional.empty();
      }
    }
    assertThat(lastSaved)
        .as("the child finished at least one save before it was killed")
        .isPositive();
    return new ChildOutput(lastSaved, inProgress);
  }
}
