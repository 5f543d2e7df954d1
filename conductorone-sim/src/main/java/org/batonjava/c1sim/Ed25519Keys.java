package org.batonjava.c1sim;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * An Ed25519 key pair as raw bytes (32-byte seed, 32-byte RFC 8032 public key) with the JWK members
 * and RFC 7638 thumbprint Baton uses; the fake's own code, independent of the SDK under test.
 */
@SuppressWarnings(
    "ArrayRecordComponent") // raw bytes, compared by content where it matters; never a map key
public record Ed25519Keys(byte[] seed, byte[] publicKey) {
  private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
  private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

  public static Ed25519Keys generate() {
    try {
      KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      byte[] spki = pair.getPublic().getEncoded();
      byte[] raw = Arrays.copyOfRange(spki, spki.length - 32, spki.length);
      byte[] seed = ((EdECPrivateKey) pair.getPrivate()).getBytes().orElseThrow();
      return new Ed25519Keys(seed, raw);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A JDK public key from raw RFC 8032 bytes. */
  public static PublicKey publicKey(byte[] raw) throws GeneralSecurityException {
    byte[] spki = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + raw.length);
    System.arraycopy(raw, 0, spki, SPKI_PREFIX.length, raw.length);
    return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
  }

  public String x() {
    return B64URL.encodeToString(publicKey);
  }

  public String d() {
    return B64URL.encodeToString(seed);
  }

  /** {@code {"kty":"OKP","crv":"Ed25519","x":…}}. */
  public String publicJwk() {
    return "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + x() + "\"}";
  }

  /** {@code {"kty":"OKP","crv":"Ed25519","x":…,"d":…}}. */
  public String privateJwk() {
    return "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + x() + "\",\"d\":\"" + d() + "\"}";
  }

  /** Baton's key id: lowercase hex SHA-256 of {@code {"crv":"Ed25519","kty":"OKP","x":…}}. */
  public String thumbprintHex() {
    String canonical = "{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\"" + x() + "\"}";
    try {
      return HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-256")
                  .digest(canonical.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return "Ed25519Keys[" + thumbprintHex() + "]";
  }
}
