package org.batonjava.sdk.c1z;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;

/**
 * K-Sortable Unique IDentifier, the sync id format of Baton: 20 bytes (a 4-byte big-endian count of
 * seconds since 2014-05-13T16:53:20Z followed by 16 random bytes) written as 27 base62 characters.
 * Ids sort lexically in creation order (to the second).
 */
public final class Ksuid {
  /** The KSUID epoch, in Unix seconds. */
  static final long EPOCH_SECONDS = 1_400_000_000L;

  private static final int PAYLOAD_BYTES = 16;
  private static final int ENCODED_LENGTH = 27;
  private static final char[] ALPHABET =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
  private static final BigInteger BASE = BigInteger.valueOf(62);

  private final SecureRandom random;

  public Ksuid(SecureRandom random) {
    this.random = random;
  }

  public Ksuid() {
    this(new SecureRandom());
  }

  /** A new id for the given creation time. */
  public String next(Instant now) {
    byte[] payload = new byte[PAYLOAD_BYTES];
    random.nextBytes(payload);
    return encode(now.getEpochSecond() - EPOCH_SECONDS, payload);
  }

  static String encode(long timestamp, byte[] payload) {
    if (timestamp < 0 || timestamp > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("time outside the KSUID range");
    }
    byte[] raw = new byte[4 + PAYLOAD_BYTES];
    raw[0] = (byte) (timestamp >>> 24);
    raw[1] = (byte) (timestamp >>> 16);
    raw[2] = (byte) (timestamp >>> 8);
    raw[3] = (byte) timestamp;
    System.arraycopy(payload, 0, raw, 4, PAYLOAD_BYTES);
    char[] out = new char[ENCODED_LENGTH];
    Arrays.fill(out, '0');
    BigInteger value = new BigInteger(1, raw);
    for (int i = ENCODED_LENGTH - 1; i >= 0 && value.signum() > 0; i--) {
      BigInteger[] qr = value.divideAndRemainder(BASE);
      out[i] = ALPHABET[qr[1].intValue()];
      value = qr[0];
    }
    return new String(out);
  }

  /** The creation time encoded in a KSUID string. */
  public static Instant timeOf(String ksuid) {
    if (ksuid.length() != ENCODED_LENGTH) {
      throw new IllegalArgumentException("a KSUID has 27 characters");
    }
    BigInteger value = BigInteger.ZERO;
    for (int index = 0; index < ksuid.length(); index++) {
      char c = ksuid.charAt(index);
      int digit = digit(c);
      value = value.multiply(BASE).add(BigInteger.valueOf(digit));
    }
    long seconds = value.shiftRight(PAYLOAD_BYTES * 8).longValueExact();
    return Instant.ofEpochSecond(seconds + EPOCH_SECONDS);
  }

  private static int digit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'A' && c <= 'Z') {
      return c - 'A' + 10;
    }
    if (c >= 'a' && c <= 'z') {
      return c - 'a' + 36;
    }
    throw new IllegalArgumentException("not a base62 character: " + c);
  }
}
