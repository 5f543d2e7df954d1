package org.batonjava.metabase.connector;

/**
 * Metabase's two built-in groups, created with these ids by the first migrations of every install: All Users
 * (everyone is a member; nobody can be added or removed) and Administrators (membership makes a superuser, who
 * always has full data access).
 */
final class MagicGroups {
  static final long ALL_USERS = 1;
  static final long ADMINISTRATORS = 2;

  private MagicGroups() {}
}
