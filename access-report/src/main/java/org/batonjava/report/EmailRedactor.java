package org.batonjava.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Replaces e-mail addresses with stable pseudonyms ({@code person-1a2b3c4d5e@redacted.invalid}):
 * the same address gives the same pseudonym in every report, so two redacted reports can still be
 * compared. It is a pseudonym, not anonymisation: whoever has a candidate address can compute its
 * pseudonym.
 */
public final class EmailRedactor {
  private final boolean enabled;

  private EmailRedactor(boolean enabled) {
    this.enabled = enabled;
  }

  public static EmailRedactor none() {
    return new EmailRedactor(false);
  }

  public static EmailRedactor pseudonyms() {
    return new EmailRedactor(true);
  }

  public boolean enabled() {
    return enabled;
  }

  public String redact(String email) {
    if (!enabled || email == null || email.isEmpty()) {
      return email == null ? "" : email;
    }
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] digest =
          sha.digest(
              ("baton-metabase report\0" + email.trim().toLowerCase(Locale.ROOT))
                  .getBytes(StandardCharsets.UTF_8));
      return "person-" + HexFormat.of().formatHex(digest, 0, 5) + "@redacted.invalid";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
