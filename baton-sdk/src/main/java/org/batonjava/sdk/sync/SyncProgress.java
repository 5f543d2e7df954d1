package org.batonjava.sdk.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progress lines on the log during a sync: each phase as it starts, and every few seconds the
 * counts so far with the rate, so a long sync is never silent.
 */
final class SyncProgress {
  private static final Logger LOG = LoggerFactory.getLogger("org.batonjava.sdk.sync");

  private final Clock clock;
  private final Duration every;
  private final Map<String, Long> counts = new LinkedHashMap<>();
  private final Instant started;
  private String phase = "";
  private Instant lastLine;
  private long warnings;

  SyncProgress(Clock clock, Duration every) {
    this.clock = clock;
    this.every = every;
    this.started = clock.instant();
    this.lastLine = started;
  }

  void phase(String name) {
    if (!name.equals(phase)) {
      phase = name;
      LOG.info(name);
    }
  }

  void count(String what, long n) {
    counts.merge(what, n, Long::sum);
    Instant now = clock.instant();
    if (Duration.between(lastLine, now).compareTo(every) >= 0) {
      lastLine = now;
      double seconds = Math.max(1, Duration.between(started, now).toMillis()) / 1000.0;
      long rows = counts.values().stream().mapToLong(Long::longValue).sum();
      LOG.info("{} {} ({} rows/s)", phase, summary(), Math.round(rows / seconds));
    }
  }

  void warning(String message) {
    warnings++;
    LOG.warn(message);
  }

  long warnings() {
    return warnings;
  }

  String summary() {
    StringBuilder sb = new StringBuilder();
    counts.forEach(
        (k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(v).append(' ').append(k));
    return sb.toString();
  }
}
