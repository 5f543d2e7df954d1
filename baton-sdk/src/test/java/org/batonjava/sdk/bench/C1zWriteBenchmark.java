package org.batonjava.sdk.bench;

import c1.connector.v2.Grant;
import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.batonjava.sdk.c1z.C1zOptions;
import org.batonjava.sdk.c1z.C1zStore;
import org.batonjava.sdk.c1z.ProtoBytes;
import org.batonjava.sdk.c1z.SyncType;

/**
 * Writes N synthetic grants (default 1,000,000; see {@link SyntheticGrants}) through {@link
 * C1zStore} and its {@code RowWriter} in one full sync, ends the sync with its stats, and saves the
 * c1z; prints what each phase cost. The grants come from a generator, so the heap holds one write
 * batch at most: run it with a small {@code -Xmx} to show that. Not a unit test; run it with {@code
 * bench/c1z-write.sh} (see BENCHMARKS.md).
 *
 * <p>The grants are written in a bulk load, as a sync writes them ({@link
 * C1zStore#beginBulkLoad()}; the indexes are built at the end and timed on their own); {@code
 * -Dc1z.bench.bulkLoad=false} writes them row by row with the indexes kept up to date instead.
 *
 * <p>Usage: {@code C1zWriteBenchmark [grants] [rows per transaction] [folder]}; the folder
 * (default: a new temp folder) receives the working database and the c1z, and is removed afterwards
 * unless it was given.
 */
public final class C1zWriteBenchmark {
  private static final int SAMPLE_MS = 50;

  private C1zWriteBenchmark() {}

  public static void main(String[] args) throws Exception {
    long count = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 1_000_000;
    int batchRows =
        args.length > 1
            ? Integer.parseInt(args[1].replace("_", ""))
            : C1zOptions.DEFAULT_BATCH_ROWS;
    boolean keep = args.length > 2;
    Path folder =
        keep ? Files.createDirectories(Path.of(args[2])) : Files.createTempDirectory("c1z-bench");
    Path work = Files.createDirectories(folder.resolve("work"));
    Path file = folder.resolve("bench.c1z");
    Files.deleteIfExists(file);

    // What making and encoding the grants costs alone, so the insert rate can be read without it.
    long sample = Math.min(count, 100_000);
    long g0 = System.nanoTime();
    long blobBytes = 0;
    for (Grant g : SyntheticGrants.range(0, sample)) {
      blobBytes += ProtoBytes.deterministic(g).length;
    }
    long generateNs = System.nanoTime() - g0;

    HeapPeak heap = HeapPeak.start();
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    long t0 = System.nanoTime();
    boolean bulk = !"false".equals(System.getProperty("c1z.bench.bulkLoad"));
    long insertNs;
    long indexNs;
    String sliceRates;
    long slice = count >= 200_000 ? 100_000 : Math.max(1, count / 10);
    double slowest = Double.MAX_VALUE;
    double fastest = 0;
    long endNs;
    long saveNs;
    long dbBytes;
    long c1zBytes;
    C1zOptions options = C1zOptions.defaults().withTempDir(work).withBatchRows(batchRows);
    try (C1zStore store = C1zStore.open(file, options)) {
      String syncId = store.syncRuns().start(SyncType.FULL, "");
      long t1 = System.nanoTime();
      if (bulk) {
        // As a sync does: grants are appended without index upkeep, indexes built at the end.
        store.beginBulkLoad();
      }
      // Slices of 100,000 grants (a tenth of smaller runs) show whether the rate holds as the
      // table grows.
      StringBuilder slices = new StringBuilder();
      for (long from = 0; from < count; from += slice) {
        long s0 = System.nanoTime();
        store
            .writer()
            .putGrants(syncId, SyntheticGrants.range(from, Math.min(count, from + slice)));
        store.writer().flush();
        double rate = Math.min(slice, count - from) / sec(System.nanoTime() - s0);
        slowest = Math.min(slowest, rate);
        fastest = Math.max(fastest, rate);
        slices.append(String.format(Locale.ROOT, " %,.0f", rate));
      }
      insertNs = System.nanoTime() - t1;
      sliceRates = slices.toString();
      long ti = System.nanoTime();
      store.endBulkLoad();
      indexNs = System.nanoTime() - ti;

      long t2 = System.nanoTime();
      store.syncRuns().markSupportsDiff(syncId);
      store.syncRuns().end(syncId, store.stats(syncId).toJson());
      endNs = System.nanoTime() - t2;

      dbBytes = sizeOfWorkingDatabase(work);
      long t3 = System.nanoTime();
      c1zBytes = store.save();
      saveNs = System.nanoTime() - t3;
    }
    long totalNs = System.nanoTime() - t0;
    heap.stop();

    long maxHeap = Runtime.getRuntime().maxMemory();
    System.out.printf(
        Locale.ROOT,
        "c1z write benchmark: %,d grants (%,d with GrantExpandable), batch %,d rows, %s%n",
        count,
        count / 100,
        options.batchRows(),
        bulk ? "bulk load (indexes built at the end)" : "row by row (indexes kept up to date)");
    System.out.printf(
        Locale.ROOT,
        "  machine           %d CPUs, load average %.2f at start, Java %s%n",
        Runtime.getRuntime().availableProcessors(),
        load,
        System.getProperty("java.version"));
    System.out.printf(
        Locale.ROOT,
        "  generate+encode   %8.2f s  %,10.0f grants/s (first %,d grants alone, %.0f bytes each)%n",
        sec(generateNs),
        sample / sec(generateNs),
        sample,
        (double) blobBytes / sample);
    System.out.printf(
        Locale.ROOT,
        "  insert            %8.2f s  %,10.0f grants/s%n",
        sec(insertNs),
        count / sec(insertNs));
    System.out.printf(Locale.ROOT, "  insert per %,d   grants/s:%s%n", slice, sliceRates);
    System.out.printf(
        Locale.ROOT,
        "  slowest slice     %,10.0f grants/s (fastest %,.0f; slowest/fastest %.2f)%n",
        slowest,
        fastest,
        slowest / fastest);
    System.out.printf(Locale.ROOT, "  build indexes     %8.2f s%n", sec(indexNs));
    System.out.printf(
        Locale.ROOT,
        "  insert + indexes  %8.2f s  %,10.0f grants/s%n",
        sec(insertNs + indexNs),
        count / sec(insertNs + indexNs));
    System.out.printf(Locale.ROOT, "  stats + end sync  %8.2f s%n", sec(endNs));
    System.out.printf(
        Locale.ROOT,
        "  save (zstd)       %8.2f s  %,10.1f MiB/s of database%n",
        sec(saveNs),
        mib(dbBytes) / sec(saveNs));
    System.out.printf(Locale.ROOT, "  total wall        %8.2f s%n", sec(totalNs));
    System.out.printf(
        Locale.ROOT,
        "  peak heap used    %8.1f MiB (sampled every %d ms) of max heap %.0f MiB%n",
        mib(heap.peak()),
        SAMPLE_MS,
        mib(maxHeap));
    System.out.printf(
        Locale.ROOT,
        "  peak heap after GC%8.1f MiB (highest heap use right after any of %d collections)%n",
        mib(heap.peakAfterGc()),
        heap.collections());
    System.out.printf(
        Locale.ROOT, "  peak RSS          %8.1f MiB (VmHWM of the process)%n", peakRssMib());
    System.out.printf(Locale.ROOT, "  SQLite working db %8.1f MiB%n", mib(dbBytes));
    System.out.printf(
        Locale.ROOT,
        "  c1z file          %8.1f MiB  (%.1fx smaller)%n",
        mib(c1zBytes),
        (double) dbBytes / c1zBytes);
    if (!keep) {
      deleteTree(folder);
    }
  }

