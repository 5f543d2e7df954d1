package org.batonjava.sdk.crypto;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;

/**
 * A public JWK as Baton's {@code baton/jwk/v1} provider uses it, resolved to how it encrypts: an
 * OKP Ed25519 key to an age file with an {@code ssh-ed25519} stanza, an RSA key to an age file with
 * an {@code ssh-rsa} stanza, an EC P-256/384/521 key to a JWE (ECDH-ES, A256GCM). Anything else is
 * refused when parsed, so a bad key is found before any account is created.
 */
public final class PublicJwk {
  private final JWK jwk;
  private final AgeRecipient ageRecipient;
  private final ECKey ecKey;

  private PublicJwk(JWK jwk, AgeRecipient ageRecipient, ECKey ecKey) {
    this.jwk = jwk;
    this.ageRecipient = ageRecipient;
    this.ecKey = ecKey;
  }

  /**
   * Parses the UTF-8 JSON of a JWK. A private JWK is accepted and only its public part is kept, as
   * the Go SDK does.
   *
   * @throws EncryptionException if it is not a JWK or not a supported key type
   */
  public static PublicJwk parse(byte[] json) {
    JWK parsed;
    try {
      parsed = JWK.parse(new String(json, StandardCharsets.UTF_8));
    } catch (ParseException e) {
      throw new EncryptionException("not a valid JWK: " + e.getMessage());
    }
    return of(parsed);
  }

  /** Resolves a (public) nimbus JWK. */
  public static PublicJwk of(JWK jwk) {
    JWK publicJwk = jwk.toPublicJWK();
    if (publicJwk == null) { // symmetric ("oct") keys have no public part
      throw new EncryptionException(
          "JWK key type " + jwk.getKeyType() + " is not supported (OKP Ed25519, RSA, EC)");
    }
    if (publicJwk instanceof OctetKeyPair okp) {
      if (!Curve.Ed25519.equals(okp.getCurve())) {
        throw new EncryptionException(
            "OKP JWK on curve " + okp.getCurve() + " is not supported (Ed25519 only)");
      }
      return new PublicJwk(publicJwk, SshEd25519Recipient.of(okp.getDecodedX()), null);
    }
    if (publicJwk instanceof RSAKey rsa) {
      try {
        return new PublicJwk(publicJwk, SshRsaRecipient.of(rsa.toRSAPublicKey()), null);
      } catch (JOSEException e) {
        throw new EncryptionException(
            "RSA JWK is not a valid RSA public key: " + e.getMessage(), e);
      }
    }
    if (publicJwk instanceof ECKey ec) {
      JweEncryptor.requireSupportedCurve(ec);
      return new PublicJwk(publicJwk, null, ec);
    }
    throw new EncryptionException(
        "JWK key type " + publicJwk.getKeyType() + " is not supported (OKP Ed25519, RSA, EC)");
  }

  /** The JWK of a raw 32-byte Ed25519 public key, {@code {"kty":"OKP","crv":"Ed25519","x":…}}. */
  public static PublicJwk ed25519(byte[] publicKey) {
    return of(new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(publicKey)).build());
  }

  /** The JWK of an RSA public key. */
  public static PublicJwk rsa(RSAPublicKey publicKey) {
    return of(new RSAKey.Builder(publicKey).build());
  }

  /** The key id Baton uses: the hex SHA-256 RFC 7638 thumbprint. */
  public String keyId() {
    return JwkThumbprint.hex(jwk);
  }

  /**
   * The public JWK as compact JSON; for OKP exactly {@code {"kty":"OKP","crv":"Ed25519","x":"…"}}
   * like the Go SDK's generated keys.
   */
  public String toJson() {
    if (jwk instanceof OctetKeyPair okp) {
      return "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + okp.getX() + "\"}";
    }
    return jwk.toJSONString();
  }

  /**
   * The ciphertext Baton stores (before its base64 step): the binary age file for Ed25519/RSA keys,
   * the ASCII JWE compact string for EC keys.
   */
  public byte[] encrypt(byte[] plaintext, AgeEncryptor age, JweEncryptor jwe) {
    if (ageRecipient != null) {
      return age.encrypt(plaintext, ageRecipient);
    }
    return jwe.encrypt(ecKey, plaintext).getBytes(StandardCharsets.US_ASCII);
  }

  @Override
  public String toString() {
    return toJson();
  }
}
