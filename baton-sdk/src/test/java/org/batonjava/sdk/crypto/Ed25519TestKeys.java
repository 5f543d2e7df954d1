package org.batonjava.sdk.crypto;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * Ed25519 keys for tests from a fixed 32-byte seed: the public key (via the JDK's generator fed the
 * seed as its randomness) and the unencrypted OpenSSH private key file ({@code openssh-key-v1},
 * PROTOCOL.key) that {@code age -d -i} reads as an ssh-ed25519 identity.
 */
public final class Ed25519TestKeys {
  private Ed25519TestKeys() {}

  /** The 32-byte public key of {@code seed}, as the JDK computes it (RFC 8032 §5.1.5). */
  public static byte[] publicKey(byte[] seed) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
      generator.initialize(
          255,
          new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
              System.arraycopy(seed, 0, bytes, 0, bytes.length);
            }
          });
      byte[] spki = generator.generateKeyPair().getPublic().getEncoded();
      return Arrays.copyOfRange(spki, spki.length - 32, spki.length);
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  /** The PEM text of an unencrypted OpenSSH private key file for {@code seed}. */
  static String openSshPrivateKey(byte[] seed) {
    byte[] pub = publicKey(seed);
    byte[] wire = SshPublicKey.ed25519(pub).wire();
    ByteArrayOutputStream secret = new ByteArrayOutputStream();
    secret.writeBytes(ByteBuffer.allocate(8).putInt(0x5eed5eed).putInt(0x5eed5eed).array());
    string(secret, SshPublicKey.ED25519.getBytes(StandardCharsets.US_ASCII));
    string(secret, pub);
    byte[] priv = new byte[64];
    System.arraycopy(seed, 0, priv, 0, 32);
    System.arraycopy(pub, 0, priv, 32, 32);
    string(secret, priv);
    string(secret, "test@batonjava".getBytes(StandardCharsets.US_ASCII));
    for (int pad = 1; secret.size() % 8 != 0; pad++) {
      secret.write(pad);
    }
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.writeBytes("openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII));
    string(file, "none".getBytes(StandardCharsets.US_ASCII));
    string(file, "none".getBytes(StandardCharsets.US_ASCII));
    string(file, new byte[0]);
    file.writeBytes(ByteBuffer.allocate(4).putInt(1).array());
    string(file, wire);
    string(file, secret.toByteArray());
    String body = Base64.getEncoder().encodeToString(file.toByteArray());
    StringBuilder pem = new StringBuilder("-----BEGIN OPENSSH PRIVATE KEY-----\n");
    for (int i = 0; i < body.length(); i += 70) {
      pem.append(body, i, Math.min(body.length(), i + 70)).append('\n');
    }
    return pem.append("-----END OPENSSH PRIVATE KEY-----\n").toString();
  }

  private static void string(ByteArrayOutputStream out, byte[] value) {
    out.writeBytes(ByteBuffer.allocate(4).putInt(value.length).array());
    out.writeBytes(value);
  }
}
