package org.batonjava.metabase.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.batonjava.sdk.connector.ConnectorException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MembershipIndexTest {
  @TempDir Path dir;

  /** One key of the answer: a user id and the rows listed under it. */
  private record Key(long userId, List<GroupMembership> rows) {}

  private MembershipIndex index(List<Key> answer) {
    return MembershipIndex.of(
        visitor -> answer.forEach(k -> k.rows().forEach(r -> visitor.membership(k.userId(), r))),
        dir);
  }

  /** What the index must answer: every row listed under the user, by group id, ties in order. */
  private static List<GroupMembership> expected(List<Key> answer, long userId) {
    List<GroupMembership> out = new ArrayList<>();
    for (Key k : answer) {
      if (k.userId() == userId) {
        k.rows()
            .forEach(
                r ->
                    out.add(
                        new GroupMembership(
                            r.membershipId(), r.groupId(), userId, r.isGroupManager())));
      }
    }
    out.sort(Comparator.comparingLong(GroupMembership::groupId));
    return out;
  }

  @Test
  void keepsOptionalFieldsAndSortsEachUsersRowsByGroup() {
    List<Key> answer =
        List.of(
            new Key(
                7,
                List.of(
                    new GroupMembership(70L, 3, 7L, true),
                    new GroupMembership(null, 1, 7L, null),
                    new GroupMembership(72L, 2, 99L, false))),
            new Key(2, List.of(new GroupMembership(20L, 1, 2L, null))));
    try (MembershipIndex index = index(answer)) {
      assertThat(index.of(7))
          .containsExactly(
              new GroupMembership(null, 1, 7L, null),
              new GroupMembership(72L, 2, 7L, false),
              new GroupMembership(70L, 3, 7L, true));
      assertThat(index.of(2)).containsExactly(new GroupMembership(20L, 1, 2L, null));
      assertThat(index.of(3)).isEmpty();
      assertThat(index.of(Long.MAX_VALUE)).isEmpty();
      assertThat(index.of(-1)).isEmpty();
    }
  }

  @Test
  void aUserListedUnderSeveralKeysKeepsTheAnswersOrderWithinAGroup() {
    // Fifty keys of one user, each with a row in the same group, among other users' keys: the sort
    // must keep equal user ids in the answer's order, as the map's appends did.
    List<Key> answer = new ArrayList<>();
    for (long k = 1; k <= 50; k++) {
      answer.add(new Key(1, List.of(new GroupMembership(k, 7, 1L, null))));
      answer.add(new Key(100 - k, List.of(new GroupMembership(1000 + k, 7, 100 - k, null))));
    }
    try (MembershipIndex index = index(answer)) {
      assertThat(index.of(1)).isEqualTo(expected(answer, 1));
    }
  }

  @Test
  void answersAsAMapWouldForUnorderedAndRepeatedKeysAcrossManyChunks() {
    Random random = new Random(42);
    List<Key> answer = new ArrayList<>();
    Map<Long, Boolean> users = new LinkedHashMap<>();
    long membership = 1;
    // 5,000 keys in random user order (some users listed twice, some with no rows), about 25,000
    // rows: several windows of the row file, read out of order, and several growths of the keys.
    for (int k = 0; k < 5000; k++) {
      long userId = random.nextInt(4000) + (random.nextInt(50) == 0 ? 3_000_000_000L : 0);
      List<GroupMembership> rows = new ArrayList<>();
      int n = random.nextInt(11);
      for (int i = 0; i < n; i++) {
        Boolean manager = random.nextInt(3) == 0 ? null : random.nextBoolean();
        Long id = random.nextInt(5) == 0 ? null : membership++;
        rows.add(new GroupMembership(id, random.nextInt(300), userId, manager));
      }
      answer.add(new Key(userId, rows));
      users.put(userId, true);
    }
    try (MembershipIndex index = index(answer)) {
      for (long userId : users.keySet()) {
        assertThat(index.of(userId)).as("user %d", userId).isEqualTo(expected(answer, userId));
      }
      assertThat(index.of(4001)).isEmpty();
    }
  }

  /**
   * The rows live in a file that has no name from the start (nothing is left behind, even by a
   * killed process); closing the index releases it.
   */
  @Test
  void theRowFileLeavesNothingInItsFolderAndIsReleasedOnClose() throws Exception {
    List<Key> answer = List.of(new Key(5, List.of(new GroupMembership(50L, 9, 5L, null))));
    MembershipIndex index = index(answer);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
    assertThat(index.of(5)).containsExactly(new GroupMembership(50L, 9, 5L, null));
    index.close();
    assertThatThrownBy(() -> index.of(5)).isInstanceOf(IllegalStateException.class);
  }

  /** An answer read in one pass gives the index the general way gives, and may decline. */
  @Test
  void anAnswerThatMayDeclineGivesTheSameIndexOrNone() {
    List<Key> answer =
        List.of(
            new Key(5, List.of(new GroupMembership(50L, 9, 5L, true))),
            new Key(3, List.of(new GroupMembership(null, 2, null, null))));
    try (MembershipIndex read =
            MembershipIndex.unlessDeclined(
                    visitor -> {
                      answer.forEach(k -> k.rows().forEach(r -> visitor.membership(k.userId(), r)));
                      return true;
                    },
                    dir)
                .orElseThrow();
        MembershipIndex general = index(answer)) {
      for (long user : List.of(3L, 5L, 7L)) {
        assertThat(read.of(user)).isEqualTo(general.of(user)).isEqualTo(expected(answer, user));
      }
    }
    assertThat(
            MembershipIndex.unlessDeclined(
                visitor -> {
                  visitor.membership(1, new GroupMembership(1L, 2, 1L, null));
                  return false;
                },
                dir))
        .isEmpty();
  }

  /** A folder the rows cannot go to fails the read with one line that says what to do. */
  @Test
  void aTempFolderThatCannotTakeTheRowsFailsClearly() {
    Path missing = dir.resolve("missing");
    assertThatThrownBy(() -> MembershipIndex.of(visitor -> {}, missing))
        .isInstanceOf(ConnectorException.class)
        .hasMessageContaining(
            "could not keep the group memberships in a temporary file in " + missing)
        .hasMessageContaining("-Djava.io.tmpdir=")
        .hasMessageNotContaining("\n");
  }

  /** The answer failing midway fails the read with its own error. */
  @Test
  void aFailedAnswerFailsTheReadWithItsOwnError() {
    assertThatThrownBy(
            () ->
                MembershipIndex.of(
                    visitor -> {
                      visitor.membership(1, new GroupMembership(1L, 2, 1L, null));
                      throw new IllegalStateException("connection reset");
                    },
                    dir))
        .hasMessage("connection reset");
  }
}
