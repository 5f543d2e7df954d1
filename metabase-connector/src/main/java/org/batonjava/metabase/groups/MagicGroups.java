package org.batonjava.metabase.groups;

/**
 * Metabase's two built-in groups, created with these ids by the first migrations of every install:
 * All Users (everyone is a member; nobody can be added or removed) and Administrators (membership
 * makes a superuser, who always has full data access).
 */
public final class MagicGroups {
  public static final long ALL_USERS = 1;
  public static final long ADMINISTRATORS = 2;

  private MagicGroups() {}
}
