package org.batonjava.sdk.connector;

import static org.assertj.core.api.Assertions.assertThat;

import c1.connector.v2.AccountInfo;
import c1.connector.v2.BatonActionSchema;
import c1.connector.v2.Capability;
import c1.connector.v2.CapabilityDetailCredentialOption;
import c1.connector.v2.ConnectorCapabilities;
import c1.connector.v2.CredentialDetailsAccountProvisioning;
import c1.connector.v2.Entitlement;
import c1.connector.v2.Grant;
import c1.connector.v2.LocalCredentialOptions;
import c1.connector.v2.Resource;
import c1.connector.v2.ResourceId;
import c1.connector.v2.ResourceType;
import com.google.protobuf.Any;
import com.google.protobuf.Struct;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CapabilitiesFactoryTest {
  private static class Plain implements ResourceSyncer {
    private final String id;

    Plain(String id) {
      this.id = id;
    }

    @Override
    public ResourceType resourceType() {
      return ResourceType.newBuilder().setId(id).setDisplayName(id).build();
    }

    @Override
    public PageResult<Resource> list(Optional<ResourceId> parent, PageRequest page) {
      return PageResult.empty();
    }

    @Override
    public PageResult<Entitlement> entitlements(Resource resource, PageRequest page) {
      return PageResult.empty();
    }

    @Override
    public PageResult<Grant> grants(Resource resource, PageRequest page) {
      return PageResult.empty();
    }
  }

  private static final class Provisioned extends Plain implements GrantProvisioner, AccountCreator {
    Provisioned(String id) {
      super(id);
    }

    @Override
    public List<Any> grant(Resource principal, Entitlement entitlement) {
      return List.of();
    }

    @Override
    public List<Any> revoke(Grant grant) {
      return List.of();
    }

    @Override
    public CredentialDetailsAccountProvisioning credentialDetails() {
      return CredentialDetailsAccountProvisioning.newBuilder()
          .setPreferredCredentialOption(
              CapabilityDetailCredentialOption.CAPABILITY_DETAIL_CREDENTIAL_OPTION_NO_PASSWORD)
          .build();
    }

    @Override
    public AccountCreation createAccount(AccountInfo info, LocalCredentialOptions options) {
      throw new UnsupportedOperationException();
    }
  }

  private static Connector connector(List<ResourceSyncer> syncers, List<ActionHandler> actions) {
    return new Connector() {
      @Override
      public ConnectorInfo info() {
        return new ConnectorInfo("x", "X", "", "");
      }

      @Override
      public void validate() {}

      @Override
      public List<ResourceSyncer> resourceSyncers() {
        return syncers;
      }

      @Override
      public List<ActionHandler> actions() {
        return actions;
      }
    };
  }

  @Test
  void syncOnlyConnectorHasNoCredentialDetailsNorActions() {
    ConnectorCapabilities caps =
        CapabilitiesFactory.derive(
            connector(List.of(new Plain("b"), new Plain("a")), List.of()), GoSdkShape.V0_5_6);

    assertThat(caps.getResourceTypeCapabilitiesList())
        .extracting(rtc -> rtc.getResourceType().getId())
        .containsExactly("a", "b");
    assertThat(caps.getResourceTypeCapabilitiesList())
        .allSatisfy(
            rtc -> {
              assertThat(rtc.getCapabilitiesList()).containsExactly(Capability.CAPABILITY_SYNC);
              assertThat(rtc.hasPermissions()).isFalse();
            });
    assertThat(caps.getConnectorCapabilitiesList()).containsExactly(Capability.CAPABILITY_SYNC);
    assertThat(caps.hasCredentialDetails()).isFalse();
  }

  @Test
  void provisioningSyncerAndActionsInEnumOrderWithPermissionsForV025() {
    ActionHandler action =
        new ActionHandler() {
          @Override
          public BatonActionSchema schema() {
            return BatonActionSchema.newBuilder().setName("noop").build();
          }

          @Override
          public Struct invoke(Struct args) {
            return args;
          }
        };

    ConnectorCapabilities caps =
        CapabilitiesFactory.derive(
            connector(List.of(new Plain("z"), new Provisioned("m")), List.of(action)),
            GoSdkShape.V0_25_0);

    assertThat(caps.getResourceTypeCapabilities(0).getCapabilitiesList())
        .containsExactly(
            Capability.CAPABILITY_SYNC,
            Capability.CAPABILITY_PROVISION,
            Capability.CAPABILITY_ACCOUNT_PROVISIONING);
    assertThat(caps.getResourceTypeCapabilitiesList())
        .allSatisfy(rtc -> assertThat(rtc.hasPermissions()).isTrue());
    assertThat(caps.getConnectorCapabilitiesList())
        .containsExactly(
            Capability.CAPABILITY_PROVISION,
            Capability.CAPABILITY_SYNC,
            Capability.CAPABILITY_ACCOUNT_PROVISIONING,
            Capability.CAPABILITY_ACTIONS);
    assertThat(
            caps.getCredentialDetails()
                .getCapabilityAccountProvisioning()
                .getPreferredCredentialOption())
        .isEqualTo(
            CapabilityDetailCredentialOption.CAPABILITY_DETAIL_CREDENTIAL_OPTION_NO_PASSWORD);
  }
}
