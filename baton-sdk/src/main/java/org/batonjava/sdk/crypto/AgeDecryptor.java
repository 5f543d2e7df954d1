package org.batonjava.sdk.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Opens binary age v1 files (the inverse of {@link AgeEncryptor}): reads the header strictly, asks
 * the identity for the file key from the stanza addressed to it, verifies the header MAC, then
 * decrypts and authenticates every STREAM chunk. Plaintext is returned only when all of that holds.
 */
public final class AgeDecryptor {
  private AgeDecryptor() {}

  /**
   * The plaintext of {@code file} for {@code identity}.
   *
   * @param maxPlaintext the largest plaintext accepted (a guard against memory exhaustion by a
   *     hostile file)
   * @throws DecryptionException when the file is malformed, not addressed to the identity, changed
   *     or too large
   */
  public static byte[] decrypt(byte[] file, AgeIdentity identity, int maxPlaintext) {
    AgeHeaderReader.Parsed header = AgeHeaderReader.read(file);
    byte[] fileKey = null;
    for (AgeStanza stanza : header.stanzas()) {
      Optional<byte[]> key = identity.unwrap(stanza);
      if (key.isPresent()) {
        fileKey = key.get();
        break;
      }
    }
    if (fileKey == null) {
      throw new DecryptionException(
          "the age file is not addressed to this key (no matching recipient stanza)");
    }
    byte[] macKey =
        Hkdf.sha256(fileKey, new byte[0], "header".getBytes(StandardCharsets.US_ASCII), 32);
    byte[] expected;
    try {
      expected = Hkdf.hmac(macKey, header.macInput());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
    }
    if (!MessageDigest.isEqual(expected, header.mac())) {
      throw new DecryptionException("the age header MAC does not match (the header was changed)");
    }
    return AgePayload.read(file, header.payloadOffset(), fileKey, maxPlaintext);
  }
}
