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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Account creation as the SDK's connector server does it: the connector creates the account and
 * returns its generated credentials in plaintext; they leave here only encrypted, one {@code
 * EncryptedData} per (credential, encryption config), and are wiped from memory afterwards. Used by
 * one-shot runs and by service-mode tasks.
 */
public final class AccountRequests {
  /** Encrypts plaintexts for configs: one {@code EncryptedData} per plaintext and config. */
  @FunctionalInterface
  public interface Sealer {
    List<EncryptedData> seal(List<EncryptionConfig> configs, List<PlaintextData> plaintexts);
  }

  private static final Logger LOG = LoggerFactory.getLogger(AccountRequests.class);

  private final Connector connector;
  private final Sealer sealer;
  private final ProvisioningRetry retry;

  public AccountRequests(Connector connector, Sealer sealer) {
    this(connector, sealer, ProvisioningRetry.standard());
  }

  public AccountRequests(Connector connector, Sealer sealer, ProvisioningRetry retry) {
    this.connector = connector;
    this.sealer = sealer;
    this.retry = retry;
  }

  public AccountRequests(Connector connector, CredentialEncryptor encryptor) {
    this(connector, encryptor::encrypt);
  }

  /**
   * Creates the account.
   *
   * @param resourceType the account type ({@code ""}: the only account-creating type, else {@code
   *     user})
   * @param configs the recipients of the generated credentials; with none, generated credentials
   *     are dropped (as in the Go SDK) and a warning says so
   */
  public CreateAccountResponse create(
      String resourceType,
      AccountInfo info,
      LocalCredentialOptions options,
      List<EncryptionConfig> configs) {
    return createReporting(resourceType, info, options, configs).response();
  }

  /**
   * The answer to a creation, and whether an earlier attempt (whose answer was lost) may have
   * created the account.
   */
  public record Created(CreateAccountResponse response, boolean earlierAttemptUncertain) {}

  /**
   * As {@link #create}, also saying whether the account found in place may have been created by
   * this run: the creation is retried after transient failures, and a retry after a lost answer
   * finds the account this run's request made (its generated password is then unknown).
   */
  public Created createReporting(
      String resourceType,
      AccountInfo info,
      LocalCredentialOptions options,
      List<EncryptionConfig> configs) {
    AccountCreator creator = creator(resourceType);
    ProvisioningRetry.Result<AccountCreation> result =
        retry.call("create account", () -> creator.createAccount(info, options));
    AccountCreation created = result.value();
    boolean uncertain = result.earlierAttemptUncertain() && created.alreadyExisted();
    if (uncertain) {
      LOG.warn(
          "account {} is in place; this run's request may have created it (an earlier attempt's answer was"
              + " lost), in which case its password is unknown: reset it",
          created.resource().getId().getResource());
    }
    return new Created(respond(created, configs), uncertain);
  }

  private CreateAccountResponse respond(AccountCreation created, List<EncryptionConfig> configs) {
    try {
      List<PlaintextData> plaintexts = new ArrayList<>();
      for (AccountCreation.NamedSecret s : created.secrets()) {
        plaintexts.add(
            PlaintextData.newBuilder()
                .setName(s.name())
                .setDescription(s.description())
                .setBytes(ByteString.copyFrom(s.value().utf8()))
                .build());
      }
      if (!plaintexts.isEmpty() && configs.isEmpty()) {
        LOG.warn(
            "account {}: no encryption config was given, so its generated credentials are dropped",
            created.resource().getId().getResource());
      }
      List<EncryptedData> encrypted =
          plaintexts.isEmpty() || configs.isEmpty() ? List.of() : sealer.seal(configs, plaintexts);
      CreateAccountResponse.Builder response =
          CreateAccountResponse.newBuilder()
              .addAllEncryptedData(encrypted)
              .addAllAnnotations(created.annotations());
      if (created.alreadyExisted()) {
        response.setAlreadyExists(
            CreateAccountResponse.AlreadyExistsResult.newBuilder()
                .setResource(created.resource())
                .setIsCreateAccountResult(true));
      } else {
        response.setSuccess(
            CreateAccountResponse.SuccessResult.newBuilder()
                .setResource(created.resource())
                .setIsCreateAccountResult(true));
      }
      return response.build();
    } finally {
      created.secrets().forEach(s -> s.value().wipe());
    }
  }

  private AccountCreator creator(String resourceType) {
    List<ResourceSyncer> creators =
        connector.resourceSyncers().stream().filter(s -> s instanceof AccountCreator).toList();
    if (creators.isEmpty()) {
      throw new ConnectorException(
          Status.Code.UNIMPLEMENTED, "this connector cannot create accounts");
    }
    String wanted =
        resourceType.isEmpty()
            ? (creators.size() == 1 ? creators.get(0).resourceType().getId() : "user")
            : resourceType;
    return creators.stream()
        .filter(s -> s.resourceType().getId().equals(wanted))
        .map(s -> (AccountCreator) s)
        .findFirst()
        .orElseThrow(
            () ->
                new ConnectorException(
                    Status.Code.INVALID_ARGUMENT,
                    "no account creator for resource type "
                        + wanted
                        + "; this connector creates accounts of type(s) "
                        + String.join(
                            ", ", creators.stream().map(s -> s.resourceType().getId()).toList())));
  }
}
