package org.batonjava.metabase.sim.state;

/** A permissions group. Ids 1 (All Users) and 2 (Administrators) are the magic groups. */
public final class SimGroup {
  public static final int ALL_USERS = 1;
  public static final int ADMINISTRATORS = 2;

  private final int id;
  private final String entityId;
  private String name;

  SimGroup(int id, String name, String entityId) {
    this.id = id;
    this.name = name;
    this.entityId = entityId;
  }

  public int id() {
    return id;
  }

  public String name() {
    return name;
  }

  void name(String name) {
    this.name = name;
  }

  /** 21-character NanoID-style id (shown from ≈0.51). */
  public String entityId() {
    return entityId;
  }

  public boolean magic() {
    return id == ALL_USERS || id == ADMINISTRATORS;
  }

  /** {@code magic_group_type} (≈0.55+). */
  public String magicGroupType() {
    return switch (id) {
      case ALL_USERS -> "all-internal-users";
      case ADMINISTRATORS -> "admin";
      default -> null;
    };
  }
}
