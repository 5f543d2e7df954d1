package org.batonjava.metabase.users;

import c1.connector.v2.AccountInfo;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.grpc.Status;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.batonjava.sdk.connector.ConnectorException;

/**
 * The Metabase user an account-creation request asks for. The e-mail comes from the profile's
 * {@code email}, else the request's (primary) e-mail, else its login (or the profile's {@code
 * login}) when that is an e-mail address; it must be a valid address. {@code first_name} and {@code
 * last_name} come from the profile and may be absent (Metabase creates users without names; the Go
 * connectors required them).
 *
 * @param email trimmed, as given (Metabase stores it lower-cased and compares case-insensitively)
 * @param firstName trimmed, or null
 * @param lastName trimmed, or null
 */
record NewAccount(String email, String firstName, String lastName) {
  /** What Metabase accepts, roughly: one {@code @}, no spaces, a dot in the domain. */
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");

  static NewAccount from(AccountInfo info) {
    Struct profile = info.getProfile();
    String email =
        text(profile, "email")
            .or(
                () ->
                    info.getEmailsList().stream()
                        .sorted(Comparator.comparing(e -> !e.getIsPrimary()))
                        .map(e -> e.getAddress().trim())
                        .filter(a -> !a.isEmpty())
                        .findFirst())
            .or(() -> Optional.of(info.getLogin().trim()).filter(NewAccount::looksLikeEmail))
            .or(() -> text(profile, "login").filter(NewAccount::looksLikeEmail))
            .orElseThrow(
                () ->
                    new ConnectorException(
                        Status.Code.INVALID_ARGUMENT,
                        "missing required field: email"
                            + " (set \"email\" in the account profile, or give the account an e-mail address or an e-mail login)"));
    if (!looksLikeEmail(email)) {
      throw new ConnectorException(
          Status.Code.INVALID_ARGUMENT,
          "invalid email \"" + email + "\": Metabase needs a valid e-mail address for a user");
    }
    return new NewAccount(
        email, text(profile, "first_name").orElse(null), text(profile, "last_name").orElse(null));
  }

  /**
   * Whether {@code address} is this account's e-mail (Metabase compares e-mails
   * case-insensitively).
   */
  boolean sameEmail(String address) {
    return address != null
        && address.trim().toLowerCase(Locale.ROOT).equals(email.toLowerCase(Locale.ROOT));
  }

  static boolean looksLikeEmail(String s) {
    return s != null && EMAIL.matcher(s).matches();
  }

  private static Optional<String> text(Struct profile, String key) {
    Value v = profile.getFieldsOrDefault(key, Value.getDefaultInstance());
    return v.getKindCase() == Value.KindCase.STRING_VALUE && !v.getStringValue().isBlank()
        ? Optional.of(v.getStringValue().trim())
        : Optional.empty();
  }
}
