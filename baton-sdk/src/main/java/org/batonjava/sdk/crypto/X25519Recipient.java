package org.batonjava.sdk.crypto;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/**
 * A native age recipient, {@code age1…}: an X25519 public key. Its stanza is {@code -> X25519
 * <ephemeral share>} with the file key sealed under HKDF(shared secret, salt = ephemeral share ‖
 * recipient, "age-encryption.org/v1/X25519").
 */
public final class X25519Recipient implements AgeRecipient {
  static final String HRP = "age";
  private static final byte[] LABEL =
      "age-encryption.org/v1/X25519".getBytes(StandardCharsets.US_ASCII);

  private final byte[] publicKey;

  private X25519Recipient(byte[] publicKey) {
    this.publicKey = publicKey;
  }

  /**
   * Parses an {@code age1…} recipient string.
   *
   * @throws EncryptionException if it is not a Bech32 {@code age} string carrying a 32-byte key
   */
  public static X25519Recipient parse(String recipient) {
    Bech32.Decoded decoded;
    try {
      decoded = Bech32.decode(recipient);
    } catch (IllegalArgumentException e) {
      throw new EncryptionException(
          "age recipient is not a valid age1… string (" + e.getMessage() + ")");
    }
    if (!decoded.hrp().equals(HRP)) {
      throw new EncryptionException(
          "age recipient has prefix \""
              + decoded.hrp()
              + "1\"; only X25519 recipients "
              + "(age1…) are supported, not post-quantum (age1pq1…) or plugin recipients");
    }
    if (decoded.data().length != X25519.SIZE) {
      throw new EncryptionException(
          "age recipient must carry a 32-byte X25519 key, got " + decoded.data().length);
    }
    return new X25519Recipient(decoded.data());
  }

  /** The recipient for a raw 32-byte X25519 public key. */
  public static X25519Recipient of(byte[] publicKey) {
    if (publicKey.length != X25519.SIZE) {
      throw new EncryptionException("an X25519 public key is 32 bytes, got " + publicKey.length);
    }
    return new X25519Recipient(publicKey.clone());
  }

  @Override
  public AgeStanza wrap(byte[] fileKey, SecureRandom random) {
    byte[] ephemeral = new byte[X25519.SIZE];
    random.nextBytes(ephemeral);
    byte[] ourShare = X25519.publicKey(ephemeral);
    byte[] shared = X25519.scalarMult(ephemeral, publicKey);
    byte[] salt = new byte[2 * X25519.SIZE];
    System.arraycopy(ourShare, 0, salt, 0, X25519.SIZE);
    System.arraycopy(publicKey, 0, salt, X25519.SIZE, X25519.SIZE);
    byte[] wrapKey = Hkdf.sha256(shared, salt, LABEL, ChaCha20Poly1305.KEY_SIZE);
    byte[] body = ChaCha20Poly1305.seal(wrapKey, new byte[ChaCha20Poly1305.NONCE_SIZE], fileKey);
    return new AgeStanza(
        "X25519", List.of(Base64.getEncoder().withoutPadding().encodeToString(ourShare)), body);
  }

  /** The canonical {@code age1…} form of this recipient (a public key, safe to show). */
  @Override
  public String toString() {
    return Bech32.encode(HRP, publicKey);
  }
}
