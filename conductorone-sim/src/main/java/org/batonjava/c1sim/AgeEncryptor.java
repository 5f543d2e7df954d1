package org.batonjava.c1sim;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts to an {@code ssh-ed25519} recipient as an age v1 file, the way ConductorOne seals a
 * password chosen by an administrator for a connector's Ed25519 client key: a random 16-byte file
 * key wrapped in one {@code ssh-ed25519} stanza (ephemeral X25519 share, the key's tweak, HKDF,
 * ChaCha20-Poly1305), the header MAC, then the STREAM payload. JDK 17 primitives only; the fake's
 * own code (the mirror of {@link AgeDecryptor}), independent of the SDK under test, and checked
 * against the real {@code age} CLI by its tests.
 */
public final class AgeEncryptor {
  private static final String INTRO = "age-encryption.org/v1";
  private static final String SSH_ED25519_INFO = "age-encryption.org/v1/ssh-ed25519";
  private static final int CHUNK = 64 * 1024;
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();

  private final SecureRandom random;

  public AgeEncryptor() {
    this(new SecureRandom());
  }

  public AgeEncryptor(SecureRandom random) {
    this.random = random;
  }

  /**
   * The age file holding {@code plaintext} for the Ed25519 key whose public half is {@code
   * keys.publicKey()}.
   */
  public byte[] encrypt(byte[] plaintext, Ed25519Keys keys) {
    try {
      byte[] fileKey = randomBytes(16);
      byte[] sshKey = AgeDecryptor.sshWireKey(keys.publicKey());
      String tag =
          B64.encodeToString(Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(sshKey), 4));
      byte[] recipient = AgeDecryptor.montgomeryPublic(keys);
      byte[] ephemeralSecret = randomBytes(32);
      byte[] share = AgeDecryptor.x25519(ephemeralSecret, AgeDecryptor.basepoint());
      byte[] tweak = AgeDecryptor.hkdf(new byte[0], sshKey, SSH_ED25519_INFO);
      byte[] shared = AgeDecryptor.x25519(tweak, AgeDecryptor.x25519(ephemeralSecret, recipient));
      byte[] wrapKey = AgeDecryptor.hkdf(shared, concat(share, recipient), SSH_ED25519_INFO);
      byte[] body = seal(wrapKey, new byte[12], fileKey);

      StringBuilder header = new StringBuilder(INTRO).append('\n');
      header
          .append("-> ssh-ed25519 ")
          .append(tag)
          .append(' ')
          .append(B64.encodeToString(share))
          .append('\n');
      String encodedBody = B64.encodeToString(body);
      for (int i = 0; i < encodedBody.length(); i += 64) {
        header.append(encodedBody, i, Math.min(encodedBody.length(), i + 64)).append('\n');
      }
      if (encodedBody.length() % 64 == 0) {
        header.append('\n');
      }
      header.append("---");
      byte[] headerBytes = header.toString().getBytes(StandardCharsets.US_ASCII);
      byte[] mac =
          AgeDecryptor.hmac(AgeDecryptor.hkdf(fileKey, new byte[0], "header"), headerBytes);

      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.writeBytes(headerBytes);
      out.writeBytes((" " + B64.encodeToString(mac) + "\n").getBytes(StandardCharsets.US_ASCII));
      out.writeBytes(payload(plaintext, fileKey));
      return out.toByteArray();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("age encryption failed: " + e.getMessage(), e);
    }
  }

  private byte[] payload(byte[] plaintext, byte[] fileKey) throws GeneralSecurityException {
    byte[] nonce = randomBytes(16);
    byte[] key = AgeDecryptor.hkdf(fileKey, nonce, "payload");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(nonce);
    int offset = 0;
    long counter = 0;
    while (true) {
      int len = Math.min(CHUNK, plaintext.length - offset);
      boolean last = offset + len >= plaintext.length;
      ByteBuffer chunkNonce = ByteBuffer.allocate(12);
      chunkNonce.put(new byte[3]).putLong(counter).put((byte) (last ? 1 : 0));
      out.writeBytes(
          seal(key, chunkNonce.array(), Arrays.copyOfRange(plaintext, offset, offset + len)));
      offset += len;
      counter++;
      if (last) {
        return out.toByteArray();
      }
    }
  }

  private static byte[] seal(byte[] key, byte[] nonce, byte[] plaintext)
      throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("ChaCha20-Poly1305");
    cipher.init(
        Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "ChaCha20"), new IvParameterSpec(nonce));
    return cipher.doFinal(plaintext);
  }

  private byte[] randomBytes(int n) {
    byte[] out = new byte[n];
    random.nextBytes(out);
    return out;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
