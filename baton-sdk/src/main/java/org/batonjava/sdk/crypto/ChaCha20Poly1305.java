package org.batonjava.sdk.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** ChaCha20-Poly1305 AEAD (RFC 8439) with the JDK's cipher; no associated data, as age uses it. */
final class ChaCha20Poly1305 {
  static final int KEY_SIZE = 32;
  static final int NONCE_SIZE = 12;
  static final int TAG_SIZE = 16;

  private ChaCha20Poly1305() {}

  /** Returns ciphertext followed by the 16-byte tag. */
  static byte[] seal(byte[] key, byte[] nonce, byte[] plaintext, int offset, int length) {
    if (key.length != KEY_SIZE || nonce.length != NONCE_SIZE) {
      throw new IllegalArgumentException(
          "ChaCha20-Poly1305 needs a 32-byte key and a 12-byte nonce");
    }
    try {
      Cipher cipher = Cipher.getInstance("ChaCha20-Poly1305");
      cipher.init(
          Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "ChaCha20"), new IvParameterSpec(nonce));
      return cipher.doFinal(plaintext, offset, length);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("ChaCha20-Poly1305 is not available in this JDK", e);
    }
  }

  static byte[] seal(byte[] key, byte[] nonce, byte[] plaintext) {
    return seal(key, nonce, plaintext, 0, plaintext.length);
  }

  /**
   * Returns the plaintext of ciphertext-followed-by-tag.
   *
   * @throws DecryptionException when the tag does not match (wrong key, or the data was changed)
   */
  static byte[] open(byte[] key, byte[] nonce, byte[] sealed, int offset, int length) {
    if (key.length != KEY_SIZE || nonce.length != NONCE_SIZE) {
      throw new IllegalArgumentException(
          "ChaCha20-Poly1305 needs a 32-byte key and a 12-byte nonce");
    }
    if (length < TAG_SIZE) {
      throw new DecryptionException("the sealed data is shorter than its authentication tag");
    }
    Cipher cipher;
    try {
      cipher = Cipher.getInstance("ChaCha20-Poly1305");
      cipher.init(
          Cipher.DECRYPT_MODE, new SecretKeySpec(key, "ChaCha20"), new IvParameterSpec(nonce));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("ChaCha20-Poly1305 is not available in this JDK", e);
    }
    try {
      return cipher.doFinal(sealed, offset, length);
    } catch (GeneralSecurityException e) {
      throw new DecryptionException(
          "authentication failed (wrong key, or the data was changed)", e);
    }
  }

  static byte[] open(byte[] key, byte[] nonce, byte[] sealed) {
    return open(key, nonce, sealed, 0, sealed.length);
  }
}
