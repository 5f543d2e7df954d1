package org.batonjava.metabase.connector;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.batonjava.metabase.client.GroupMembership;
import org.batonjava.metabase.client.MetabaseClient;

/**
 * Every group membership of the instance, read with one {@code GET /api/permissions/membership} per sync
 * (Metabase has no paged or per-user variant), by user id, each user's rows sorted by group id.
 */
final class MembershipIndex {
  private final Map<Long, List<GroupMembership>> byUser;

  private MembershipIndex(Map<Long, List<GroupMembership>> byUser) {
    this.byUser = byUser;
  }

  static MembershipIndex read(MetabaseClient client) {
    Map<Long, List<GroupMembership>> byUser = new HashMap<>();
    client.memberships().forEach((userId, rows) -> byUser.put(userId,
        rows.stream().sorted(Comparator.comparingLong(GroupMembership::groupId)).toList()));
    return new MembershipIndex(byUser);
  }

  List<GroupMembership> of(long userId) {
    return byUser.getOrDefault(userId, List.of());
  }
}
