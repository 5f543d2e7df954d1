package org.batonjava.sdk.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import c1.connector.v2.EncryptedData;
import c1.connector.v2.EncryptionConfig;
import c1.connector.v2.PlaintextData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * EC public JWKs encrypt to a JWE (ECDH-ES + A256GCM). The encryption uses nimbus, so the check is
 * a hand-written decryption from RFC 7516/7518 with JDK primitives only: split the compact form,
 * read the protected header, ECDH with the recipient's private key against {@code epk}, Concat KDF
 * (RFC 7518 §4.6.2) to a 256-bit key, AES-GCM with the protected header's ASCII as additional data.
 */
class JweEncryptorTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @CsvSource({"secp256r1, P-256", "secp384r1, P-384", "secp521r1, P-521"})
  void ecJwkGivesAJweThatDecryptsByHand(String jdkCurve, String jwkCurve) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec(jdkCurve));
    KeyPair pair = generator.generateKeyPair();
    ECKey jwk = new ECKey.Builder(Curve.parse(jwkCurve), (ECPublicKey) pair.getPublic()).build();
    EncryptionConfig config =
        EncryptionConfig.newBuilder()
            .setProvider("baton/jwk/v1")
            .setJwkPublicKeyConfig(
                EncryptionConfig.JWKPublicKeyConfig.newBuilder()
                    .setPubKey(ByteString.copyFromUtf8(jwk.toJSONString())))
            .build();
    byte[] secret = "correct horse battery staple".getBytes(StandardCharsets.UTF_8);

    EncryptedData data =
        new CredentialEncryptor()
            .encrypt(
                config,
                PlaintextData.newBuilder()
                    .setName("password")
                    .setBytes(ByteString.copyFrom(secret))
                    .build());

    assertThat(data.getProvider()).isEqualTo("baton/jwk/v1");
    assertThat(data.getKeyId()).isEqualTo(JwkThumbprint.hex(jwk)).hasSize(64);
    assertThat(data.getKeyIdsList()).containsExactly(data.getKeyId());
    String compact =
        new String(
            Base64.getDecoder().decode(data.getEncryptedBytes().toByteArray()),
            StandardCharsets.US_ASCII);
    assertThat(decryptByHand(compact, pair)).isEqualTo(secret);
  }

  @Test
  void curvesOtherThanTheNistOnesAreRefused() {
    // The secp256k1 generator point: a valid key on a curve Baton's JWK provider does not take.
    String x = b64url("79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798");
    String y = b64url("483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8");
    String jwk = "{\"kty\":\"EC\",\"crv\":\"secp256k1\",\"x\":\"" + x + "\",\"y\":\"" + y + "\"}";
    assertThatThrownBy(() -> PublicJwk.parse(jwk.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(EncryptionException.class)
        .hasMessageContaining("secp256k1")
        .hasMessageContaining("not supported");
  }

  private static String b64url(String hex) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(java.util.HexFormat.of().parseHex(hex));
  }

  /** RFC 7516 §5.2 decryption of an ECDH-ES (direct) + A256GCM compact JWE. */
  static byte[] decryptByHand(String compact, KeyPair recipient) throws Exception {
    String[] parts = compact.split("\\.", -1);
    assertThat(parts).hasSize(5);
    assertThat(parts[1]).as("ECDH-ES direct agreement has an empty encrypted key").isEmpty();
    Base64.Decoder url = Base64.getUrlDecoder();
    JsonNode header = JSON.readTree(url.decode(parts[0]));
    assertThat(header.path("alg").asText()).isEqualTo("ECDH-ES");
    assertThat(header.path("enc").asText()).isEqualTo("A256GCM");
    JsonNode epk = header.path("epk");
    assertThat(epk.path("kty").asText()).isEqualTo("EC");

    ECParameterSpec params = ((ECPublicKey) recipient.getPublic()).getParams();
    ECPoint point =
        new ECPoint(
            new BigInteger(1, url.decode(epk.path("x").asText())),
            new BigInteger(1, url.decode(epk.path("y").asText())));
    var ephemeral = KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, params));
    KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
    agreement.init(recipient.getPrivate());
    agreement.doPhase(ephemeral, true);
    byte[] z = agreement.generateSecret();

    // Concat KDF, SHA-256, one round: counter ‖ Z ‖ AlgorithmID ‖ PartyUInfo ‖ PartyVInfo ‖
    // SuppPubInfo(keydatalen).
    byte[] algorithmId = "A256GCM".getBytes(StandardCharsets.US_ASCII);
    byte[] apu = header.has("apu") ? url.decode(header.get("apu").asText()) : new byte[0];
    byte[] apv = header.has("apv") ? url.decode(header.get("apv").asText()) : new byte[0];
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    sha256.update(ByteBuffer.allocate(4).putInt(1).array());
    sha256.update(z);
    sha256.update(lengthPrefixed(algorithmId));
    sha256.update(lengthPrefixed(apu));
    sha256.update(lengthPrefixed(apv));
    sha256.update(ByteBuffer.allocate(4).putInt(256).array());
    byte[] cek = sha256.digest();

    Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
    gcm.init(
        Cipher.DECRYPT_MODE,
        new SecretKeySpec(cek, "AES"),
        new GCMParameterSpec(128, url.decode(parts[2])));
    gcm.updateAAD(parts[0].getBytes(StandardCharsets.US_ASCII));
    return gcm.doFinal(AgeKnownAnswerTest.concat(url.decode(parts[3]), url.decode(parts[4])));
  }

  private static byte[] lengthPrefixed(byte[] value) {
    return AgeKnownAnswerTest.concat(ByteBuffer.allocate(4).putInt(value.length).array(), value);
  }
}
