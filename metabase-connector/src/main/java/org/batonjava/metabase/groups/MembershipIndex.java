package org.batonjava.metabase.groups;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Every group membership of the instance, read with one streamed {@code GET
 * /api/permissions/membership} per sync (Metabase has no paged or per-user variant), by user id,
 * each user's rows sorted by group id. The answer lists each user's rows together, under the user's
 * key; the rows go to a temporary file as they arrive ({@link MembershipRows}, 24 bytes a
 * membership), and only one sorted entry per user key stays in memory (16 bytes a user). Rows are
 * turned back into {@link GroupMembership}s only for the user being synced. Close the index to
 * release its file.
 */
public final class MembershipIndex implements AutoCloseable {
  private static final long MANAGER = 1;
  private static final long HAS_MEMBERSHIP_ID = 2;
  private static final long HAS_MANAGER_FLAG = 4;

  /** The user id of each key of the answer, sorted (ties keep the answer's order). */
  private final long[] userIds;

  /** For each entry of {@link #userIds}, the key's position in the answer. */
  private final int[] keys;

  /** For key k of the answer, its rows are [firstRow[k], firstRow[k + 1]). */
  private final int[] firstRow;

  private final MembershipRows rows;

  private MembershipIndex(long[] userIds, int[] keys, int[] firstRow, MembershipRows rows) {
    this.userIds = userIds;
    this.keys = keys;
    this.firstRow = firstRow;
    this.rows = rows;
  }

  /**
   * The memberships of the instance: read in one pass when the answer has the plain shape, and
   * otherwise read again the general way (see {@link GroupsApi#readMembershipsInOnePass}).
   */
  public static MembershipIndex read(GroupsApi client) {
    Path folder = Path.of(System.getProperty("java.io.tmpdir"));
    return unlessDeclined(client::readMembershipsInOnePass, folder)
        .orElseGet(() -> of(client::readMemberships, folder));
  }

  /**
   * As {@link #of(Consumer, Path)}, for an answer that may decline (returning false): empty then,
   * with the rows it handed over released.
   */
  static Optional<MembershipIndex> unlessDeclined(
      Predicate<MembershipVisitor> answer, Path folder) {
    Builder builder = new Builder(MembershipRows.create(folder));
    try {
      if (!answer.test(builder::add)) {
        builder.rows.close();
        return Optional.empty();
      }
      return Optional.of(builder.build());
    } catch (RuntimeException | Error e) {
      builder.rows.close();
      throw e;
    }
  }

  /**
   * The index of the rows {@code answer} hands to its visitor, in the answer's order, its rows in a
   * temporary file in {@code folder}.
   */
  static MembershipIndex of(Consumer<MembershipVisitor> answer, Path folder) {
    return unlessDeclined(
            visitor -> {
              answer.accept(visitor);
              return true;
            },
            folder)
        .orElseThrow();
  }

  public List<GroupMembership> of(long userId) {
    int at = lowerBound(userId);
    List<GroupMembership> out = new ArrayList<>();
    for (; at < userIds.length && userIds[at] == userId; at++) {
      int key = keys[at];
      rows.read(
          firstRow[key],
          firstRow[key + 1] - firstRow[key],
          (groupId, membershipId, flags) ->
              out.add(
                  new GroupMembership(
                      (flags & HAS_MEMBERSHIP_ID) != 0 ? membershipId : null,
                      groupId,
                      userId,
                      (flags & HAS_MANAGER_FLAG) != 0 ? (flags & MANAGER) != 0 : null)));
    }
    out.sort((a, b) -> Long.compare(a.groupId(), b.groupId()));
    return out;
  }

  /** Releases the temporary file; the index answers nothing afterwards. */
  @Override
  public void close() {
    rows.close();
  }

  private int lowerBound(long userId) {
    int lo = 0;
    int hi = userIds.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (userIds[mid] < userId) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Collects the rows in the answer's order; a new key starts when the user id changes. */
  private static final class Builder {
    private final MembershipRows rows;
    private long[] userIds = new long[1024];
    private int[] firstRow = new int[1025];
    private int keyCount;

    Builder(MembershipRows rows) {
      this.rows = rows;
    }

    void add(long userId, GroupMembership row) {
      if (keyCount == 0 || userIds[keyCount - 1] != userId) {
        if (keyCount == userIds.length) {
          userIds = Arrays.copyOf(userIds, keyCount * 2);
          firstRow = Arrays.copyOf(firstRow, keyCount * 2 + 1);
        }
        userIds[keyCount] = userId;
        firstRow[keyCount] = Math.toIntExact(rows.size());
        keyCount++;
      }
      rows.append(
          row.groupId(),
          row.membershipId() == null ? 0 : row.membershipId(),
          (row.manager() ? MANAGER : 0)
              | (row.membershipId() == null ? 0 : HAS_MEMBERSHIP_ID)
              | (row.isGroupManager() == null ? 0 : HAS_MANAGER_FLAG));
    }

    MembershipIndex build() {
      rows.finish();
      long[] ids = Arrays.copyOf(userIds, keyCount);
      int[] first = Arrays.copyOf(firstRow, keyCount + 1);
      first[keyCount] = Math.toIntExact(rows.size());
      int[] keys = new int[keyCount];
      for (int k = 0; k < keyCount; k++) {
        keys[k] = k;
      }
      KeySort.sort(ids, keys);
      return new MembershipIndex(ids, keys, first, rows);
    }
  }
}
