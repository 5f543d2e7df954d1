package org.batonjava.sdk.crypto;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * An OpenSSH public key in its wire encoding (RFC 4253 §6.6): {@code ssh-ed25519} (string type,
 * string key) or {@code ssh-rsa} (string type, mpint e, mpint n). Parses {@code
 * authorized_keys}-style lines and builds the encoding from raw keys; the age ssh recipients hash
 * this encoding into their stanza tag.
 */
public final class SshPublicKey {
  public static final String ED25519 = "ssh-ed25519";
  public static final String RSA = "ssh-rsa";

  private final String type;
  private final byte[] wire;

  private SshPublicKey(String type, byte[] wire) {
    this.type = type;
    this.wire = wire;
  }

  /** The key for a raw 32-byte Ed25519 public key. */
  public static SshPublicKey ed25519(byte[] publicKey) {
    if (publicKey.length != 32) {
      throw new EncryptionException("an Ed25519 public key is 32 bytes, got " + publicKey.length);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writeString(out, ED25519.getBytes(StandardCharsets.US_ASCII));
    writeString(out, publicKey);
    return new SshPublicKey(ED25519, out.toByteArray());
  }

  /** The key for an RSA public key. */
  public static SshPublicKey rsa(RSAPublicKey publicKey) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writeString(out, RSA.getBytes(StandardCharsets.US_ASCII));
    writeString(
        out, publicKey.getPublicExponent().toByteArray()); // mpint: minimal two's complement
    writeString(out, publicKey.getModulus().toByteArray());
    return new SshPublicKey(RSA, out.toByteArray());
  }

  /**
   * Parses one {@code authorized_keys}-style line, {@code [options] ssh-ed25519|ssh-rsa <base64>
   * [comment]}.
   *
   * @throws EncryptionException if the line holds no supported key or the key data is malformed
   */
  public static SshPublicKey parseLine(String line) {
    String[] tokens = line.trim().split("\\s+", -1);
    for (int i = 0; i + 1 < tokens.length; i++) {
      if (tokens[i].equals(ED25519) || tokens[i].equals(RSA)) {
        byte[] wire;
        try {
          wire = Base64.getDecoder().decode(tokens[i + 1]);
        } catch (IllegalArgumentException e) {
          throw new EncryptionException(tokens[i] + " public key: the key data is not base64");
        }
        SshPublicKey key = parseWire(wire);
        if (!key.type.equals(tokens[i])) {
          throw new EncryptionException(
              tokens[i] + " public key: the key data is of type " + key.type);
        }
        return key;
      }
    }
    throw new EncryptionException("not an ssh-ed25519 or ssh-rsa public key line");
  }

  /** Parses the wire encoding; only {@code ssh-ed25519} and {@code ssh-rsa} are accepted. */
  public static SshPublicKey parseWire(byte[] wire) {
    ByteBuffer in = ByteBuffer.wrap(wire);
    String type = new String(readString(in), StandardCharsets.US_ASCII);
    switch (type) {
      case ED25519 -> {
        byte[] key = readString(in);
        requireEnd(in, type);
        return ed25519(key);
      }
      case RSA -> {
        BigInteger e = readMpint(in);
        BigInteger n = readMpint(in);
        requireEnd(in, type);
        if (e.signum() <= 0 || n.signum() <= 0) {
          throw new EncryptionException("ssh-rsa public key: e and n must be positive");
        }
        return rsa(toRsaPublicKey(n, e));
      }
      default ->
          throw new EncryptionException(
              "unsupported ssh key type \"" + type + "\" (ssh-ed25519 or ssh-rsa)");
    }
  }

  /** {@code ssh-ed25519} or {@code ssh-rsa}. */
  public String type() {
    return type;
  }

  /** The wire encoding. */
  public byte[] wire() {
    return wire.clone();
  }

  /** The raw 32-byte Ed25519 key; only for {@code ssh-ed25519}. */
  public byte[] ed25519Key() {
    requireType(ED25519);
    return Arrays.copyOfRange(wire, wire.length - 32, wire.length);
  }

  /** The RSA key; only for {@code ssh-rsa}. */
  public RSAPublicKey rsaKey() {
    requireType(RSA);
    ByteBuffer in = ByteBuffer.wrap(wire);
    readString(in);
    BigInteger e = readMpint(in);
    BigInteger n = readMpint(in);
    return toRsaPublicKey(n, e);
  }

  /** The age stanza tag: unpadded base64 of the first 4 bytes of SHA-256(wire encoding). */
  public String ageTag() {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(wire);
      return Base64.getEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 4));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JDK", e);
    }
  }

  /** The {@code authorized_keys} form, {@code type base64}. */
  @Override
  public String toString() {
    return type + " " + Base64.getEncoder().encodeToString(wire);
  }

  private void requireType(String wanted) {
    if (!type.equals(wanted)) {
      throw new IllegalStateException("this is an " + type + " key, not " + wanted);
    }
  }

  private static RSAPublicKey toRsaPublicKey(BigInteger n, BigInteger e) {
    try {
      return (RSAPublicKey)
          KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
    } catch (GeneralSecurityException ex) {
      throw new EncryptionException("ssh-rsa public key is not a valid RSA key", ex);
    }
  }

  private static void writeString(ByteArrayOutputStream out, byte[] value) {
    out.writeBytes(ByteBuffer.allocate(4).putInt(value.length).array());
    out.writeBytes(value);
  }

  private static byte[] readString(ByteBuffer in) {
    if (in.remaining() < 4) {
      throw new EncryptionException("ssh public key: truncated key data");
    }
    int length = in.getInt();
    if (length < 0 || length > in.remaining()) {
      throw new EncryptionException("ssh public key: truncated key data");
    }
    byte[] value = new byte[length];
    in.get(value);
    return value;
  }

  private static BigInteger readMpint(ByteBuffer in) {
    byte[] value = readString(in);
    return value.length == 0 ? BigInteger.ZERO : new BigInteger(value);
  }

  private static void requireEnd(ByteBuffer in, String type) {
    if (in.hasRemaining()) {
      throw new EncryptionException(type + " public key: trailing bytes after the key data");
    }
  }
}
