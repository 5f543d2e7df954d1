package org.batonjava.sdk.crypto;

import c1.connector.v2.EncryptionConfig;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The encryption config of a one-shot run without an operator-supplied recipient, as the Go SDK's
 * {@code GenerateKey}: a fresh Ed25519 key pair whose public JWK becomes a {@code baton/jwk/v1}
 * config and whose private key is dropped at once. Whatever is encrypted to it can never be
 * decrypted, so a created account's password is neither printed nor recoverable.
 */
public final class OneShotEncryptionConfig {
  /** Ed25519 SubjectPublicKeyInfo is a fixed 12-byte prefix followed by the 32-byte key. */
  private static final int SPKI_PREFIX = 12;

  private OneShotEncryptionConfig() {}

  public static EncryptionConfig generate() {
    return generate(new SecureRandom());
  }

  /**
   * A config {principal unset, provider {@code baton/jwk/v1}, key_id = thumbprint hex, pub_key =
   * {@code {"kty":"OKP","crv":"Ed25519","x":"…"}}}.
   */
  public static EncryptionConfig generate(SecureRandom random) {
    byte[] publicKey;
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
      generator.initialize(255, random);
      KeyPair pair = generator.generateKeyPair();
      byte[] spki = pair.getPublic().getEncoded();
      publicKey = Arrays.copyOfRange(spki, SPKI_PREFIX, spki.length);
      // pair (and its private key) goes out of scope here and is never stored.
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 is not available in this JDK", e);
    }
    return RecipientParser.jwkConfig(PublicJwk.ed25519(publicKey));
  }
}
