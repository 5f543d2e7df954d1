package org.batonjava.sdk.c1z;

/** The {@code sync_type} values of {@code v1_sync_runs}. */
public enum SyncType {
  FULL("full"),
  PARTIAL("partial"),
  RESOURCES_ONLY("resources_only"),
  PARTIAL_UPSERTS("partial_upserts"),
  PARTIAL_DELETIONS("partial_deletions");

  private final String column;

  SyncType(String column) {
    this.column = column;
  }

  /** The text stored in the column. */
  public String column() {
    return column;
  }

  public static SyncType fromColumn(String text) {
    for (SyncType t : values()) {
      if (t.column.equals(text)) {
        return t;
      }
    }
    // Files written by newer SDKs may carry types this version does not know; treat them as partial
    // so they are never mistaken for (or cleaned up as) full syncs.
    return PARTIAL;
  }
}
