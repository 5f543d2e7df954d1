package org.batonjava.sdk.crypto;

import java.math.BigInteger;

/**
 * Maps an Ed25519 public key (a compressed Edwards point) to the X25519 public key of the same
 * secret: the Montgomery u-coordinate u = (1 + y) / (1 − y) mod 2^255 − 19 (RFC 7748 §4.1), after
 * checking that the bytes are a point on the curve. Inputs are public, so plain {@link BigInteger}
 * arithmetic is fine.
 */
final class Ed25519Montgomery {
  private static final BigInteger P = X25519.P;

  /** The Edwards curve constant d = −121665 / 121666. */
  private static final BigInteger D =
      BigInteger.valueOf(-121665).multiply(BigInteger.valueOf(121666).modInverse(P)).mod(P);

  private Ed25519Montgomery() {}

  /**
   * Returns the 32-byte little-endian u-coordinate.
   *
   * @throws EncryptionException if the key is not 32 bytes, not a curve point, or the identity
   *     point
   */
  static byte[] toX25519(byte[] ed25519PublicKey) {
    if (ed25519PublicKey.length != 32) {
      throw new EncryptionException(
          "an Ed25519 public key is 32 bytes, got " + ed25519PublicKey.length);
    }
    byte[] yBytes = ed25519PublicKey.clone();
    yBytes[31] &= 0x7f; // the top bit is the sign of x
    BigInteger y = X25519.fromLittleEndian(yBytes).mod(P);
    if (!isOnCurve(y)) {
      throw new EncryptionException("the Ed25519 public key is not a point on the curve");
    }
    BigInteger oneMinusY = BigInteger.ONE.subtract(y).mod(P);
    if (oneMinusY.signum() == 0) {
      throw new EncryptionException("the Ed25519 public key is the identity point");
    }
    BigInteger u = BigInteger.ONE.add(y).multiply(oneMinusY.modInverse(P)).mod(P);
    return X25519.littleEndian(u);
  }

  /**
   * True when x² = (y² − 1) / (d·y² + 1) has a solution, i.e. the right side is zero or a square
   * mod p.
   */
  private static boolean isOnCurve(BigInteger y) {
    BigInteger y2 = y.multiply(y).mod(P);
    BigInteger numerator = y2.subtract(BigInteger.ONE).mod(P);
    BigInteger denominator = D.multiply(y2).add(BigInteger.ONE).mod(P);
    BigInteger x2 = numerator.multiply(denominator.modInverse(P)).mod(P);
    if (x2.signum() == 0) {
      return true;
    }
    return x2.modPow(P.subtract(BigInteger.ONE).shiftRight(1), P).equals(BigInteger.ONE);
  }
}
