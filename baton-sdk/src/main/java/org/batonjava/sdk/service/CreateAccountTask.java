package org.batonjava.sdk.service;

import c1.connector.v2.CreateAccountResponse;
import c1.connector.v2.CredentialOptions;
import c1.connector.v2.EncryptedData;
import c1.connector.v2.LocalCredentialOptions;
import c1.connector.v2.PlaintextData;
import c1.connectorapi.baton.v1.Task;
import com.google.protobuf.ByteString;
import io.grpc.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.batonjava.sdk.connector.AccountCreation;
import org.batonjava.sdk.connector.AccountCreator;
import org.batonjava.sdk.connector.Connector;
import org.batonjava.sdk.connector.ConnectorException;
import org.batonjava.sdk.connector.ResourceSyncer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code create_account} task: picks the account creator (the task's resource type, else the only one, else
 * {@code user}), passes the credential options on, and encrypts every generated secret for every encryption
 * config of the task with the {@link CredentialSealer}. The answer is a {@code CreateAccountResponse}
 * ({@code success} or {@code already_exists}, plus the encrypted data); plaintext never appears in it, in logs
 * or in errors. Any failure is non-retryable, as in the Go SDK.
 */
final class CreateAccountTask implements TaskHandler {
  private static final Logger LOG = LoggerFactory.getLogger(CreateAccountTask.class);

  private final Connector connector;
  private final CredentialSealer sealer;
  private final boolean provisioning;

  CreateAccountTask(Connector connector, CredentialSealer sealer, boolean provisioning) {
    this.connector = connector;
    this.sealer = sealer;
    this.provisioning = provisioning;
  }

  @Override
  public TaskOutcome handle(Task task, TaskContext context) {
    Task.CreateAccountTask request = task.getCreateAccount();
    if (!request.hasAccountInfo()) {
      throw TaskFailure.plain("malformed create account task", true);
    }
    if (!provisioning) {
      throw TaskFailure.provisioningDisabled();
    }
    try {
      AccountCreator creator = creator(request.getResourceTypeId());
      LocalCredentialOptions options = localOptions(request.getCredentialOptions());
      AccountCreation created = creator.createAccount(request.getAccountInfo(), options);
      List<PlaintextData> plaintexts = new ArrayList<>();
      for (AccountCreation.NamedSecret secret : created.secrets()) {
        plaintexts.add(PlaintextData.newBuilder()
            .setName(secret.name())
            .setDescription(secret.description() == null ? "" : secret.description())
            .setBytes(ByteString.copyFrom(secret.value().utf8()))
            .build());
      }
      List<EncryptedData> encrypted;
      try {
        encrypted = sealer.seal(request.getEncryptionConfigsList(), plaintexts);
      } finally {
        created.secrets().forEach(s -> s.value().wipe());
      }
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
      LOG.info("Task {}: account {} {} ({} encrypted credential(s))", task.getId(),
          created.resource().getId().getResource(), created.alreadyExisted() ? "already existed" : "created",
          encrypted.size());
      return TaskOutcome.Success.of(response.build(), created.annotations());
    } catch (RuntimeException e) {
      throw TaskFailure.fromConnector(e, true);
    }
  }

  private AccountCreator creator(String resourceTypeId) {
    List<ResourceSyncer> creators =
        connector.resourceSyncers().stream().filter(s -> s instanceof AccountCreator).toList();
    if (creators.isEmpty()) {
      throw new ConnectorException(Status.Code.UNIMPLEMENTED, "this connector cannot create accounts");
    }
    String wanted = resourceTypeId;
    if (wanted.isEmpty()) {
      if (creators.size() == 1) {
        return (AccountCreator) creators.get(0);
      }
      wanted = "user";
    }
    for (ResourceSyncer s : creators) {
      if (s.resourceType().getId().equals(wanted)) {
        return (AccountCreator) s;
      }
    }
    throw new ConnectorException(Status.Code.INVALID_ARGUMENT, "no account creator for resource type " + wanted
        + "; this connector creates accounts of type(s) "
        + creators.stream().map(s -> s.resourceType().getId()).collect(Collectors.joining(", ")));
  }

  /** The options as the connector sees them (Go's {@code LocalCredentialOptions}). */
  private static LocalCredentialOptions localOptions(CredentialOptions options) {
    LocalCredentialOptions.Builder local =
        LocalCredentialOptions.newBuilder().setForceChangeAtNextLogin(options.getForceChangeAtNextLogin());
    switch (options.getOptionsCase()) {
      case RANDOM_PASSWORD -> local.setRandomPassword(LocalCredentialOptions.RandomPassword.newBuilder()
          .setLength(options.getRandomPassword().getLength())
          .addAllConstraints(options.getRandomPassword().getConstraintsList()));
      case NO_PASSWORD -> local.setNoPassword(LocalCredentialOptions.NoPassword.getDefaultInstance());
      case SSO -> local.setSso(LocalCredentialOptions.SSO.newBuilder()
          .setSsoProvider(options.getSso().getSsoProvider()));
      case ENCRYPTED_PASSWORD -> throw new ConnectorException(Status.Code.UNIMPLEMENTED,
          "passwords chosen and encrypted by ConductorOne (encrypted_password) are not supported yet");
      case OPTIONS_NOT_SET -> { }
    }
    return local.build();
  }
}
