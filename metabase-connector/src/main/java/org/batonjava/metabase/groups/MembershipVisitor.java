package org.batonjava.metabase.groups;

/** Receives the rows of {@code GET /api/permissions/membership} one at a time. */
@FunctionalInterface
public interface MembershipVisitor {
  /**
   * One membership row.
   *
   * @param userId the user key the row was listed under
   * @param row one membership of that user
   */
  void membership(long userId, GroupMembership row);
}
