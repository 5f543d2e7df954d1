package org.batonjava.sdk.crypto;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import javax.crypto.KeyAgreement;

/**
 * The X25519 function of RFC 7748 on raw 32-byte little-endian strings, on top of the JDK's {@code
 * XDH} key agreement (which clamps the scalar and refuses an all-zero result, as Go's {@code
 * curve25519.X25519} does).
 */
final class X25519 {
  static final int SIZE = 32;
  static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
  private static final byte[] BASE_POINT = littleEndian(BigInteger.valueOf(9));

  private X25519() {}

  /** X25519(scalar, 9): the public key of a scalar. */
  static byte[] publicKey(byte[] scalar) {
    return scalarMult(scalar, BASE_POINT);
  }

  /**
   * X25519(scalar, u).
   *
   * @throws EncryptionException if the result is all zeros (u is a low-order point)
   */
  static byte[] scalarMult(byte[] scalar, byte[] u) {
    if (scalar.length != SIZE || u.length != SIZE) {
      throw new IllegalArgumentException("X25519 inputs are 32 bytes");
    }
    byte[] masked = u.clone();
    masked[SIZE - 1] &= 0x7f; // RFC 7748 §5: the top bit of u is ignored
    BigInteger uValue = fromLittleEndian(masked).mod(P);
    try {
      KeyFactory factory = KeyFactory.getInstance("XDH");
      PrivateKey privateKey =
          factory.generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, scalar));
      PublicKey publicKey =
          factory.generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, uValue));
      KeyAgreement agreement = KeyAgreement.getInstance("XDH");
      agreement.init(privateKey);
      agreement.doPhase(publicKey, true);
      return agreement.generateSecret();
    } catch (InvalidKeyException e) {
      throw new EncryptionException("X25519: the recipient key is a low-order point", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("X25519 is not available in this JDK", e);
    }
  }

  static BigInteger fromLittleEndian(byte[] bytes) {
    byte[] bigEndian = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      bigEndian[i] = bytes[bytes.length - 1 - i];
    }
    return new BigInteger(1, bigEndian);
  }

  /** The 32-byte little-endian encoding of {@code value} (0 <= value < 2^256). */
  static byte[] littleEndian(BigInteger value) {
    byte[] bigEndian = value.toByteArray();
    byte[] out = new byte[SIZE];
    for (int i = 0; i < SIZE && i < bigEndian.length; i++) {
      out[i] = bigEndian[bigEndian.length - 1 - i];
    }
    return out;
  }
}
