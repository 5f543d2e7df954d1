package org.batonjava.metabase.users;

import java.util.Objects;
import org.batonjava.sdk.crypto.Secret;

/**
 * The body of {@code POST /api/user}. Names may be null (Metabase accepts users without names).
 * {@link #toString()} never shows the password.
 *
 * @param email the unique e-mail (Metabase compares e-mails case-insensitively)
 * @param firstName the first name, or null
 * @param lastName the last name, or null
 * @param password the initial password
 */
public record NewUser(String email, String firstName, String lastName, Secret password) {
  public NewUser {
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(password, "password");
  }
}
