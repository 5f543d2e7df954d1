package org.batonjava.sdk.cli;

import c1.connector.v2.AccountInfo;
import c1.connector.v2.BatonActionSchema;
import c1.connector.v2.CapabilityDetailCredentialOption;
import c1.connector.v2.CredentialDetailsAccountProvisioning;
import c1.connector.v2.Entitlement;
import c1.connector.v2.Grant;
import c1.connector.v2.LocalCredentialOptions;
import c1.connector.v2.Resource;
import c1.connector.v2.ResourceId;
import c1.connector.v2.ResourceType;
import com.google.protobuf.Any;
import com.google.protobuf.Struct;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.batonjava.sdk.connector.AccountCreation;
import org.batonjava.sdk.connector.AccountCreator;
import org.batonjava.sdk.connector.ActionHandler;
import org.batonjava.sdk.connector.Connector;
import org.batonjava.sdk.connector.ConnectorInfo;
import org.batonjava.sdk.connector.GrantProvisioner;
import org.batonjava.sdk.connector.PageRequest;
import org.batonjava.sdk.connector.PageResult;
import org.batonjava.sdk.connector.ResourceSyncer;

/**
 * A connector shaped like the Go Metabase connectors, for CLI tests: a user syncer that creates
 * accounts, a group syncer that provisions memberships, optionally a database syncer, and one
 * action. Syncers return nothing; {@link #validate()} counts its calls and can be made to fail.
 */
final class FakeMetabaseConnector implements Connector {
  private final boolean withDatabase;
  private final RuntimeException validationFailure;
  int validations;
  final Users users = new Users();

  FakeMetabaseConnector(boolean withDatabase) {
    this(withDatabase, null);
  }

  FakeMetabaseConnector(boolean withDatabase, RuntimeException validationFailure) {
    this.withDatabase = withDatabase;
    this.validationFailure = validationFailure;
  }

  @Override
  public ConnectorInfo info() {
    return new ConnectorInfo("baton-metabase", "Metabase", "fake", "v0.0.0");
  }

  @Override
  public void validate() {
    validations++;
    if (validationFailure != null) {
      throw validationFailure;
    }
  }

  @Override
  public List<ResourceSyncer> resourceSyncers() {
    List<ResourceSyncer> syncers = new ArrayList<>();
    syncers.add(users);
    syncers.add(new Groups());
    if (withDatabase) {
      syncers.add(new Databases());
    }
    return syncers;
  }

  @Override
  public List<ActionHandler> actions() {
    return List.of(new EnableUser());
  }

  private abstract static class EmptySyncer implements ResourceSyncer {
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

  static final class Users extends EmptySyncer implements AccountCreator {
    @Override
    public ResourceType resourceType() {
      return ResourceType.newBuilder()
          .setId("user")
          .setDisplayName("User")
          .addTraits(ResourceType.Trait.TRAIT_USER)
          .build();
    }

    @Override
    public CredentialDetailsAccountProvisioning credentialDetails() {
      return CredentialDetailsAccountProvisioning.newBuilder()
          .addSupportedCredentialOptions(
              CapabilityDetailCredentialOption.CAPABILITY_DETAIL_CREDENTIAL_OPTION_RANDOM_PASSWORD)
          .setPreferredCredentialOption(
              CapabilityDetailCredentialOption.CAPABILITY_DETAIL_CREDENTIAL_OPTION_RANDOM_PASSWORD)
          .build();
    }

    /** Accounts created so far, by e-mail; a second request for one of them finds it. */
    final java.util.Map<String, String> accounts = new java.util.LinkedHashMap<>();

    /** The last generated password, for tests that decrypt what the CLI printed. */
    String lastPassword;

    @Override
    public AccountCreation createAccount(AccountInfo info, LocalCredentialOptions options) {
      String email =
          info.getEmailsCount() > 0
              ? info.getEmails(0).getAddress()
              : info.getProfile().getFieldsOrThrow("email").getStringValue();
      Resource existing =
          Resource.newBuilder()
              .setId(
                  ResourceId.newBuilder()
                      .setResourceType("user")
                      .setResource(accounts.getOrDefault(email, "")))
              .setDisplayName(email)
              .build();
      if (accounts.containsKey(email)) {
        return new AccountCreation(existing, true, List.of(), List.of());
      }
      String id = Integer.toString(100 + accounts.size());
      accounts.put(email, id);
      org.batonjava.sdk.crypto.Secret password =
          new org.batonjava.sdk.crypto.PasswordGenerator().generate(options.getRandomPassword());
      lastPassword = password.reveal();
      Resource created =
          existing.toBuilder().setId(existing.getId().toBuilder().setResource(id)).build();
      return new AccountCreation(
          created,
          false,
          List.of(
              new AccountCreation.NamedSecret("password", "the new account's password", password)),
          List.of());
    }
  }

  private static final class Groups extends EmptySyncer implements GrantProvisioner {
    @Override
    public ResourceType resourceType() {
      return ResourceType.newBuilder()
          .setId("group")
          .setDisplayName("Group")
          .addTraits(ResourceType.Trait.TRAIT_GROUP)
          .build();
    }

    @Override
    public List<Any> grant(Resource principal, Entitlement entitlement) {
      return List.of();
    }

    @Override
    public List<Any> revoke(Grant grant) {
      return List.of();
    }
  }

  private static final class Databases extends EmptySyncer {
    @Override
    public ResourceType resourceType() {
      return ResourceType.newBuilder().setId("database").setDisplayName("Database").build();
    }
  }

  private static final class EnableUser implements ActionHandler {
    @Override
    public BatonActionSchema schema() {
      return BatonActionSchema.newBuilder().setName("enable_user").build();
    }

    @Override
    public Struct invoke(Struct args) {
      return Struct.getDefaultInstance();
    }
  }
}
