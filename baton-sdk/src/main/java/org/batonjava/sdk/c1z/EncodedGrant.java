package org.batonjava.sdk.c1z;

/**
 * A grant already encoded as the store keeps it, with the column values the store indexes: what
 * grant expansion writes without building a protobuf message per grant.
 */
public final class EncodedGrant {
  private final String entitlementResourceType;
  private final String entitlementResourceId;
  private final String entitlementId;
  private final String principalType;
  private final String principalId;
  private final String id;
  private final byte[] data;

  /**
   * @param entitlementResourceType type of the entitlement's resource
   * @param entitlementResourceId id of the entitlement's resource
   * @param entitlementId the entitlement
   * @param principalType the principal's resource type
   * @param principalId the principal's resource id
   * @param id the grant id
   * @param data the deterministic encoding of the grant (not copied)
   */
  public EncodedGrant(
      String entitlementResourceType,
      String entitlementResourceId,
      String entitlementId,
      String principalType,
      String principalId,
      String id,
      byte[] data) {
    this.entitlementResourceType = entitlementResourceType;
    this.entitlementResourceId = entitlementResourceId;
    this.entitlementId = entitlementId;
    this.principalType = principalType;
    this.principalId = principalId;
    this.id = id;
    this.data = data;
  }

  String entitlementResourceType() {
    return entitlementResourceType;
  }

  String entitlementResourceId() {
    return entitlementResourceId;
  }

  String entitlementId() {
    return entitlementId;
  }

  String principalType() {
    return principalType;
  }

  String principalId() {
    return principalId;
  }

  String id() {
    return id;
  }

  /** The stored encoding (not copied: callers must not change it). */
  public byte[] data() {
    return data;
  }

  /** The same grant stored as {@code newData} (the deterministic encoding of a changed grant). */
  public EncodedGrant withData(byte[] newData) {
    return new EncodedGrant(
        entitlementResourceType,
        entitlementResourceId,
        entitlementId,
        principalType,
        principalId,
        id,
        newData);
  }
}
