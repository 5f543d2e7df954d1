package org.batonjava.metabase.groups;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Every group membership of the instance, read with one streamed {@code GET
 * /api/permissions/membership} per sync (Metabase has no paged or per-user variant), by user id,
 * each user's rows sorted by group id. The answer lists each user's rows together, under the user's
 * key; they are kept as they arrive, packed three {@code long}s a row (group id, membership id,
 * flags) in fixed-size chunks, with one sorted entry per user key pointing at its rows: about 24
 * bytes a membership and 16 a user, with nothing copied as the index grows. Rows are turned back
 * into {@link GroupMembership}s only for the user being synced.
 */
public final class MembershipIndex {
  private static final int STRIDE = 3;
  private static final int ROWS_PER_CHUNK = 8192;
  private static final long MANAGER = 1;
  private static final long HAS_MEMBERSHIP_ID = 2;
  private static final long HAS_MANAGER_FLAG = 4;

  /** The user id of each key of the answer, sorted (ties keep the answer's order). */
  private final long[] userIds;

  /** For each entry of {@link #userIds}, the key's position in the answer. */
  private final int[] keys;

  /** For key k of the answer, its rows are [firstRow[k], firstRow[k + 1]). */
  private final int[] firstRow;

  private final List<long[]> chunks;

  private MembershipIndex(long[] userIds, int[] keys, int[] firstRow, List<long[]> chunks) {
    this.userIds = userIds;
    this.keys = keys;
    this.firstRow = firstRow;
    this.chunks = chunks;
  }

  public static MembershipIndex read(GroupsApi client) {
    return of(client::readMemberships);
  }

  /** The index of the rows {@code answer} hands to its visitor, in the answer's order. */
  static MembershipIndex of(Consumer<MembershipVisitor> answer) {
    Builder builder = new Builder();
    answer.accept(builder::add);
    return builder.build();
  }

  public List<GroupMembership> of(long userId) {
    int at = lowerBound(userId);
    List<GroupMembership> out = new ArrayList<>();
    for (; at < userIds.length && userIds[at] == userId; at++) {
      int key = keys[at];
      for (int row = firstRow[key]; row < firstRow[key + 1]; row++) {
        long[] chunk = chunks.get(row / ROWS_PER_CHUNK);
        int i = (row % ROWS_PER_CHUNK) * STRIDE;
        long flags = chunk[i + 2];
        out.add(
            new GroupMembership(
                (flags & HAS_MEMBERSHIP_ID) != 0 ? chunk[i + 1] : null,
                chunk[i],
                userId,
                (flags & HAS_MANAGER_FLAG) != 0 ? (flags & MANAGER) != 0 : null));
      }
    }
    out.sort((a, b) -> Long.compare(a.groupId(), b.groupId()));
    return out;
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
    private final List<long[]> chunks = new ArrayList<>();
    private long[] userIds = new long[1024];
    private int[] firstRow = new int[1025];
    private int keyCount;
    private int rows;

    void add(long userId, GroupMembership row) {
      if (keyCount == 0 || userIds[keyCount - 1] != userId) {
        if (keyCount == userIds.length) {
          userIds = Arrays.copyOf(userIds, keyCount * 2);
          firstRow = Arrays.copyOf(firstRow, keyCount * 2 + 1);
        }
        userIds[keyCount] = userId;
        firstRow[keyCount] = rows;
        keyCount++;
      }
      if (rows % ROWS_PER_CHUNK == 0) {
        chunks.add(new long[ROWS_PER_CHUNK * STRIDE]);
      }
      long[] chunk = chunks.get(chunks.size() - 1);
      int i = (rows % ROWS_PER_CHUNK) * STRIDE;
      chunk[i] = row.groupId();
      chunk[i + 1] = row.membershipId() == null ? 0 : row.membershipId();
      chunk[i + 2] =
          (row.manager() ? MANAGER : 0)
              | (row.membershipId() == null ? 0 : HAS_MEMBERSHIP_ID)
              | (row.isGroupManager() == null ? 0 : HAS_MANAGER_FLAG);
      rows++;
    }

    MembershipIndex build() {
      long[] ids = Arrays.copyOf(userIds, keyCount);
      int[] first = Arrays.copyOf(firstRow, keyCount + 1);
      first[keyCount] = rows;
      int[] keys = new int[keyCount];
      for (int k = 0; k < keyCount; k++) {
        keys[k] = k;
      }
      KeySort.sort(ids, keys);
      return new MembershipIndex(ids, keys, first, chunks);
    }
  }
}
