package org.batonjava.metabase.sim.state;

/**
 * A row of {@code permissions_group_membership}.
 *
 * @param id membership id
 * @param userId member
 * @param groupId group
 * @param manager {@code is_group_manager} (only settable on paid builds)
 */
public record SimMembership(int id, int userId, int groupId, boolean manager) {
  SimMembership withManager(boolean value) {
    return new SimMembership(id, userId, groupId, value);
  }
}
