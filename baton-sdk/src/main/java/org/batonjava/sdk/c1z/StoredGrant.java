package org.batonjava.sdk.c1z;

/** A grant row as grant expansion reads it: its row id, key columns and stored bytes. */
public final class StoredGrant {
  private final long id;
  private final String entitlementId;
  private final String principalType;
  private final String principalId;
  private final byte[] data;

  StoredGrant(
      long id, String entitlementId, String principalType, String principalId, byte[] data) {
    this.id = id;
    this.entitlementId = entitlementId;
    this.principalType = principalType;
    this.principalId = principalId;
    this.data = data;
  }

  /** The row id. */
  public long id() {
    return id;
  }

  /** The entitlement, as stored in the grant's own column. */
  public String entitlementId() {
    return entitlementId;
  }

  /** The principal type, as stored in the grant's own column. */
  public String principalType() {
    return principalType;
  }

  /** The principal id, as stored in the grant's own column. */
  public String principalId() {
    return principalId;
  }

  /** The stored grant (not copied: callers must not change it). */
  public byte[] data() {
    return data;
  }
}
