package org.batonjava.metabase.users;

import c1.connector.v2.AccountInfo;
import c1.connector.v2.CapabilityDetailCredentialOption;
import c1.connector.v2.CredentialDetailsAccountProvisioning;
import c1.connector.v2.LocalCredentialOptions;
import io.grpc.Status;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.batonjava.metabase.http.OperationFailure;
import org.batonjava.sdk.connector.AccountCreation;
import org.batonjava.sdk.connector.ConnectorException;
import org.batonjava.sdk.crypto.PasswordGenerator;
import org.batonjava.sdk.crypto.Secret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates Metabase users ({@code POST /api/user}) with a generated password that honours the
 * requested length and character-class constraints (20 characters with upper, lower, digit and
 * symbol by default), or with the password ConductorOne chose ({@code encrypted_password}, opened
 * by the SDK and passed as a plaintext option; it is not returned, since the caller knows it). A
 * user whose e-mail exists already, active or deactivated, is returned with {@code alreadyExisted}
 * and nothing is created or generated. A generated password leaves this class only inside {@link
 * AccountCreation#secrets()}, for the SDK to encrypt; no password is ever logged or put in a
 * message.
 */
final class AccountProvisioner {
  private static final CapabilityDetailCredentialOption RANDOM_PASSWORD =
      CapabilityDetailCredentialOption.CAPABILITY_DETAIL_CREDENTIAL_OPTION_RANDOM_PASSWORD;
  private static final CapabilityDetailCredentialOption ENCRYPTED_PASSWORD =
      CapabilityDetailCredentialOption.CAPABILITY_DETAIL_CREDENTIAL_OPTION_ENCRYPTED_PASSWORD;

  /**
   * A random password is preferred, as in the Go connectors; a password chosen in ConductorOne
   * (sent encrypted to the client secret) is supported too, which the Go connectors ignore
   * (docs/COMPATIBILITY.md).
   */
  static final CredentialDetailsAccountProvisioning CREDENTIAL_DETAILS =
      CredentialDetailsAccountProvisioning.newBuilder()
          .addSupportedCredentialOptions(RANDOM_PASSWORD)
          .addSupportedCredentialOptions(ENCRYPTED_PASSWORD)
          .setPreferredCredentialOption(RANDOM_PASSWORD)
          .build();

  static final String PASSWORD = "password";

  private static final Logger LOG = LoggerFactory.getLogger(AccountProvisioner.class);

  private final UsersApi client;
  private final PasswordGenerator passwords;

  AccountProvisioner(UsersApi client, PasswordGenerator passwords) {
    this.client = client;
    this.passwords = passwords;
  }

  AccountCreation create(AccountInfo info, LocalCredentialOptions options) {
    NewAccount account = NewAccount.from(info);
    checkOptions(options);
    Secret password =
        generate(options); // before any call: a request it cannot honour fails without side effects
    Optional<MetabaseUser> existing;
    try {
      existing = existing(account);
    } catch (RuntimeException e) {
      password.wipe();
      throw e;
    }
    if (existing.isPresent()) {
      password.wipe();
      LOG.info(
          "Metabase: user {} already exists for the requested e-mail ({}); nothing created",
          existing.get().id(),
          existing.get().active() ? "active" : "deactivated");
      return new AccountCreation(
          UserResources.toResource(existing.get()), true, List.of(), List.of());
    }
    MetabaseUser created;
    try {
      created =
          client.createUser(
              new NewUser(account.email(), account.firstName(), account.lastName(), password));
    } catch (ConnectorException e) {
      password.wipe();
      // After a lost answer (a transient failure) the user found may be this run's: the SDK's retry
      // reports that.
      Optional<MetabaseUser> now = e.transientFailure() ? Optional.empty() : existing(account);
      if (now.isPresent()) {
        return new AccountCreation(UserResources.toResource(now.get()), true, List.of(), List.of());
      }
      throw OperationFailure.of("cannot create a Metabase user for " + account.email(), e);
    }
    LOG.info("Metabase: created user {}", created.id());
    if (options.hasPlaintextPassword()) {
      password.wipe(); // chosen by the caller: nothing to send back
      return new AccountCreation(UserResources.toResource(created), false, List.of(), List.of());
    }
    return new AccountCreation(
        UserResources.toResource(created),
        false,
        List.of(new AccountCreation.NamedSecret(PASSWORD, "", password)),
        List.of());
  }

  /** The user with this e-mail, active or deactivated, read now. */
  private Optional<MetabaseUser> existing(NewAccount account) {
    return client.usersMatching(account.email()).stream()
        .filter(u -> account.sameEmail(u.email()))
        .findFirst();
  }

  private static void checkOptions(LocalCredentialOptions options) {
    switch (options.getOptionsCase()) {
      case RANDOM_PASSWORD, OPTIONS_NOT_SET -> {
        // supported
      }
      case PLAINTEXT_PASSWORD -> {
        if (options.getPlaintextPassword().getPlaintextPassword().isEmpty()) {
          throw new ConnectorException(
              Status.Code.INVALID_ARGUMENT,
              "the password chosen for the new Metabase" + " account is empty");
        }
      }
      default ->
          throw new ConnectorException(
              Status.Code.INVALID_ARGUMENT,
              "Metabase accounts are created with a"
                  + " random or a chosen password; credential option "
                  + options.getOptionsCase().name().toLowerCase(Locale.ROOT)
                  + " is not supported");
    }
  }

  private Secret generate(LocalCredentialOptions options) {
    if (options.hasPlaintextPassword()) {
      return Secret.of(options.getPlaintextPassword().getPlaintextPassword());
    }
    try {
      return options.hasRandomPassword()
          ? passwords.generate(options.getRandomPassword())
          : passwords.generate();
    } catch (IllegalArgumentException e) {
      throw new ConnectorException(
          Status.Code.INVALID_ARGUMENT,
          "cannot generate the requested password: " + e.getMessage());
    }
  }
}
