package org.batonjava.sdk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyncStateTest {
  @Test
  void actionIdsAreZeroPaddedToTenDigitsLikeGo() {
    for (long n : new long[] {0, 1, 9, 10, 123_456, 999_999_999, 1_000_000_000, 12_345_678_901L}) {
      assertThat(SyncState.actionId(n)).isEqualTo(String.format("%010d", n));
    }
  }

  @Test
  void finishingAnActionRemovesThatOneWhereverItIsInTheStack() {
    SyncState state = SyncState.fresh(false);
    state.finish(state.peek().orElseThrow());
    List<Action> pushed = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      pushed.add(state.push(Operation.LIST_GRANTS, "user", Integer.toString(i), "", "", ""));
    }
    state.finish(pushed.get(4));
    state.finish(pushed.get(1));
    assertThat(state.depth()).isEqualTo(3);
    assertThat(state.peek()).contains(pushed.get(3));
    state.finish(pushed.get(3));
    assertThat(state.peek()).contains(pushed.get(2));
    state.finish(pushed.get(2));
    assertThat(state.peek()).contains(pushed.get(0));
    state.finish(pushed.get(0));
    assertThat(state.done()).isTrue();
    assertThat(SyncState.parse(state.toJson()).done()).isTrue();
  }
}
