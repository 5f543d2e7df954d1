package org.batonjava.c1sim;

import java.security.SecureRandom;

/** Task ids as ConductorOne issues them: 27 alphanumeric characters (KSUID-shaped). */
public final class TaskIds {
  private static final char[] ALPHABET =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private TaskIds() {}

  public static String next() {
    char[] id = new char[27];
    for (int i = 0; i < id.length; i++) {
      id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
    }
    return new String(id);
  }

  /** Whether {@code id} has the shape the protocol requires. */
  public static boolean valid(String id) {
    return id.matches("[a-zA-Z0-9]{27}");
  }
}
