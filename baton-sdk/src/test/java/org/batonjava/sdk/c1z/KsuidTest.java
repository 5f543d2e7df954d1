package org.batonjava.sdk.c1z;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class KsuidTest {
  @Test
  void encodesThePublishedExample() {
    // The example of the KSUID specification: timestamp 107608047, payload B5A1...9735.
    byte[] payload = HexFormat.of().parseHex("B5A1CD34B5F99D1154FB6853345C9735");
    assertThat(Ksuid.encode(107_608_047L, payload)).isEqualTo("0ujtsYcgvSTl8PAuAdqWYSMnLOv");
    assertThat(Ksuid.timeOf("0ujtsYcgvSTl8PAuAdqWYSMnLOv"))
        .isEqualTo(Instant.parse("2017-10-10T04:00:47Z"));
  }

  @Test
  void idsAre27CharactersAndSortByTime() {
    Ksuid ksuid = new Ksuid();
    String earlier = ksuid.next(Instant.parse("2026-01-01T00:00:00Z"));
    String later = ksuid.next(Instant.parse("2026-01-01T00:00:01Z"));
    assertThat(earlier).hasSize(27).matches("[0-9A-Za-z]+");
    assertThat(earlier).isLessThan(later);
    assertThat(Ksuid.timeOf(later)).isEqualTo(Instant.parse("2026-01-01T00:00:01Z"));
  }

  @Test
  void extremesKeepTheFixedWidth() {
    assertThat(Ksuid.encode(0, new byte[16])).isEqualTo("000000000000000000000000000");
    byte[] max = new byte[16];
    java.util.Arrays.fill(max, (byte) 0xFF);
    assertThat(Ksuid.encode(0xFFFF_FFFFL, max)).isEqualTo("aWgEPTl1tmebfsQzFP4bxwgy80V");
    assertThatThrownBy(() -> Ksuid.encode(-1, new byte[16]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
