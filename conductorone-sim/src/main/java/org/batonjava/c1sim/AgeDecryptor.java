package org.batonjava.c1sim;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Decrypts an age v1 file addressed to an {@code ssh-ed25519} recipient (what Baton's {@code
 * baton/jwk/v1} provider makes for an Ed25519 JWK), the way ConductorOne would with its private
 * key: find the stanza whose tag matches the key, unwrap the file key (X25519 with the tweak, HKDF,
 * ChaCha20-Poly1305), check the header MAC, then decrypt the STREAM payload. JDK 17 primitives
 * only; written from the age specification, independent of the SDK's encryptor.
 */
public final class AgeDecryptor {
  private static final String INTRO = "age-encryption.org/v1";
  private static final String SSH_ED25519_INFO = "age-encryption.org/v1/ssh-ed25519";
  private static final int CHUNK = 64 * 1024;
  private static final int TAG = 16;
  private static final Base64.Decoder B64 = Base64.getDecoder();

  private AgeDecryptor() {}

  /**
   * The plaintext of {@code file} for the Ed25519 key {@code keys}; throws when it is not for that
   * key.
   */
  public static byte[] decrypt(byte[] file, Ed25519Keys keys) {
    try {
      int macLine = indexOf(file, "\n--- ".getBytes(StandardCharsets.US_ASCII)) + 1;
      if (macLine <= 0) {
        throw new IllegalArgumentException("not an age file: no header MAC line");
      }
      int macEnd = indexOf(file, new byte[] {'\n'}, macLine);
      byte[] headerForMac = Arrays.copyOfRange(file, 0, macLine + 3);
      byte[] mac =
          B64.decode(
              new String(file, macLine + 4, macEnd - macLine - 4, StandardCharsets.US_ASCII));
      String[] lines = new String(file, 0, macLine - 1, StandardCharsets.US_ASCII).split("\n", -1);
      if (!lines[0].equals(INTRO)) {
        throw new IllegalArgumentException("not an age v1 file");
      }
      byte[] sshKey = sshWireKey(keys.publicKey());
      String tag =
          Base64.getEncoder()
              .withoutPadding()
              .encodeToString(
                  Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(sshKey), 4));
      byte[] fileKey = null;
      for (Stanza stanza : stanzas(lines)) {
        if (stanza.type().equals("ssh-ed25519")
            && stanza.args().size() == 2
            && stanza.args().get(0).equals(tag)) {
          fileKey = unwrap(stanza, keys, sshKey);
        }
      }
      if (fileKey == null) {
        throw new IllegalArgumentException("no ssh-ed25519 stanza for this key");
      }
      byte[] expectedMac = hmac(hkdf(fileKey, new byte[0], "header"), headerForMac);
      if (!MessageDigest.isEqual(expectedMac, mac)) {
        throw new IllegalArgumentException("header MAC does not match");
      }
      return payload(Arrays.copyOfRange(file, macEnd + 1, file.length), fileKey);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("age decryption failed: " + e.getMessage(), e);
    }
  }

  @SuppressWarnings(
      "ArrayRecordComponent") // raw bytes, compared by content where it matters; never a map key
  private record Stanza(String type, List<String> args, byte[] body) {}

  private static List<Stanza> stanzas(String[] lines) {
    List<Stanza> out = new ArrayList<>();
    int i = 1;
    while (i < lines.length) {
      if (!lines[i].startsWith("-> ")) {
        throw new IllegalArgumentException("malformed age header line " + i);
      }
      List<String> words = List.of(lines[i].substring(3).split(" "));
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      i++;
      while (true) {
        String line = lines[i++];
        body.writeBytes(B64.decode(line));
        if (line.length() < 64) {
          break;
        }
      }
      out.add(new Stanza(words.get(0), words.subList(1, words.size()), body.toByteArray()));
    }
    return out;
  }

  private static byte[] unwrap(Stanza stanza, Ed25519Keys keys, byte[] sshKey)
      throws GeneralSecurityException {
    byte[] ephemeral = B64.decode(stanza.args().get(1));
    byte[] secret = montgomerySecret(keys);
    byte[] ownPublic = x25519(secret, basepoint());
    byte[] tweak = hkdf(new byte[0], sshKey, SSH_ED25519_INFO);
    byte[] shared = x25519(tweak, x25519(secret, ephemeral));
    byte[] salt = concat(ephemeral, ownPublic);
    byte[] wrapKey = hkdf(shared, salt, SSH_ED25519_INFO);
    return chacha(wrapKey, new byte[12], stanza.body());
  }

  /**
   * The X25519 secret of an Ed25519 key: the first half of SHA-512 of its seed (X25519 clamps it).
   */
  static byte[] montgomerySecret(Ed25519Keys keys) throws GeneralSecurityException {
    return Arrays.copyOf(MessageDigest.getInstance("SHA-512").digest(keys.seed()), 32);
  }

  /** The X25519 public key of an Ed25519 key (the u-coordinate the ssh-ed25519 recipient uses). */
  static byte[] montgomeryPublic(Ed25519Keys keys) throws GeneralSecurityException {
    return x25519(montgomerySecret(keys), basepoint());
  }

  private static byte[] payload(byte[] payload, byte[] fileKey) throws GeneralSecurityException {
    byte[] nonce = Arrays.copyOf(payload, 16);
    byte[] key = hkdf(fileKey, nonce, "payload");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int offset = 16;
    long counter = 0;
    while (true) {
      int len = Math.min(CHUNK + TAG, payload.length - offset);
      boolean last = offset + len >= payload.length;
      ByteBuffer chunkNonce = ByteBuffer.allocate(12);
      chunkNonce.put(new byte[3]).putLong(counter).put((byte) (last ? 1 : 0));
      out.writeBytes(
          chacha(key, chunkNonce.array(), Arrays.copyOfRange(payload, offset, offset + len)));
      offset += len;
      counter++;
      if (last) {
        return out.toByteArray();
      }
    }
  }

  /** The SSH wire encoding of an Ed25519 public key: string "ssh-ed25519", string key. */
  static byte[] sshWireKey(byte[] publicKey) {
    byte[] type = "ssh-ed25519".getBytes(StandardCharsets.US_ASCII);
    return ByteBuffer.allocate(4 + type.length + 4 + publicKey.length)
        .putInt(type.length)
        .put(type)
        .putInt(publicKey.length)
        .put(publicKey)
        .array();
  }

  static byte[] x25519(byte[] scalar, byte[] u) throws GeneralSecurityException {
    KeyFactory factory = KeyFactory.getInstance("XDH");
    PrivateKey priv =
        factory.generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, scalar));
    byte[] le = u.clone();
    le[31] &= 0x7f;
    byte[] be = new byte[32];
    for (int i = 0; i < 32; i++) {
      be[i] = le[31 - i];
    }
    PublicKey pub =
        factory.generatePublic(
            new XECPublicKeySpec(NamedParameterSpec.X25519, new BigInteger(1, be)));
    KeyAgreement agreement = KeyAgreement.getInstance("XDH");
    agreement.init(priv);
    agreement.doPhase(pub, true);
    return agreement.generateSecret();
  }

  static byte[] basepoint() {
    byte[] nine = new byte[32];
    nine[0] = 9;
    return nine;
  }

  private static byte[] chacha(byte[] key, byte[] nonce, byte[] ciphertext)
      throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("ChaCha20-Poly1305");
    cipher.init(
        Cipher.DECRYPT_MODE, new SecretKeySpec(key, "ChaCha20"), new IvParameterSpec(nonce));
    return cipher.doFinal(ciphertext);
  }

  /** HKDF-SHA256 with a 32-byte output. */
  static byte[] hkdf(byte[] ikm, byte[] salt, String info) throws GeneralSecurityException {
    byte[] prk = hmac(salt.length == 0 ? new byte[32] : salt, ikm);
    byte[] infoBytes = info.getBytes(StandardCharsets.US_ASCII);
    return hmac(prk, concat(infoBytes, new byte[] {1}));
  }

  static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return mac.doFinal(data);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    return indexOf(haystack, needle, 0);
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = from; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
