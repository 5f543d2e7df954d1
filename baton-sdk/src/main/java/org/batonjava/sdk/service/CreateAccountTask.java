package org.batonjava.sdk.service;

import c1.connector.v2.CreateAccountResponse;
import c1.connector.v2.CredentialOptions;
import c1.connector.v2.LocalCredentialOptions;
import c1.connectorapi.baton.v1.Task;
import org.batonjava.sdk.connector.Connector;
import org.batonjava.sdk.crypto.Secret;
import org.batonjava.sdk.provision.AccountRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code create_account} task: {@link AccountRequests} picks the account creator (the task's
 * resource type, else the only one, else {@code user}), passes the credential options on, and
 * encrypts every generated secret for every encryption config of the task with the {@link
 * CredentialSealer}. The answer is a {@code CreateAccountResponse} ({@code success} or {@code
 * already_exists}, plus the encrypted data); plaintext never appears in it, in logs or in errors. A
 * password ConductorOne chose ({@code encrypted_password}) is opened with the client secret ({@link
 * InboundPassword}). Any failure is non-retryable, as in the Go SDK.
 */
final class CreateAccountTask implements TaskHandler {
  private static final Logger LOG = LoggerFactory.getLogger(CreateAccountTask.class);

  private final Connector connector;
  private final CredentialSealer sealer;
  private final boolean provisioning;
  private final ClientSecretKey key;

  CreateAccountTask(
      Connector connector, CredentialSealer sealer, boolean provisioning, ClientSecretKey key) {
    this.connector = connector;
    this.sealer = sealer;
    this.provisioning = provisioning;
    this.key = key;
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
      CreateAccountResponse response =
          new AccountRequests(connector, sealer::seal)
              .create(
                  request.getResourceTypeId(),
                  request.getAccountInfo(),
                  localOptions(request.getCredentialOptions(), request.getEncryptionConfigsCount()),
                  request.getEncryptionConfigsList());
      boolean existed = response.hasAlreadyExists();
      LOG.info(
          "Task {}: account {} {} ({} encrypted credential(s))",
          task.getId(),
          (existed
                  ? response.getAlreadyExists().getResource()
                  : response.getSuccess().getResource())
              .getId()
              .getResource(),
          existed ? "already existed" : "created",
          response.getEncryptedDataCount());
      return TaskOutcome.Success.of(response, response.getAnnotationsList());
    } catch (RuntimeException e) {
      throw TaskFailure.fromConnector(e, true);
    }
  }

  /**
   * The options as the connector sees them (Go's {@code LocalCredentialOptions}); a password
   * ConductorOne chose arrives encrypted to the client secret and is passed on opened ({@link
   * InboundPassword}).
   */
  private LocalCredentialOptions localOptions(CredentialOptions options, int encryptionConfigs) {
    LocalCredentialOptions.Builder local =
        LocalCredentialOptions.newBuilder()
            .setForceChangeAtNextLogin(options.getForceChangeAtNextLogin());
    switch (options.getOptionsCase()) {
      case RANDOM_PASSWORD ->
          local.setRandomPassword(
              LocalCredentialOptions.RandomPassword.newBuilder()
                  .setLength(options.getRandomPassword().getLength())
                  .addAllConstraints(options.getRandomPassword().getConstraintsList()));
      case NO_PASSWORD ->
          local.setNoPassword(LocalCredentialOptions.NoPassword.getDefaultInstance());
      case SSO ->
          local.setSso(
              LocalCredentialOptions.SSO
                  .newBuilder()
                  .setSsoProvider(options.getSso().getSsoProvider()));
      case ENCRYPTED_PASSWORD -> {
        Secret password =
            InboundPassword.open(options.getEncryptedPassword(), encryptionConfigs, key);
        local.setPlaintextPassword(
            LocalCredentialOptions.PlaintextPassword.newBuilder()
                .setPlaintextPassword(password.reveal()));
        password.wipe();
      }
      case OPTIONS_NOT_SET -> {}
    }
    return local.build();
  }
}
