package org.batonjava.sdk.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * The private side of {@link SshEd25519Recipient}: opens age stanzas {@code -> ssh-ed25519 <tag>
 * <E>} addressed to an Ed25519 key. The X25519 secret is the first 32 bytes of SHA-512(seed) (the
 * Ed25519 private scalar before clamping); S = X25519(tweak, X25519(secret, E)), wrap key =
 * HKDF(ikm = S, salt = E ‖ our Montgomery public key). Only the derived scalar is kept, never the
 * seed.
 */
public final class SshEd25519Identity implements AgeIdentity {
  private static final byte[] LABEL =
      "age-encryption.org/v1/ssh-ed25519".getBytes(StandardCharsets.US_ASCII);
  private static final int FILE_KEY_SIZE = 16;

  private final String tag;
  private final byte[] scalar;
  private final byte[] montgomeryKey;
  private final byte[] tweak;

  private SshEd25519Identity(byte[] seed, byte[] publicKey) {
    SshPublicKey sshKey = SshPublicKey.ed25519(publicKey);
    this.tag = sshKey.ageTag();
    this.scalar = Arrays.copyOf(sha512(seed), X25519.SIZE);
    this.montgomeryKey = Ed25519Montgomery.toX25519(publicKey);
    this.tweak = Hkdf.sha256(new byte[0], sshKey.wire(), LABEL, X25519.SIZE);
    if (!Arrays.equals(X25519.publicKey(scalar), montgomeryKey)) {
      throw new IllegalArgumentException("the Ed25519 seed and public key do not belong together");
    }
  }

  /**
   * The identity of an Ed25519 key pair given as its 32-byte seed (RFC 8032 private key) and public
   * key.
   */
  public static SshEd25519Identity of(byte[] seed, byte[] publicKey) {
    if (seed.length != 32 || publicKey.length != 32) {
      throw new IllegalArgumentException("an Ed25519 seed and public key are 32 bytes each");
    }
    return new SshEd25519Identity(seed, publicKey);
  }

  @Override
  public Optional<byte[]> unwrap(AgeStanza stanza) {
    if (!stanza.type().equals(SshPublicKey.ED25519)
        || stanza.args().size() != 2
        || !stanza.args().get(0).equals(tag)) {
      return Optional.empty();
    }
    byte[] theirShare;
    try {
      theirShare = Base64.getDecoder().decode(stanza.args().get(1));
    } catch (IllegalArgumentException e) {
      throw new DecryptionException(
          "invalid ssh-ed25519 stanza: the ephemeral share is not base64");
    }
    byte[] body = stanza.body();
    if (theirShare.length != X25519.SIZE
        || body.length != FILE_KEY_SIZE + ChaCha20Poly1305.TAG_SIZE) {
      throw new DecryptionException("invalid ssh-ed25519 stanza: wrong share or body length");
    }
    byte[] shared;
    try {
      shared = X25519.scalarMult(tweak, X25519.scalarMult(scalar, theirShare));
    } catch (EncryptionException e) {
      throw new DecryptionException(
          "invalid ssh-ed25519 stanza: the ephemeral share is a low-order point");
    }
    byte[] salt = new byte[2 * X25519.SIZE];
    System.arraycopy(theirShare, 0, salt, 0, X25519.SIZE);
    System.arraycopy(montgomeryKey, 0, salt, X25519.SIZE, X25519.SIZE);
    byte[] wrapKey = Hkdf.sha256(shared, salt, LABEL, ChaCha20Poly1305.KEY_SIZE);
    try {
      return Optional.of(
          ChaCha20Poly1305.open(wrapKey, new byte[ChaCha20Poly1305.NONCE_SIZE], body));
    } catch (DecryptionException e) {
      throw new DecryptionException(
          "the ssh-ed25519 stanza for this key does not open (changed, or another key"
              + " with the same tag)",
          e);
    }
  }

  private static byte[] sha512(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-512").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-512 is not available in this JDK", e);
    }
  }

  @Override
  public String toString() {
    return "SshEd25519Identity[tag " + tag + "]";
  }
}
