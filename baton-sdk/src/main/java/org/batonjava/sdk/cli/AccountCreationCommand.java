package org.batonjava.sdk.cli;

import c1.connector.v2.AccountInfo;
import c1.connector.v2.CreateAccountResponse;
import c1.connector.v2.EncryptedData;
import c1.connector.v2.EncryptionConfig;
import c1.connector.v2.LocalCredentialOptions;
import c1.connector.v2.Resource;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import org.batonjava.sdk.connector.BatonIds;
import org.batonjava.sdk.connector.Connector;
import org.batonjava.sdk.crypto.AgeArmor;
import org.batonjava.sdk.crypto.CredentialEncryptor;
import org.batonjava.sdk.crypto.OneShotEncryptionConfig;
import org.batonjava.sdk.crypto.RecipientParser;
import org.batonjava.sdk.provision.AccountRequests;
import org.batonjava.sdk.provision.JsonObjectArgument;

/**
 * {@code --create-account-login/--create-account-email/--create-account-profile}: creates the
 * account with a random 20-character password that leaves the process only encrypted. Like the Go
 * SDK, without {@code --create-account-recipient} it is encrypted to a throw-away key and cannot be
 * recovered; with one, the encrypted password is printed (or written to {@code
 * --create-account-output}, mode 0600) for the recipient to decrypt, e.g. with {@code age -d -i
 * KEY}.
 */
final class AccountCreationCommand {
  private static final int PASSWORD_LENGTH = 20;

  private final RunEnvironment environment;

  AccountCreationCommand(RunEnvironment environment) {
    this.environment = environment;
  }

  void run(Connector connector, ResolvedConfig config) {
    AccountInfo info = accountInfo(config);
    boolean toOperator = config.isSet(DefaultFields.CREATE_ACCOUNT_RECIPIENT);
    EncryptionConfig recipient =
        toOperator
            ? RecipientParser.parse(config.string(DefaultFields.CREATE_ACCOUNT_RECIPIENT))
            : OneShotEncryptionConfig.generate();
    LocalCredentialOptions options =
        LocalCredentialOptions.newBuilder()
            .setRandomPassword(
                LocalCredentialOptions.RandomPassword.newBuilder().setLength(PASSWORD_LENGTH))
            .build();
    AccountRequests.Created created =
        new AccountRequests(connector, new CredentialEncryptor())
            .createReporting(
                config.string(DefaultFields.CREATE_ACCOUNT_RESOURCE_TYPE),
                info,
                options,
                List.of(recipient));
    CreateAccountResponse response = created.response();

    String who = forWhom(info);
    if (created.earlierAttemptUncertain()) {
      println(
          "the account"
              + who
              + " is in place: "
              + describe(response.getAlreadyExists().getResource())
              + "; this run's request may have created it (an earlier attempt's answer was lost), in which case its"
              + " password is unknown: reset it");
      return;
    }
    if (response.hasAlreadyExists()) {
      println(
          "an account"
              + who
              + " already exists: "
              + describe(response.getAlreadyExists().getResource())
              + "; nothing changed");
      return;
    }
    String account = describe(response.getSuccess().getResource());
    if (response.getEncryptedDataCount() == 0) {
      println("created account " + account + who);
      return;
    }
    if (!toOperator) {
      println(
          "created account "
              + account
              + who
              + "; its password was encrypted to a throw-away key and"
              + " cannot be recovered (pass --create-account-recipient to receive it)");
      return;
    }
    StringBuilder text = new StringBuilder();
    for (EncryptedData data : response.getEncryptedDataList()) {
      text.append(readable(data));
    }
    if (config.isSet(DefaultFields.CREATE_ACCOUNT_OUTPUT)) {
      Path file =
          environment
              .workingDirectory()
              .resolve(config.string(DefaultFields.CREATE_ACCOUNT_OUTPUT));
      writeOwnerOnly(file, text.toString());
      println("created account " + account + who + "; its encrypted password is in " + file);
    } else {
      println("created account " + account + who + "; its encrypted password follows");
      environment.out().print(text);
      environment.out().flush();
    }
  }

  /**
   * {@code " for <e-mail or login>"} from the account or its profile, or nothing when neither is
   * given.
   */
  static String forWhom(AccountInfo info) {
    String who = info.getEmailsCount() > 0 ? info.getEmails(0).getAddress() : info.getLogin();
    for (String key : List.of("email", "login")) {
      if (who.isEmpty()
          && info.getProfile()
              .getFieldsOrDefault(key, Value.getDefaultInstance())
              .hasStringValue()) {
        who = info.getProfile().getFieldsOrThrow(key).getStringValue();
      }
    }
    return who.isEmpty() ? "" : " for " + who;
  }

  static AccountInfo accountInfo(ResolvedConfig config) {
    String login = config.string(DefaultFields.CREATE_ACCOUNT_LOGIN);
    String email = config.string(DefaultFields.CREATE_ACCOUNT_EMAIL);
    Struct.Builder profile = Struct.newBuilder();
    String json = config.string(DefaultFields.CREATE_ACCOUNT_PROFILE);
    if (!json.isBlank()) {
      try {
        profile.mergeFrom(
            JsonObjectArgument.parse(
                "--create-account-profile",
                json,
                "{\"email\":\"ann@example.com\",\"first_name\":\"Ann\"}"));
      } catch (JsonObjectArgument.Problem e) {
        throw new ConfigException(e.getMessage());
      }
    }
    if (!login.isEmpty() && !profile.containsFields("login")) {
      profile.putFields("login", Value.newBuilder().setStringValue(login).build());
    }
    if (!email.isEmpty() && !profile.containsFields("email")) {
      profile.putFields("email", Value.newBuilder().setStringValue(email).build());
    }
    AccountInfo.Builder info = AccountInfo.newBuilder().setLogin(login).setProfile(profile);
    if (!email.isEmpty()) {
      info.addEmails(AccountInfo.Email.newBuilder().setAddress(email).setIsPrimary(true));
    }
    return info.build();
  }

  /** The armored age file, or the JWE compact string, followed by a newline. */
  static String readable(EncryptedData data) {
    byte[] bytes = data.getEncryptedBytes().toByteArray();
    if (AgeArmor.isAgeFile(bytes)) {
      return AgeArmor.armor(bytes);
    }
    byte[] decoded = Base64.getDecoder().decode(bytes);
    return AgeArmor.isAgeFile(decoded)
        ? AgeArmor.armor(decoded)
        : new String(decoded, StandardCharsets.US_ASCII) + "\n";
  }

  private static String describe(Resource r) {
    return BatonIds.describe(r)
        + (r.getDisplayName().isEmpty() ? "" : " (" + r.getDisplayName() + ")");
  }

  private static void writeOwnerOnly(Path file, String text) {
    Path folder = file.toAbsolutePath().getParent();
    try {
      Path tmp =
          Files.createTempFile(
              folder,
              file.getFileName().toString() + ".",
              ".tmp",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(tmp, text, StandardCharsets.US_ASCII);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new ConfigException(
          "cannot write --create-account-output " + file + " (" + e.getMessage() + ")");
    }
  }

  private void println(String line) {
    environment.out().println(line);
    environment.out().flush();
  }
}
