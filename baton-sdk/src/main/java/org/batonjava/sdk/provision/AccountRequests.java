package org.batonjava.sdk.provision;

import c1.connector.v2.AccountInfo;
import c1.connector.v2.CreateAccountResponse;
import c1.connector.v2.EncryptedData;
import c1.connector.v2.EncryptionConfig;
import c1.connector.v2.LocalCredentialOptions;
import c1.connector.v2.PlaintextData;
import com.google.protobuf.ByteString;
import io.grpc.Status;
import java.util.ArrayList;
import java.util.List;
import org.batonjava.sdk.connector.AccountCreation;
import org.batonjava.sdk.connector.AccountCreator;
import org.batonjava.sdk.connector.Connector;
import org.batonjava.sdk.connector.ConnectorException;
import org.batonjava.sdk.connector.ResourceSyncer;
import org.batonjava.sdk.crypto.CredentialEncryptor;

/**
 * Account creation as the SDK's connector server does it: the connector creates the account and returns its
 * generated credentials in plaintext; they leave here only encrypted, one {@code EncryptedData} per
 * (credential, encryption config), and are wiped from memory afterwards. Used by one-shot runs and by
 * service-mode tasks.
 */
public final class AccountRequests {
  private final Connector connector;
  private final CredentialEncryptor encryptor;

  public AccountRequests(Connector connector, CredentialEncryptor encryptor) {
    this.connector = connector;
    this.encryptor = encryptor;
  }

  /**
   * Creates the account.
   *
   * @param resourceType the account type ({@code ""}: the only account-creating type, else {@code user})
   * @param configs the recipients of the generated credentials; at least one when credentials are generated
   */
  public CreateAccountResponse create(String resourceType, AccountInfo info, LocalCredentialOptions options,
      List<EncryptionConfig> configs) {
    AccountCreation created = creator(resourceType).createAccount(info, options);
    try {
      List<PlaintextData> plaintexts = new ArrayList<>();
      for (AccountCreation.NamedSecret s : created.secrets()) {
        plaintexts.add(PlaintextData.newBuilder().setName(s.name()).setDescription(s.description())
            .setBytes(ByteString.copyFrom(s.value().utf8())).build());
      }
      if (!plaintexts.isEmpty() && configs.isEmpty()) {
        throw new ConnectorException(Status.Code.INVALID_ARGUMENT,
            "the new account's credentials need at least one encryption config; they are never returned in plain text");
      }
      List<EncryptedData> encrypted = plaintexts.isEmpty() ? List.of() : encryptor.encrypt(configs, plaintexts);
      CreateAccountResponse.Builder response = CreateAccountResponse.newBuilder()
          .addAllEncryptedData(encrypted)
          .addAllAnnotations(created.annotations());
      if (created.alreadyExisted()) {
        response.setAlreadyExists(CreateAccountResponse.AlreadyExistsResult.newBuilder()
            .setResource(created.resource()).setIsCreateAccountResult(true));
      } else {
        response.setSuccess(CreateAccountResponse.SuccessResult.newBuilder()
            .setResource(created.resource()).setIsCreateAccountResult(true));
      }
      return response.build();
    } finally {
      created.secrets().forEach(s -> s.value().wipe());
    }
  }

  private AccountCreator creator(String resourceType) {
    List<ResourceSyncer> creators = connector.resourceSyncers().stream().filter(s -> s instanceof AccountCreator).toList();
    if (creators.isEmpty()) {
      throw new ConnectorException(Status.Code.UNIMPLEMENTED, "this connector cannot create accounts");
    }
    String wanted = resourceType.isEmpty() ? (creators.size() == 1 ? creators.get(0).resourceType().getId() : "user") : resourceType;
    return creators.stream().filter(s -> s.resourceType().getId().equals(wanted)).map(s -> (AccountCreator) s)
        .findFirst().orElseThrow(() -> new ConnectorException(Status.Code.INVALID_ARGUMENT,
            "resource type " + wanted + " cannot create accounts; use --create-account-resource-type "
                + creators.stream().map(s -> s.resourceType().getId()).toList()));
  }
}
