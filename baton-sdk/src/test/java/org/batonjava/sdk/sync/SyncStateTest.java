package org.batonjava.sdk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SyncStateTest {
  @Test
  void actionIdsAreZeroPaddedToTenDigitsLikeGo() {
    for (long n : new long[] {0, 1, 9, 10, 123_456, 999_999_999, 1_000_000_000, 12_345_678_901L}) {
      assertThat(SyncState.actionId(n)).isEqualTo(String.format("%010d", n));
    }
  }
}
