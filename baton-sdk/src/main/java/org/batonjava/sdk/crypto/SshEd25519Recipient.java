package org.batonjava.sdk.crypto;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/**
 * An age {@code ssh-ed25519} recipient (the agessh construction): an Ed25519 public key used as the
 * X25519 key of the same secret, with the shared secret "tweaked" by a scalar bound to the SSH key.
 *
 * <ol>
 *   <li>R = Montgomery u of the Edwards point; tag = base64(SHA-256(ssh wire key)[0..4]).
 *   <li>e random, E = X25519(e, 9), tweak = HKDF(ikm = empty, salt = ssh wire key, info = label,
 *       32).
 *   <li>S = X25519(tweak, X25519(e, R)); wrap key = HKDF(ikm = S, salt = E ‖ R, info = label, 32).
 *   <li>body = ChaCha20-Poly1305(wrap key, zero nonce, file key); stanza {@code -> ssh-ed25519
 *       <tag> <E>}.
 * </ol>
 */
public final class SshEd25519Recipient implements AgeRecipient {
  private static final byte[] LABEL =
      "age-encryption.org/v1/ssh-ed25519".getBytes(StandardCharsets.US_ASCII);

  private final SshPublicKey sshKey;
  private final byte[] montgomeryKey;
  private final byte[] tweak;

  private SshEd25519Recipient(SshPublicKey sshKey) {
    this.sshKey = sshKey;
    this.montgomeryKey = Ed25519Montgomery.toX25519(sshKey.ed25519Key());
    this.tweak = Hkdf.sha256(new byte[0], sshKey.wire(), LABEL, X25519.SIZE);
  }

  /** The recipient for a raw 32-byte Ed25519 public key (e.g. a JWK's {@code x}). */
  public static SshEd25519Recipient of(byte[] ed25519PublicKey) {
    return new SshEd25519Recipient(SshPublicKey.ed25519(ed25519PublicKey));
  }

  /** The recipient for an {@code ssh-ed25519} key. */
  public static SshEd25519Recipient of(SshPublicKey key) {
    if (!key.type().equals(SshPublicKey.ED25519)) {
      throw new EncryptionException(
          "an ssh-ed25519 recipient needs an ssh-ed25519 key, got " + key.type());
    }
    return new SshEd25519Recipient(key);
  }

  @Override
  public AgeStanza wrap(byte[] fileKey, SecureRandom random) {
    byte[] ephemeral = new byte[X25519.SIZE];
    random.nextBytes(ephemeral);
    byte[] ourShare = X25519.publicKey(ephemeral);
    byte[] shared = X25519.scalarMult(tweak, X25519.scalarMult(ephemeral, montgomeryKey));
    byte[] salt = new byte[2 * X25519.SIZE];
    System.arraycopy(ourShare, 0, salt, 0, X25519.SIZE);
    System.arraycopy(montgomeryKey, 0, salt, X25519.SIZE, X25519.SIZE);
    byte[] wrapKey = Hkdf.sha256(shared, salt, LABEL, ChaCha20Poly1305.KEY_SIZE);
    byte[] body = ChaCha20Poly1305.seal(wrapKey, new byte[ChaCha20Poly1305.NONCE_SIZE], fileKey);
    return new AgeStanza(
        SshPublicKey.ED25519,
        List.of(sshKey.ageTag(), Base64.getEncoder().withoutPadding().encodeToString(ourShare)),
        body);
  }

  @Override
  public String toString() {
    return sshKey.toString();
  }
}
