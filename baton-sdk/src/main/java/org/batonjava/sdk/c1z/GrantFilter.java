package org.batonjava.sdk.c1z;

import java.util.List;
import java.util.Optional;

/**
 * Which grants of a sync to list. Empty parts match everything.
 *
 * @param entitlementId only grants of this entitlement
 * @param entitlementResourceType only grants on entitlements of resources of this type
 * @param entitlementResourceId with {@code entitlementResourceType}: only grants on that resource
 * @param principalType only grants to principals of this type
 * @param principalId with {@code principalType}: only grants to that principal
 * @param principalTypes only grants to principals of one of these types (empty list = any)
 */
public record GrantFilter(
    Optional<String> entitlementId,
    Optional<String> entitlementResourceType,
    Optional<String> entitlementResourceId,
    Optional<String> principalType,
    Optional<String> principalId,
    List<String> principalTypes) {

  public static GrantFilter all() {
    return new GrantFilter(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        List.of());
  }

  public static GrantFilter forEntitlement(String entitlementId) {
    return all().withEntitlement(entitlementId);
  }

  public static GrantFilter forResource(String type, String id) {
    return new GrantFilter(
        Optional.empty(),
        Optional.of(type),
        Optional.of(id),
        Optional.empty(),
        Optional.empty(),
        List.of());
  }

  public static GrantFilter forResourceType(String type) {
    return new GrantFilter(
        Optional.empty(),
        Optional.of(type),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        List.of());
  }

  public static GrantFilter forPrincipal(String type, String id) {
    return new GrantFilter(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.of(type),
        Optional.of(id),
        List.of());
  }

  public GrantFilter withEntitlement(String id) {
    return new GrantFilter(
        Optional.of(id),
        entitlementResourceType,
        entitlementResourceId,
        principalType,
        principalId,
        principalTypes);
  }

  public GrantFilter withPrincipalTypes(List<String> types) {
    return new GrantFilter(
        entitlementId,
        entitlementResourceType,
        entitlementResourceId,
        principalType,
        principalId,
        List.copyOf(types));
  }
}
