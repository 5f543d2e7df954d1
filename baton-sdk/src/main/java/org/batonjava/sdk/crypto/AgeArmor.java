package org.batonjava.sdk.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The ASCII armor of age files ({@code -----BEGIN AGE ENCRYPTED FILE-----}, base64 in 64-column
 * lines).
 */
public final class AgeArmor {
  static final String BEGIN = "-----BEGIN AGE ENCRYPTED FILE-----";
  static final String END = "-----END AGE ENCRYPTED FILE-----";
  private static final byte[] AGE_MAGIC =
      "age-encryption.org/v1".getBytes(StandardCharsets.US_ASCII);

  private AgeArmor() {}

  /** Whether {@code bytes} is a binary age file. */
  public static boolean isAgeFile(byte[] bytes) {
    if (bytes.length < AGE_MAGIC.length) {
      return false;
    }
    for (int i = 0; i < AGE_MAGIC.length; i++) {
      if (bytes[i] != AGE_MAGIC[i]) {
        return false;
      }
    }
    return true;
  }

  /** The armored form of a binary age file, ending with a newline. */
  public static String armor(byte[] ageFile) {
    String b64 = Base64.getEncoder().encodeToString(ageFile);
    StringBuilder out = new StringBuilder(BEGIN).append('\n');
    for (int i = 0; i < b64.length(); i += 64) {
      out.append(b64, i, Math.min(b64.length(), i + 64)).append('\n');
    }
    return out.append(END).append('\n').toString();
  }
}
