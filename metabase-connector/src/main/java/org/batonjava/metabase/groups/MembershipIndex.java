package org.batonjava.metabase.groups;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every group membership of the instance, read with one streamed {@code GET
 * /api/permissions/membership} per sync (Metabase has no paged or per-user variant), by user id,
 * each user's rows sorted by group id. Rows are kept packed in a {@code long[]} per user (group id,
 * membership id, flags), about 30 bytes a membership, and turned back into {@link GroupMembership}s
 * only for the users of the page being synced.
 */
public final class MembershipIndex {
  private static final int STRIDE = 3;
  private static final long MANAGER = 1;
  private static final long HAS_MEMBERSHIP_ID = 2;
  private static final long HAS_MANAGER_FLAG = 4;

  private final Map<Long, long[]> byUser;

  private MembershipIndex(Map<Long, long[]> byUser) {
    this.byUser = byUser;
  }

  public static MembershipIndex read(GroupsApi client) {
    Map<Long, long[]> byUser = new HashMap<>();
    client.readMemberships(
        (userId, row) -> {
          long[] rows = byUser.get(userId);
          long[] grown =
              rows == null ? new long[STRIDE] : Arrays.copyOf(rows, rows.length + STRIDE);
          int at = grown.length - STRIDE;
          grown[at] = row.groupId();
          grown[at + 1] = row.membershipId() == null ? 0 : row.membershipId();
          grown[at + 2] =
              (row.manager() ? MANAGER : 0)
                  | (row.membershipId() == null ? 0 : HAS_MEMBERSHIP_ID)
                  | (row.isGroupManager() == null ? 0 : HAS_MANAGER_FLAG);
          byUser.put(userId, grown);
        });
    return new MembershipIndex(byUser);
  }

  public List<GroupMembership> of(long userId) {
    long[] rows = byUser.get(userId);
    if (rows == null) {
      return List.of();
    }
    List<GroupMembership> out = new ArrayList<>(rows.length / STRIDE);
    for (int i = 0; i < rows.length; i += STRIDE) {
      long flags = rows[i + 2];
      out.add(
          new GroupMembership(
              (flags & HAS_MEMBERSHIP_ID) != 0 ? rows[i + 1] : null,
              rows[i],
              userId,
              (flags & HAS_MANAGER_FLAG) != 0 ? (flags & MANAGER) != 0 : null));
    }
    out.sort((a, b) -> Long.compare(a.groupId(), b.groupId()));
    return out;
  }
}
