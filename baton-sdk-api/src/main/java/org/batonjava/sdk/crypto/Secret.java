package org.batonjava.sdk.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A secret value (API key, client secret, password). {@link #toString()} never shows it, so it
 * cannot leak through logs, exception messages or string concatenation; {@link #reveal()} is the
 * one explicit way out.
 */
public final class Secret {
  private final char[] value;

  private Secret(char[] value) {
    this.value = value;
  }

  public static Secret of(String value) {
    return new Secret(value.toCharArray());
  }

  public static Secret of(char[] value) {
    return new Secret(value.clone());
  }

  /** The plain value, for the one place that must send it (an HTTP header, an encryption input). */
  public String reveal() {
    return new String(value);
  }

  public byte[] utf8() {
    return reveal().getBytes(StandardCharsets.UTF_8);
  }

  public boolean isEmpty() {
    return value.length == 0;
  }

  public int length() {
    return value.length;
  }

  /** Overwrites the value in memory. */
  public void wipe() {
    Arrays.fill(value, '\0');
  }

  @Override
  public String toString() {
    return value.length == 0 ? "<empty secret>" : "<secret>";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secret s && java.security.MessageDigest.isEqual(utf8(), s.utf8());
  }

  @Override
  public int hashCode() {
    return 0;
  }
}