  /** The process's peak resident set (Linux); -1 elsewhere. */
  private static double peakRssMib() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }

  private static long sizeOfWorkingDatabase(Path work) throws IOException {
    try (Stream<Path> files = Files.walk(work)) {
      return files
          .filter(p -> p.getFileName().toString().equals("db"))
          .mapToLong(C1zWriteBenchmark::size)
          .sum();
    }
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path folder) throws IOException {
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static double sec(long nanos) {
    return nanos / 1e9;
  }

  private static double mib(long bytes) {
    return bytes / (1024.0 * 1024.0);
  }

  /**
   * Samples heap use on a daemon thread and keeps the highest value seen: heap used (live objects
   * plus garbage not yet collected, so it follows the collector's pace up to -Xmx). Also listens to
   * the collector and keeps the highest heap use right after a collection (an upper bound of what
   * the program really holds, since it still counts garbage already promoted to the old
   * generation).
   */
  private static final class HeapPeak implements Runnable {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Set<String> heapPools =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .map(MemoryPoolMXBean::getName)
            .collect(Collectors.toSet());
    private final AtomicLong peak = new AtomicLong();
    private final AtomicLong peakAfterGc = new AtomicLong();
    private final AtomicLong collections = new AtomicLong();
    private volatile boolean running = true;
    private Thread thread;

    static HeapPeak start() {
      HeapPeak sampler = new HeapPeak();
      for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
        ((NotificationEmitter) gc).addNotificationListener(sampler::onCollection, null, null);
      }
      sampler.thread = new Thread(sampler, "heap-sampler");
      sampler.thread.setDaemon(true);
      sampler.thread.start();
      return sampler;
    }

    private void onCollection(Notification n, Object handback) {
      if (!n.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
        return;
      }
      GarbageCollectionNotificationInfo info =
          GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
      long after =
          info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
              .filter(e -> heapPools.contains(e.getKey()))
              .mapToLong(e -> e.getValue().getUsed())
              .sum();
      peakAfterGc.accumulateAndGet(after, Math::max);
      collections.incrementAndGet();
    }

    @Override
    public void run() {
      while (running) {
        sample();
        try {
          Thread.sleep(SAMPLE_MS);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    private void sample() {
      peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
    }

    void stop() throws InterruptedException {
      running = false;
      thread.interrupt();
      thread.join();
      sample();
    }

    long peak() {
      return peak.get();
    }

    long peakAfterGc() {
      return peakAfterGc.get();
    }

    long collections() {
      return collections.get();
    }
  }
}
