package org.batonjava.sdk.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.batonjava.sdk.crypto.AgeIdentity;
import org.batonjava.sdk.crypto.Secret;
import org.batonjava.sdk.crypto.SshEd25519Identity;

/**
 * The Ed25519 key inside a ConductorOne client secret ({@code
 * secret-token:conductorone.com:v1:<base64url-no-padding(JSON JWK)>}): it signs the client
 * assertions of the token exchange. Parsed as the Go SDK parses it: four colon-separated parts, the
 * third {@code v1}, the fourth an unpadded base64url JSON Web Key that must be an Ed25519 OKP
 * private key.
 */
public final class ClientSecretKey {
  private static final int KEY_BYTES = 32;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final PrivateKey privateKey;
  private final String publicX;
  private final Optional<String> kid;
  private final SshEd25519Identity ageIdentity;

  private ClientSecretKey(
      PrivateKey privateKey, String publicX, Optional<String> kid, SshEd25519Identity ageIdentity) {
    this.privateKey = privateKey;
    this.publicX = publicX;
    this.kid = kid;
    this.ageIdentity = ageIdentity;
  }

  /** Parses a client secret; errors name the problem, never the value. */
  public static ClientSecretKey parse(Secret clientSecret) {
    String value = clientSecret.reveal();
    String[] parts = value.split(":", 4);
    if (parts.length != 4) {
      throw invalid(
          "expected secret-token:conductorone.com:v1:<key> (4 colon-separated parts), got "
              + parts.length
              + " part(s)");
    }
    if (!parts[2].equals("v1")) {
      throw invalid("the third part must be v1 (secret-token:conductorone.com:v1:<key>)");
    }
    if (parts[3].contains("=")) {
      throw invalid("the key part must be unpadded base64url");
    }
    byte[] jwkBytes;
    try {
      jwkBytes = Base64.getUrlDecoder().decode(parts[3]);
    } catch (IllegalArgumentException e) {
      throw invalid("the key part is not valid base64url");
    }
    JsonNode jwk;
    try {
      jwk = JSON.readTree(jwkBytes);
    } catch (IOException e) {
      throw invalid("the key part is not a JSON Web Key");
    }
    if (jwk == null || !jwk.isObject()) {
      throw invalid("the key part is not a JSON Web Key");
    }
    if (!"OKP".equals(text(jwk, "kty")) || !"Ed25519".equals(text(jwk, "crv"))) {
      throw invalid("the key must be an Ed25519 key (kty OKP, crv Ed25519)");
    }
    String d = text(jwk, "d");
    String x = text(jwk, "x");
    if (d == null) {
      throw invalid("the key is a public key; a private key (with d) is required");
    }
    if (x == null) {
      throw invalid("the key has no public part x");
    }
    byte[] seed = decodeMember(d, "d");
    byte[] publicBytes = decodeMember(x, "x");
    try {
      PrivateKey privateKey =
          KeyFactory.getInstance("Ed25519")
              .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
      PublicKey publicKey = publicKey(publicBytes);
      requireMatching(privateKey, publicKey);
      return new ClientSecretKey(
          privateKey, x, Optional.ofNullable(text(jwk, "kid")), ageIdentity(seed, publicBytes));
    } catch (GeneralSecurityException e) {
      throw invalid("the key is not a valid Ed25519 key");
    }
  }

  /** The age identity of a key pair already checked to match. */
  private static SshEd25519Identity ageIdentity(byte[] seed, byte[] publicBytes) {
    try {
      return SshEd25519Identity.of(seed, publicBytes);
    } catch (IllegalArgumentException e) {
      throw invalid("the key is not a valid Ed25519 key");
    }
  }

  /** Signs {@code data} with Ed25519 (RFC 8032). */
  byte[] sign(byte[] data) {
    try {
      Signature signature = Signature.getInstance("Ed25519");
      signature.initSign(privateKey);
      signature.update(data);
      return signature.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 signing failed", e);
    }
  }

  /**
   * The key as an age identity: ConductorOne encrypts passwords it chose ({@code
   * encrypted_password}) to this key with the {@code baton/jwk/v1} provider, i.e. as age files for
   * the matching {@code ssh-ed25519} recipient.
   */
  AgeIdentity ageIdentity() {
    return ageIdentity;
  }

  /** The JWK's {@code kid}, when the secret carried one (issued secrets do not). */
  public Optional<String> kid() {
    return kid;
  }

  /**
   * The key id Baton derives for this key: lowercase hex SHA-256 of the RFC 7638 thumbprint input
   * {@code {"crv":"Ed25519","kty":"OKP","x":"…"}}. ConductorOne marks passwords it encrypts to this
   * key with it.
   */
  public String thumbprintHex() {
    String canonical = "{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\"" + publicX + "\"}";
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  @Override
  public String toString() {
    return "ClientSecretKey[Ed25519, thumbprint " + thumbprintHex() + "]";
  }

  /** Decodes an RFC 8032 encoded Ed25519 public key (little-endian y, top bit = x parity). */
  static PublicKey publicKey(byte[] encoded) throws GeneralSecurityException {
    byte[] littleEndian = encoded.clone();
    boolean xOdd = (littleEndian[KEY_BYTES - 1] & 0x80) != 0;
    littleEndian[KEY_BYTES - 1] &= 0x7f;
    byte[] bigEndian = new byte[KEY_BYTES];
    for (int i = 0; i < KEY_BYTES; i++) {
      bigEndian[i] = littleEndian[KEY_BYTES - 1 - i];
    }
    EdECPoint point = new EdECPoint(xOdd, new BigInteger(1, bigEndian));
    return KeyFactory.getInstance("Ed25519")
        .generatePublic(new EdECPublicKeySpec(NamedParameterSpec.ED25519, point));
  }

  private static void requireMatching(PrivateKey privateKey, PublicKey publicKey)
      throws GeneralSecurityException {
    byte[] probe = "baton client secret check".getBytes(StandardCharsets.US_ASCII);
    Signature signer = Signature.getInstance("Ed25519");
    signer.initSign(privateKey);
    signer.update(probe);
    byte[] signature = signer.sign();
    Signature verifier = Signature.getInstance("Ed25519");
    verifier.initVerify(publicKey);
    verifier.update(probe);
    if (!verifier.verify(signature)) {
      throw invalid("the key's private part d does not match its public part x");
    }
  }

  private static byte[] decodeMember(String value, String member) {
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(value);
    } catch (IllegalArgumentException e) {
      throw invalid("the key member " + member + " is not valid base64url");
    }
    if (bytes.length != KEY_BYTES) {
      throw invalid("the key member " + member + " must be 32 bytes, got " + bytes.length);
    }
    return bytes;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() ? value.asText() : null;
  }

  private static InvalidCredentialsException invalid(String why) {
    return new InvalidCredentialsException("invalid client secret: " + why);
  }
}
