package org.batonjava.sdk.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HKDF with HMAC-SHA256 (RFC 5869), extract then expand. JDK 17 has no KDF API, and age needs this
 * for every key it derives (stanza wrap keys, the header MAC key, the payload key).
 */
public final class Hkdf {
  private static final int HASH_LENGTH = 32;

  private Hkdf() {}

  /**
   * Derives {@code length} bytes.
   *
   * @param ikm input keying material (may be empty)
   * @param salt the salt; empty means "not provided", which RFC 5869 defines as 32 zero bytes
   * @param info context and application specific information (may be empty)
   * @param length output length, at most 255 * 32 bytes
   */
  public static byte[] sha256(byte[] ikm, byte[] salt, byte[] info, int length) {
    if (length < 0 || length > 255 * HASH_LENGTH) {
      throw new IllegalArgumentException(
          "HKDF-SHA256 output length must be 0.." + 255 * HASH_LENGTH + ", got " + length);
    }
    try {
      byte[] prk = hmac(salt.length == 0 ? new byte[HASH_LENGTH] : salt, ikm);
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(prk, "HmacSHA256"));
      byte[] out = new byte[length];
      byte[] block = new byte[0];
      int written = 0;
      for (int counter = 1; written < length; counter++) {
        mac.update(block);
        mac.update(info);
        mac.update((byte) counter);
        block = mac.doFinal();
        int n = Math.min(block.length, length - written);
        System.arraycopy(block, 0, out, written, n);
        written += n;
      }
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
    }
  }

  static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return mac.doFinal(data);
  }
}
