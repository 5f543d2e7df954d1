package org.batonjava.sdk.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.batonjava.sdk.c1z.C1zOptions;
import org.batonjava.sdk.c1z.C1zStore;
import org.batonjava.sdk.sync.SyncEngine;
import org.batonjava.sdk.sync.SyncOptions;
import org.batonjava.sdk.sync.SyncReport;

/**
 * A full sync through the engine: users, groups with members (the direct grants) and roles granted
 * to groups (expanded to the groups' members). Prints wall time, grants/s, peak heap and the c1z
 * size.
 *
 * <p>Usage: {@code SyncEngineBenchmark <users> <groups> <membersPerGroup> <roles> [workers]}; run
 * through {@code bench/sync-engine.sh}.
 */
public final class SyncEngineBenchmark {
  private SyncEngineBenchmark() {}

  public static void main(String[] args) throws Exception {
    int users = Integer.parseInt(args[0]);
    int groups = Integer.parseInt(args[1]);
    int members = Integer.parseInt(args[2]);
    int roles = Integer.parseInt(args[3]);
    int workers = args.length > 4 ? Integer.parseInt(args[4]) : 1;
    Path dir = Files.createTempDirectory("sync-bench");
    Path file = dir.resolve("bench.c1z");
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    AtomicLong peak = new AtomicLong();
    Thread sampler =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                  Thread.sleep(50);
                } catch (InterruptedException e) {
                  return;
                }
              }
            });
    sampler.setDaemon(true);
    sampler.start();
    long start = System.nanoTime();
    SyncOptions options =
        SyncOptions.defaults(file)
            .withWorkers(workers)
            .withStore(C1zOptions.defaults().withTempDir(dir))
            .withIntervals(Duration.ofSeconds(10), Duration.ofSeconds(60));
    SyncReport report =
        new SyncEngine(new BulkConnector(users, groups, members, roles), options).run();
    double seconds = (System.nanoTime() - start) / 1e9;
    sampler.interrupt();
    long direct = (long) groups * members + roles * 5L;
    System.out.printf(
        "users=%d groups=%d members/group=%d roles=%d workers=%d%n",
        users, groups, members, roles, workers);
    System.out.printf(
        "grants total=%d (direct=%d, expanded=%d)%n",
        report.stats().grants(), direct, report.stats().grants() - direct);
    System.out.printf(
        "wall=%.1f s  grants/s=%.0f  rows/s=%.0f%n",
        seconds,
        report.stats().grants() / seconds,
        (report.stats().grants() + report.stats().resources() + report.stats().entitlements())
            / seconds);
    System.out.printf(
        "peak heap used=%.0f MiB (max heap %.0f MiB)%n",
        peak.get() / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576.0);
    System.out.printf("c1z size=%.1f MiB%n", Files.size(file) / 1048576.0);
    try (C1zStore store = C1zStore.openReadOnly(file, C1zOptions.defaults().withTempDir(dir))) {
      long checkStart = System.nanoTime();
      Optional<String> dangling = store.firstDanglingReference(report.syncId());
      System.out.printf(
          "integrity check (run again on the saved file)=%.2f s, dangling=%s%n",
          (System.nanoTime() - checkStart) / 1e9, dangling.orElse("none"));
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
