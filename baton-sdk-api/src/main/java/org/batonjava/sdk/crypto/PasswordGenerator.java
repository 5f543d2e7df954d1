package org.batonjava.sdk.crypto;

import c1.connector.v2.LocalCredentialOptions;
import c1.connector.v2.PasswordConstraint;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;

/**
 * Random passwords as the Go SDK's {@code GenerateRandomPassword} makes them, from a CSPRNG:
 *
 * <ol>
 *   <li>for each constraint, {@code min_count} characters drawn from its {@code char_set}; without
 *       constraints, one each of upper case, lower case, digit and symbol ({@code
 *       !"#$%&'()*+,-./:;<=>?@[\]^_`{|}~});
 *   <li>the rest, up to the length, drawn from all 94 of those characters (a constraint is a
 *       minimum, not a restriction of the alphabet);
 *   <li>a Fisher–Yates shuffle.
 * </ol>
 *
 * Lengths count Unicode code points. A length of 0 (unset) means {@value #DEFAULT_LENGTH}; lengths
 * under {@value #MIN_LENGTH} or over {@value #MAX_LENGTH}, constraints whose minimums do not fit,
 * and constraints with a minimum but an empty character set are refused with {@link
 * IllegalArgumentException}.
 */
public final class PasswordGenerator {
  public static final int DEFAULT_LENGTH = 20;
  public static final int MIN_LENGTH = 8;
  public static final int MAX_LENGTH = 1024;
  public static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  public static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
  public static final String DIGITS = "0123456789";
  public static final String SYMBOLS = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
  private static final int[] ALL = (UPPER + LOWER + DIGITS + SYMBOLS).codePoints().toArray();
  private static final List<PasswordConstraint> DEFAULT_CONSTRAINTS =
      List.of(constraint(UPPER), constraint(LOWER), constraint(DIGITS), constraint(SYMBOLS));

  private final SecureRandom random;

  public PasswordGenerator() {
    this(new SecureRandom());
  }

  public PasswordGenerator(SecureRandom random) {
    this.random = random;
  }

  /**
   * A {@value #DEFAULT_LENGTH}-character password with at least one upper, lower, digit and symbol.
   */
  public Secret generate() {
    return generate(DEFAULT_LENGTH, List.of());
  }

  /** A password honouring the requested length and constraints. */
  public Secret generate(LocalCredentialOptions.RandomPassword options) {
    if (options.getLength() < 0 || options.getLength() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "password length "
              + options.getLength()
              + " is outside "
              + MIN_LENGTH
              + ".."
              + MAX_LENGTH);
    }
    int length = options.getLength() == 0 ? DEFAULT_LENGTH : (int) options.getLength();
    return generate(length, options.getConstraintsList());
  }

  /**
   * A password of {@code length} code points meeting every constraint's minimum; no constraints
   * means the default four classes.
   */
  public Secret generate(int length, List<PasswordConstraint> constraints) {
    if (length < MIN_LENGTH || length > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "password length " + length + " is outside " + MIN_LENGTH + ".." + MAX_LENGTH);
    }
    List<PasswordConstraint> effective = constraints.isEmpty() ? DEFAULT_CONSTRAINTS : constraints;
    long required = 0;
    for (int i = 0; i < effective.size(); i++) {
      PasswordConstraint c = effective.get(i);
      long minCount = Integer.toUnsignedLong(c.getMinCount());
      if (minCount > 0 && c.getCharSet().isEmpty()) {
        throw new IllegalArgumentException(
            "password constraint #"
                + (i + 1)
                + " asks for "
                + minCount
                + " characters from an empty char_set");
      }
      required += minCount;
    }
    if (required > length) {
      throw new IllegalArgumentException(
          "password length "
              + length
              + " cannot hold the constraints' minimum counts, which add up to "
              + required);
    }
    int[] password = new int[length];
    int filled = 0;
    for (PasswordConstraint c : effective) {
      int[] charSet = c.getCharSet().codePoints().toArray();
      for (int k = 0; k < c.getMinCount(); k++) {
        password[filled++] = charSet[random.nextInt(charSet.length)];
      }
    }
    while (filled < length) {
      password[filled++] = ALL[random.nextInt(ALL.length)];
    }
    for (int i = length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = password[i];
      password[i] = password[j];
      password[j] = swap;
    }
    char[] chars = toChars(password);
    Arrays.fill(password, 0);
    try {
      return Secret.of(chars);
    } finally {
      Arrays.fill(chars, '\0');
    }
  }

  private static char[] toChars(int[] codePoints) {
    int size = 0;
    for (int cp : codePoints) {
      size += Character.charCount(cp);
    }
    char[] out = new char[size];
    int at = 0;
    for (int cp : codePoints) {
      at += Character.toChars(cp, out, at);
    }
    return out;
  }

  private static PasswordConstraint constraint(String charSet) {
    return PasswordConstraint.newBuilder().setCharSet(charSet).setMinCount(1).build();
  }
}
