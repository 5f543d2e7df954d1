package org.batonjava.sdk.c1z;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep must not weaken the locks that this same process holds. POSIX record locks belong to the
 * process, and closing any descriptor of a file drops all of them: a sweep that opened a live lock
 * file of its own process (two stores in one JVM, as in service mode with several tasks) would
 * silently unlock it, and another process could then remove the live working copy. A separate
 * process (python3's fcntl.lockf, the same kind of lock as Java's) checks that the lock is still
 * held after the sweep.
 */
class CrashLitterSameProcessTest {
  @TempDir Path tmp;

  @Test
  void aSweepLeavesThisProcesssWorkingCopyLocked() throws Exception {
    Path workDir = Files.createTempDirectory(tmp, CrashLitter.WORK_DIR_PREFIX);
    try (CrashLitter.Held claim = CrashLitter.claim(workDir)) {
      assertThat(claim.channel().isOpen()).isTrue();
      assertThat(CrashLitter.removeDeadWorkDirs(tmp)).isZero();

      assertThat(workDir).isDirectory();
      assertThat(lockedByAnotherProcess(workDir.resolve(CrashLitter.LOCK_FILE))).isTrue();
    }
  }

  @Test
  void aSweepLeavesThisProcesssUnfinishedSaveLocked() throws Exception {
    Path file = tmp.resolve("sync.c1z");
    Path save = tmp.resolve("sync.c1z.123.tmp");
    Files.writeString(save, "half a save");
    Clock later = Clock.fixed(Instant.now().plus(Duration.ofHours(1)), ZoneOffset.UTC);
    try (CrashLitter.Held held = CrashLitter.holdSave(save)) {
      assertThat(held.channel().isOpen()).isTrue();
      assertThat(CrashLitter.removeDeadSaveFiles(file, later)).isZero();

      assertThat(save).exists();
      assertThat(lockedByAnotherProcess(save)).isTrue();
    }
    assertThat(CrashLitter.removeDeadSaveFiles(file, later)).isOne();
  }

  /** Whether another process fails to take the lock on {@code file} right now. */
  private static boolean lockedByAnotherProcess(Path file) throws Exception {
    Process python =
        new ProcessBuilder(
                "python3",
                "-c",
                """
                import fcntl, sys
                f = open(sys.argv[1], 'r+')
                try:
                    fcntl.lockf(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except OSError:
                    print('held')
                else:
                    print('free')
                """,
                file.toString())
            .redirectErrorStream(true)
            .start();
    String answer = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(python.waitFor()).as(answer).isZero();
    return answer.trim().equals("held");
  }
}
