package org.batonjava.sdk.crypto;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDHEncrypter;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import java.security.SecureRandom;
import java.util.Set;

/**
 * Encrypts to an EC public JWK (P-256, P-384, P-521) as JWE compact serialization with {@code
 * alg=ECDH-ES} (direct key agreement, Concat KDF) and {@code enc=A256GCM}, what Baton's JWK
 * provider does for EC keys.
 */
public final class JweEncryptor {
  private static final Set<Curve> CURVES = Set.of(Curve.P_256, Curve.P_384, Curve.P_521);

  private final SecureRandom random;

  public JweEncryptor(SecureRandom random) {
    this.random = random;
  }

  /** Throws unless {@code key} is on one of the supported curves. */
  static void requireSupportedCurve(ECKey key) {
    if (!CURVES.contains(key.getCurve())) {
      throw new EncryptionException(
          "EC JWK on curve " + key.getCurve() + " is not supported (P-256, P-384, P-521)");
    }
  }

  /** The JWE compact serialization (ASCII) of {@code plaintext} for {@code key}. */
  public String encrypt(ECKey key, byte[] plaintext) {
    requireSupportedCurve(key);
    try {
      ECDHEncrypter encrypter = new ECDHEncrypter(key.toECPublicKey());
      encrypter.getJCAContext().setSecureRandom(random);
      JWEObject jwe =
          new JWEObject(
              new JWEHeader(JWEAlgorithm.ECDH_ES, EncryptionMethod.A256GCM),
              new Payload(plaintext));
      jwe.encrypt(encrypter);
      return jwe.serialize();
    } catch (JOSEException e) {
      throw new EncryptionException(
          "JWE (ECDH-ES, A256GCM) encryption to the EC JWK failed: " + e.getMessage(), e);
    }
  }
}
