package org.batonjava.metabase.connector;

import c1.connector.v2.Entitlement;
import c1.connector.v2.Grant;
import c1.connector.v2.GrantAlreadyExists;
import c1.connector.v2.GrantAlreadyRevoked;
import c1.connector.v2.Resource;
import com.google.protobuf.Any;
import java.util.List;
import org.batonjava.sdk.connector.Annotations;
import org.batonjava.sdk.connector.BatonIds;
import org.batonjava.sdk.connector.GrantBuilder;
import org.batonjava.sdk.connector.GrantProvisioner;

/**
 * Grant and revoke requests shaped as the SDK hands them to a connector after reading a synced
 * file: entitlements with their resource's id, principals and grants with ids only.
 */
final class Provisioning {
  private Provisioning() {}

  static Resource user(long id) {
    return resource("user", id);
  }

  static Resource group(long id) {
    return resource("group", id);
  }

  static Resource resource(String type, long id) {
    return Resource.newBuilder().setId(BatonIds.resourceId(type, Long.toString(id))).build();
  }

  static Entitlement groupEntitlement(long groupId, String slug) {
    return entitlement(group(groupId), slug);
  }

  static Entitlement databaseEntitlement(long databaseId, String slug) {
    return entitlement(resource("database", databaseId), slug);
  }

  static Entitlement entitlement(Resource resource, String slug) {
    return Entitlement.newBuilder()
        .setId(BatonIds.entitlementId(resource.getId(), slug))
        .setResource(resource)
        .build();
  }

  static Grant grant(Entitlement entitlement, Resource principal) {
    return GrantBuilder.of(entitlement, principal).build();
  }

  /** The connector's provisioner for a resource type. */
  static GrantProvisioner provisioner(MetabaseConnector connector, String resourceType) {
    return connector.resourceSyncers().stream()
        .filter(s -> s.resourceType().getId().equals(resourceType))
        .map(s -> (GrantProvisioner) s)
        .findFirst()
        .orElseThrow();
  }

  static boolean alreadyExists(List<Any> annotations) {
    return Annotations.has(annotations, GrantAlreadyExists.class);
  }

  static boolean alreadyRevoked(List<Any> annotations) {
    return Annotations.has(annotations, GrantAlreadyRevoked.class);
  }
}
