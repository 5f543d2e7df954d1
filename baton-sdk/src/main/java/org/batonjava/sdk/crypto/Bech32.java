package org.batonjava.sdk.crypto;

import java.io.ByteArrayOutputStream;
import java.util.Locale;

/**
 * Bech32 (BIP 173 checksum, not Bech32m) as age uses it for {@code age1…} recipients: no
 * 90-character limit, and either all-lowercase or all-uppercase input. Encodes and decodes 8-bit
 * data via the 5-bit alphabet.
 */
public final class Bech32 {
  private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
  private static final int[] GENERATOR = {
    0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3
  };

  /** A decoded string: the (lowercased) human-readable part and the 8-bit payload. */
  @SuppressWarnings(
      "ArrayRecordComponent") // raw bytes, compared by content where it matters; never a map key
  public record Decoded(String hrp, byte[] data) {}

  private Bech32() {}

  /** Encodes {@code data} under {@code hrp}, lowercase. */
  public static String encode(String hrp, byte[] data) {
    String lowerHrp = hrp.toLowerCase(Locale.ROOT);
    byte[] values = convertBits(data, 8, 5, true);
    byte[] checksum = checksum(lowerHrp, values);
    StringBuilder out =
        new StringBuilder(lowerHrp.length() + 1 + values.length + 6).append(lowerHrp).append('1');
    for (byte v : values) {
      out.append(CHARSET.charAt(v));
    }
    for (byte v : checksum) {
      out.append(CHARSET.charAt(v));
    }
    return out.toString();
  }

  /**
   * Decodes and verifies the checksum.
   *
   * @throws IllegalArgumentException on mixed case, a bad character, a missing separator or a wrong
   *     checksum
   */
  public static Decoded decode(String s) {
    if (!s.equals(s.toLowerCase(Locale.ROOT)) && !s.equals(s.toUpperCase(Locale.ROOT))) {
      throw new IllegalArgumentException("bech32: mixed case");
    }
    String lower = s.toLowerCase(Locale.ROOT);
    int sep = lower.lastIndexOf('1');
    if (sep < 1 || sep + 7 > lower.length()) {
      throw new IllegalArgumentException("bech32: separator '1' at an invalid position");
    }
    String hrp = lower.substring(0, sep);
    for (int i = 0; i < hrp.length(); i++) {
      char c = hrp.charAt(i);
      if (c < 33 || c > 126) {
        throw new IllegalArgumentException("bech32: invalid character in the human-readable part");
      }
    }
    byte[] values = new byte[lower.length() - sep - 1];
    for (int i = 0; i < values.length; i++) {
      int v = CHARSET.indexOf(lower.charAt(sep + 1 + i));
      if (v < 0) {
        throw new IllegalArgumentException("bech32: invalid data character");
      }
      values[i] = (byte) v;
    }
    if (polymod(hrp, values) != 1) {
      throw new IllegalArgumentException("bech32: invalid checksum");
    }
    byte[] payload = new byte[values.length - 6];
    System.arraycopy(values, 0, payload, 0, payload.length);
    return new Decoded(hrp, convertBits(payload, 5, 8, false));
  }

  private static byte[] checksum(String hrp, byte[] values) {
    byte[] withZeros = new byte[values.length + 6];
    System.arraycopy(values, 0, withZeros, 0, values.length);
    int mod = polymod(hrp, withZeros) ^ 1;
    byte[] out = new byte[6];
    for (int i = 0; i < 6; i++) {
      out[i] = (byte) ((mod >>> (5 * (5 - i))) & 31);
    }
    return out;
  }

  private static int polymod(String hrp, byte[] values) {
    int chk = 1;
    for (int i = 0; i < hrp.length(); i++) {
      chk = step(chk, hrp.charAt(i) >> 5);
    }
    chk = step(chk, 0);
    for (int i = 0; i < hrp.length(); i++) {
      chk = step(chk, hrp.charAt(i) & 31);
    }
    for (byte v : values) {
      chk = step(chk, v);
    }
    return chk;
  }

  private static int step(int chk, int value) {
    int top = chk >>> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ value;
    for (int i = 0; i < 5; i++) {
      if (((top >>> i) & 1) != 0) {
        chk ^= GENERATOR[i];
      }
    }
    return chk;
  }

  private static byte[] convertBits(byte[] in, int fromBits, int toBits, boolean pad) {
    int acc = 0;
    int bits = 0;
    int maxValue = (1 << toBits) - 1;
    ByteArrayOutputStream out = new ByteArrayOutputStream(in.length * fromBits / toBits + 1);
    for (byte b : in) {
      int value = b & 0xff;
      acc = (acc << fromBits) | value;
      bits += fromBits;
      while (bits >= toBits) {
        bits -= toBits;
        out.write((acc >>> bits) & maxValue);
      }
    }
    if (pad) {
      if (bits > 0) {
        out.write((acc << (toBits - bits)) & maxValue);
      }
    } else if (bits >= fromBits || ((acc << (toBits - bits)) & maxValue) != 0) {
      throw new IllegalArgumentException("bech32: invalid padding");
    }
    return out.toByteArray();
  }
}
