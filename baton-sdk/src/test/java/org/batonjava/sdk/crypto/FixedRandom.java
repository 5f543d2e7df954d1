package org.batonjava.sdk.crypto;

import java.security.SecureRandom;

/**
 * A deterministic {@link SecureRandom} for known-answer tests: byte n of the stream (counting from
 * 0 across all calls) is {@code (start + n) mod 256}. Only {@link #nextBytes} is meaningful; the
 * age code draws nothing else.
 */
final class FixedRandom extends SecureRandom {
  private static final long serialVersionUID = 1L;

  private int next;

  FixedRandom(int start) {
    this.next = start;
  }

  @Override
  public void nextBytes(byte[] bytes) {
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) next++;
    }
  }

  /**
   * The next {@code n} bytes this stream would produce, without consuming them from {@code this}.
   */
  static byte[] stream(int start, int skip, int n) {
    byte[] out = new byte[n];
    for (int i = 0; i < n; i++) {
      out[i] = (byte) (start + skip + i);
    }
    return out;
  }
}
