package org.batonjava.sdk.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.batonjava.sdk.crypto.AgeCliInteropTest.jwkConfig;

import c1.connector.v2.EncryptedData;
import c1.connector.v2.EncryptionConfig;
import c1.connector.v2.PlaintextData;
import com.google.protobuf.ByteString;
import com.nimbusds.jose.jwk.RSAKey;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * EncryptionConfig → EncryptedData: provider selection, output order and fields, one-shot configs,
 * and errors that name the provider or field but never the plaintext.
 */
class CredentialEncryptorTest {
  private static final String PLAINTEXT = "Sup3r-S3cret-Plaintext-7f2c";
  private static final String ED25519_JWK = JwkThumbprintTest.RFC8037_OKP_JWK;
  private static final String X25519_RECIPIENT =
      Bech32.encode("age", X25519.publicKey(FixedRandom.stream(7, 0, 32)));

  private final CredentialEncryptor encryptor = new CredentialEncryptor();

  @Test
  void onePerPlaintextAndConfigInPlaintextMajorOrder() {
    List<EncryptionConfig> configs =
        List.of(jwkConfig("baton/jwk/v1", ED25519_JWK), ageConfig(X25519_RECIPIENT));
    List<PlaintextData> plaintexts =
        List.of(plaintext("password", PLAINTEXT), plaintext("api-key", "k"));

    List<EncryptedData> out = encryptor.encrypt(configs, plaintexts);

    assertThat(out)
        .extracting(EncryptedData::getName)
        .containsExactly("password", "password", "api-key", "api-key");
    assertThat(out)
        .extracting(EncryptedData::getProvider)
        .containsExactly("baton/jwk/v1", "baton/age/v1", "baton/jwk/v1", "baton/age/v1");
    assertThat(out.get(0).getDescription()).isEqualTo("desc of password");
    assertThat(out.get(0).getSchema()).isEqualTo("schema of password");
  }

  @Test
  void jwkProviderNameIsTrimmedAndCaseInsensitiveAndIdsAreTheThumbprint() {
    EncryptedData data =
        encryptor.encrypt(
            jwkConfig("  Baton/JWK/V1 ", ED25519_JWK), plaintext("password", PLAINTEXT));
    assertThat(data.getProvider()).isEqualTo("baton/jwk/v1");
    assertThat(data.getKeyId())
        .isEqualTo("90facafea9b1556698540f70c0117a22ea37bd5cf3ed3c47093c1707282b4b89");
    assertThat(data.getKeyIdsList()).containsExactly(data.getKeyId());
    byte[] file = AgeCliInteropTest.decodeStandardBase64(data.getEncryptedBytes());
    assertThat(new String(file, StandardCharsets.ISO_8859_1))
        .startsWith("age-encryption.org/v1\n-> ssh-ed25519 ");
  }

  @Test
  void configPrincipalAndKeyIdPlayNoPart() {
    EncryptionConfig withExtras =
        jwkConfig("baton/jwk/v1", ED25519_JWK).toBuilder()
            .setKeyId("something-else")
            .setPrincipal(c1.connector.v2.Resource.newBuilder().setDisplayName("someone"))
            .build();
    EncryptedData data = encryptor.encrypt(withExtras, plaintext("password", PLAINTEXT));
    assertThat(data.getKeyId())
        .isEqualTo("90facafea9b1556698540f70c0117a22ea37bd5cf3ed3c47093c1707282b4b89");
  }

  @Test
  void oneShotConfigIsAFreshEd25519PublicJwk() {
    EncryptionConfig first = OneShotEncryptionConfig.generate();
    EncryptionConfig second = OneShotEncryptionConfig.generate();

    String json = first.getJwkPublicKeyConfig().getPubKey().toStringUtf8();
    assertThat(json).matches("\\{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"[A-Za-z0-9_-]{43}\"}");
    assertThat(first.getProvider()).isEqualTo("baton/jwk/v1");
    assertThat(first.hasPrincipal()).isFalse();
    assertThat(first.getKeyId())
        .isEqualTo(PublicJwk.parse(json.getBytes(StandardCharsets.UTF_8)).keyId());
    assertThat(second.getKeyId()).isNotEqualTo(first.getKeyId());
    EncryptedData data = encryptor.encrypt(first, plaintext("password", PLAINTEXT));
    assertThat(data.getKeyIdsList()).containsExactly(first.getKeyId());
    assertThat(
            new String(
                Base64.getDecoder().decode(data.getEncryptedBytes().toByteArray()),
                StandardCharsets.ISO_8859_1))
        .startsWith("age-encryption.org/v1\n-> ssh-ed25519 ");
  }

