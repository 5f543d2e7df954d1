package org.batonjava.sdk.c1z;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class SyncTimeTest {
  private final SyncTime utc = new SyncTime(ZoneId.of("UTC"));

  @Test
  void trimsTrailingZerosOfTheFraction() {
    assertThat(utc.format(Instant.parse("2026-08-21T15:04:05.123456700Z")))
        .isEqualTo("2026-08-21 15:04:05.1234567");
    assertThat(utc.format(Instant.parse("2026-08-21T15:04:05.5Z")))
        .isEqualTo("2026-08-21 15:04:05.5");
  }

  @Test
  void leavesOutAZeroFraction() {
    assertThat(utc.format(Instant.parse("2026-08-21T15:04:05Z"))).isEqualTo("2026-08-21 15:04:05");
  }

  @Test
  void writesLocalWallClockWithoutZone() {
    SyncTime berlin = new SyncTime(ZoneId.of("Europe/Berlin"));
    assertThat(berlin.format(Instant.parse("2026-08-21T15:04:05Z")))
        .isEqualTo("2026-08-21 17:04:05");
  }

  @Test
  void parsesWhatItWrites() {
    Instant t = Instant.parse("2026-02-03T04:05:06.000000789Z");
    assertThat(utc.parse(utc.format(t))).isEqualTo(t);
    assertThat(utc.parse("2026-02-03 04:05:06")).isEqualTo(Instant.parse("2026-02-03T04:05:06Z"));
  }

  @Test
  void cachedSecondsFormatLikeTheFullLayout() {
    java.util.Random random = new java.util.Random(7);
    for (String zone :
        new String[] {"UTC", "Asia/Kolkata", "Europe/Amsterdam", "America/St_Johns"}) {
      SyncTime time = new SyncTime(java.time.ZoneId.of(zone));
      // 1930 (Amsterdam's offset then had seconds), today, and repeats within one second.
      long[] starts = {-1_262_304_000L, 1_796_000_000L};
      for (long start : starts) {
        for (int i = 0; i < 2_000; i++) {
          int nanos = i % 7 == 0 ? 0 : random.nextInt(1_000_000_000);
          Instant t = Instant.ofEpochSecond(start + random.nextInt(5), nanos);
          java.time.LocalDateTime local =
              java.time.LocalDateTime.ofInstant(t, java.time.ZoneId.of(zone));
          String expected =
              java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").format(local)
                  + (nanos == 0 ? "" : "." + String.format("%09d", nanos).replaceAll("0+$", ""));
          assertThat(time.format(t)).as("%s in %s", t, zone).isEqualTo(expected);
        }
      }
    }
  }
}
