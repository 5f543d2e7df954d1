package org.batonjava.sdk.connector;

import c1.connector.v2.Capability;
import c1.connector.v2.CapabilityPermissions;
import c1.connector.v2.ConnectorCapabilities;
import c1.connector.v2.CredentialDetails;
import c1.connector.v2.ResourceTypeCapability;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Derives the {@link ConnectorCapabilities} a connector advertises from what it implements, the way
 * the Go SDK's builder does:
 *
 * <ul>
 *   <li>per resource type, sorted by id: {@code SYNC}, then {@code PROVISION} when the syncer is a
 *       {@link GrantProvisioner}, then {@code ACCOUNT_PROVISIONING} when it is an {@link
 *       AccountCreator};
 *   <li>connector level: the union of those, plus {@code ACTIONS} when {@link Connector#actions()}
 *       is not empty, ordered by enum number;
 *   <li>credential details: the first account creator's {@link AccountCreator#credentialDetails()}.
 * </ul>
 */
public final class CapabilitiesFactory {
  private CapabilitiesFactory() {}

  public static ConnectorCapabilities derive(Connector connector, GoSdkShape shape) {
    List<ResourceSyncer> syncers = new ArrayList<>(connector.resourceSyncers());
    syncers.sort(Comparator.comparing(s -> s.resourceType().getId()));

    ConnectorCapabilities.Builder out = ConnectorCapabilities.newBuilder();
    Set<Capability> union = EnumSet.noneOf(Capability.class);
    AccountCreator firstAccountCreator = null;
    for (ResourceSyncer syncer : syncers) {
      List<Capability> caps = resourceTypeCapabilities(syncer);
      union.addAll(caps);
      ResourceTypeCapability.Builder rtc =
          ResourceTypeCapability.newBuilder()
              .setResourceType(syncer.resourceType())
              .addAllCapabilities(caps);
      if (shape.emptyPermissionsPerResourceType()) {
        rtc.setPermissions(CapabilityPermissions.getDefaultInstance());
      }
      out.addResourceTypeCapabilities(rtc);
      if (firstAccountCreator == null && syncer instanceof AccountCreator creator) {
        firstAccountCreator = creator;
      }
    }
    if (!connector.actions().isEmpty()) {
      union.add(Capability.CAPABILITY_ACTIONS);
    }
    union.stream()
        .sorted(Comparator.comparingInt(Capability::getNumber))
        .forEach(out::addConnectorCapabilities);
    if (firstAccountCreator != null) {
      out.setCredentialDetails(
          CredentialDetails.newBuilder()
              .setCapabilityAccountProvisioning(firstAccountCreator.credentialDetails()));
    }
    return out.build();
  }

  private static List<Capability> resourceTypeCapabilities(ResourceSyncer syncer) {
    List<Capability> caps = new ArrayList<>();
    caps.add(Capability.CAPABILITY_SYNC);
    if (syncer instanceof GrantProvisioner) {
      caps.add(Capability.CAPABILITY_PROVISION);
    }
    if (syncer instanceof AccountCreator) {
      caps.add(Capability.CAPABILITY_ACCOUNT_PROVISIONING);
    }
    return caps;
  }
}