  @Test
  void errorsNameTheProviderOrFieldAndNeverThePlaintext() {
    List<Throwable> errors = new ArrayList<>();
    errors.add(
        failure(
            () -> encrypt(EncryptionConfig.newBuilder().setProvider("baton/nope/v9").build()),
            "unknown encryption provider \"baton/nope/v9\""));
    errors.add(failure(() -> encrypt(EncryptionConfig.getDefaultInstance()), "no provider"));
    errors.add(
        failure(
            () -> encrypt(jwkConfig("baton/jwk/v1/private", ED25519_JWK)), "baton/jwk/v1/private"));
    errors.add(
        failure(
            () ->
                encrypt(
                    ageConfig(X25519_RECIPIENT).toBuilder().setProvider("baton/jwk/v1").build()),
            "baton/jwk/v1 needs jwk_public_key_config"));
    errors.add(
        failure(
            () -> encrypt(jwkConfig("baton/age/v1", ED25519_JWK)),
            "baton/age/v1 needs age_recipient_config"));
    errors.add(
        failure(
            () -> encrypt(jwkConfig("baton/jwk/v1", "{not json")),
            "jwk_public_key_config.pub_key"));
    errors.add(
        failure(
            () -> encrypt(jwkConfig("baton/jwk/v1", "{\"kty\":\"oct\",\"k\":\"AAAA\"}")),
            "not supported"));
    errors.add(
        failure(
            () ->
                encrypt(
                    jwkConfig(
                        "baton/jwk/v1",
                        "{\"kty\":\"OKP\",\"crv\":\"X25519\",\"x\":\""
                            + Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32])
                            + "\"}")),
            "X25519"));
    errors.add(failure(() -> encrypt(jwkConfig("baton/jwk/v1", rsaJwk(1024))), "at least 2048"));
    errors.add(failure(() -> encrypt(ageConfig("")), "recipient is empty"));
    errors.add(failure(() -> encrypt(ageConfig(" " + X25519_RECIPIENT)), "without whitespace"));
    errors.add(
        failure(() -> encrypt(ageConfig("age1qqqqqqqqqq")), "age_recipient_config.recipient"));
    errors.add(
        failure(() -> encrypt(ageConfig(Bech32.encode("age1pq", new byte[32]))), "post-quantum"));
    errors.add(failure(() -> encrypt(ageConfig("ssh-ed25519")), "age_recipient_config.recipient"));
    for (Throwable error : errors) {
      assertThat(error).isInstanceOf(EncryptionException.class);
      for (Throwable t = error; t != null; t = t.getCause()) {
        assertThat(String.valueOf(t.getMessage())).doesNotContain(PLAINTEXT);
        assertThat(t.toString()).doesNotContain(PLAINTEXT);
      }
    }
  }

  private static Throwable failure(ThrowingCallable call, String messagePart) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).isNotNull().hasMessageContaining(messagePart);
    return thrown;
  }

  private void encrypt(EncryptionConfig config) {
    encryptor.encrypt(config, plaintext("password", PLAINTEXT));
  }

  private static String rsaJwk(int bits) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(bits);
      return new RSAKey.Builder((RSAPublicKey) generator.generateKeyPair().getPublic())
          .build()
          .toJSONString();
    } catch (java.security.GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  static EncryptionConfig ageConfig(String recipient) {
    return EncryptionConfig.newBuilder()
        .setProvider("baton/age/v1")
        .setAgeRecipientConfig(
            EncryptionConfig.AgeRecipientConfig.newBuilder().setRecipient(recipient))
        .build();
  }

  static PlaintextData plaintext(String name, String value) {
    return PlaintextData.newBuilder()
        .setName(name)
        .setDescription("desc of " + name)
        .setSchema("schema of " + name)
        .setBytes(ByteString.copyFromUtf8(value))
        .build();
  }
}
