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
}
