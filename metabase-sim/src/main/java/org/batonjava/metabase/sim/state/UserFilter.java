package org.batonjava.metabase.sim.state;

/**
 * Filters of GET /api/user.
 *
 * @param status which users by activity
 * @param query case-insensitive substring of first name, last name or e-mail; null for none
 * @param groupId only members of this group; null for none
 */
public record UserFilter(Status status, String query, Integer groupId) {
  /** {@code status} after the {@code include_deactivated} override. */
  public enum Status {
    ACTIVE,
    DEACTIVATED,
    ALL
  }

  /** True when every personal user passes (status all, no text, no group). */
  boolean acceptsEveryone() {
    return status == Status.ALL && groupId == null && query == null;
  }

  boolean accepts(SimUser user, SimState state) {
    if ((status == Status.ACTIVE && !user.active())
        || (status == Status.DEACTIVATED && user.active())) {
      return false;
    }
    if (groupId != null && !state.isMember(user.id(), groupId)) {
      return false;
    }
    return query == null
        || contains(user.firstName())
        || contains(user.lastName())
        || contains(user.email());
  }

  private boolean contains(String field) {
    return field != null && field.toLowerCase(java.util.Locale.ROOT).contains(query);
  }
}
