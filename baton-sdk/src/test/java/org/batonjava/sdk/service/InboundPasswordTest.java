package org.batonjava.sdk.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import c1.connector.v2.CredentialOptions;
import c1.connector.v2.EncryptedData;
import c1.connector.v2.EncryptionConfig;
import c1.connector.v2.PlaintextData;
import com.google.protobuf.ByteString;
import io.grpc.Status;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.batonjava.sdk.connector.ConnectorException;
import org.batonjava.sdk.crypto.CredentialEncryptor;
import org.batonjava.sdk.crypto.Ed25519TestKeys;
import org.batonjava.sdk.crypto.Secret;
import org.junit.jupiter.api.Test;

/**
 * Opening a password chosen in ConductorOne with the client secret, and every way such a task can
 * be wrong.
 */
class InboundPasswordTest {
  private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

  private final byte[] seed = filled(3);
  private final byte[] publicKey = Ed25519TestKeys.publicKey(seed);
  private final ClientSecretKey key =
      ClientSecretKey.parse(
          Secret.of(
              "secret-token:conductorone.com:v1:"
                  + B64URL.encodeToString(
                      ("{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\""
                              + B64URL.encodeToString(publicKey)
                              + "\",\"d\":\""
                              + B64URL.encodeToString(seed)
                              + "\"}")
                          .getBytes(StandardCharsets.UTF_8))));

  @Test
  void theEntryForOurKeyIsOpenedWhateverItsPosition() {
    EncryptedData other = encrypt("not for us", Ed25519TestKeys.publicKey(filled(4)));
    EncryptedData ours = encrypt("pässwörd \"42\"", publicKey);
    assertThat(open(other, ours).reveal()).isEqualTo("pässwörd \"42\"");
    EncryptedData byDeprecatedKeyId = ours.toBuilder().clearKeyIds().build();
    assertThat(open(other, byDeprecatedKeyId).reveal())
        .as("key_id alone still matches")
        .isEqualTo("pässwörd \"42\"");
  }

  @Test
  void wrongTasksAreInvalidArgumentsThatNameTheProblemButNotThePassword() {
    EncryptedData ours = encrypt("secret-value-1", publicKey);
    assertInvalid(() -> InboundPassword.open(options(ours), 1, key), "only one may be used");
    assertInvalid(
        () -> open(encrypt("secret-value-1", Ed25519TestKeys.publicKey(filled(4)))),
        "none of the 1 encrypted password(s) is for this connector's client secret (key id "
            + key.thumbprintHex());
    assertInvalid(
        () -> open(ours.toBuilder().setProvider("baton/age/v1").build()),
        "uses provider \"baton/age/v1\"");
    assertInvalid(
        () -> open(ours.toBuilder().setEncryptedBytes(ByteString.copyFromUtf8("%%%")).build()),
        "is not base64 text");
    byte[] damaged = ours.getEncryptedBytes().toByteArray();
    int middle =
        damaged.length / 2; // another base64 letter: still base64, no longer the same age file
    damaged[middle] = (byte) (damaged[middle] == 'A' ? 'B' : 'A');
    assertInvalid(
        () -> open(ours.toBuilder().setEncryptedBytes(ByteString.copyFrom(damaged)).build()),
        "could not be opened with the client secret");
    assertInvalid(
        () -> open(encrypt(new byte[] {(byte) 0xff, (byte) 0xfe}, publicKey)), "is not UTF-8 text");
    assertInvalid(() -> open(encrypt(new byte[0], publicKey)), "is empty");
  }

  private static void assertInvalid(Runnable call, String message) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            ConnectorException.class,
            e -> assertThat(e.code()).isEqualTo(Status.Code.INVALID_ARGUMENT))
        .hasMessageContaining(message)
        .message()
        .doesNotContain("secret-value-1");
  }

  private Secret open(EncryptedData... entries) {
    return InboundPassword.open(options(entries), 0, key);
  }

  private static CredentialOptions.EncryptedPassword options(EncryptedData... entries) {
    return CredentialOptions.EncryptedPassword.newBuilder()
        .addAllEncryptedPasswords(Arrays.asList(entries))
        .build();
  }

  private static EncryptedData encrypt(String password, byte[] recipient) {
    return encrypt(password.getBytes(StandardCharsets.UTF_8), recipient);
  }

  private static EncryptedData encrypt(byte[] password, byte[] recipient) {
    String jwk =
        "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + B64URL.encodeToString(recipient) + "\"}";
    EncryptionConfig config =
        EncryptionConfig.newBuilder()
            .setProvider("baton/jwk/v1")
            .setJwkPublicKeyConfig(
                EncryptionConfig.JWKPublicKeyConfig.newBuilder()
                    .setPubKey(ByteString.copyFromUtf8(jwk)))
            .build();
    return new CredentialEncryptor()
        .encrypt(
            config,
            PlaintextData.newBuilder()
                .setName("password")
                .setBytes(ByteString.copyFrom(password))
                .build());
  }

  private static byte[] filled(int n) {
    byte[] out = new byte[32];
    Arrays.fill(out, (byte) n);
    return out;
  }
}
