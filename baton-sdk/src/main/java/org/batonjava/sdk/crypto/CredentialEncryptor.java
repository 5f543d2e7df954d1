package org.batonjava.sdk.crypto;

import c1.connector.v2.EncryptedData;
import c1.connector.v2.EncryptionConfig;
import c1.connector.v2.PlaintextData;
import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Turns generated credentials into what leaves the connector: one {@link EncryptedData} per
 * (plaintext, config), exactly as Baton's providers encode them.
 *
 * <ul>
 *   <li>{@code baton/jwk/v1} (case-insensitive, trimmed; also an empty provider with a JWK config):
 *       {@code encrypted_bytes} = ASCII of standard padded base64 of the age file (Ed25519, RSA
 *       keys) or of the JWE compact string (EC keys); {@code key_id} and {@code key_ids} = [hex
 *       SHA-256 RFC 7638 thumbprint].
 *   <li>{@code baton/age/v1} (also an empty provider with an age recipient config): the raw binary
 *       age file to the {@code age1…} recipient; {@code key_id} empty; {@code key_ids} = [hex
 *       SHA-256 of the recipient string].
 * </ul>
 *
 * <p>{@code name}, {@code description} and {@code schema} are copied from the plaintext. Errors
 * name the provider or config field at fault, never the plaintext. The config's {@code principal}
 * and {@code key_id} play no part.
 */
public final class CredentialEncryptor {
  public static final String PROVIDER_JWK = "baton/jwk/v1";
  public static final String PROVIDER_JWK_PRIVATE = "baton/jwk/v1/private";
  public static final String PROVIDER_AGE = "baton/age/v1";

  private final AgeEncryptor age;
  private final JweEncryptor jwe;

  public CredentialEncryptor() {
    this(new SecureRandom());
  }

  public CredentialEncryptor(SecureRandom random) {
    this.age = new AgeEncryptor(random);
    this.jwe = new JweEncryptor(random);
  }

  /**
   * Encrypts every plaintext for every config: for each plaintext in order, one result per config
   * in order. Any failure fails the whole call (the Go SDK fails the task).
   */
  public List<EncryptedData> encrypt(
      List<EncryptionConfig> configs, List<PlaintextData> plaintexts) {
    List<EncryptedData> out = new ArrayList<>(configs.size() * plaintexts.size());
    for (PlaintextData plaintext : plaintexts) {
      for (EncryptionConfig config : configs) {
        out.add(encrypt(config, plaintext));
      }
    }
    return out;
  }

  /** Encrypts one plaintext for one config. */
  public EncryptedData encrypt(EncryptionConfig config, PlaintextData plaintext) {
    EncryptedData.Builder result =
        EncryptedData.newBuilder()
            .setName(plaintext.getName())
            .setDescription(plaintext.getDescription())
            .setSchema(plaintext.getSchema());
    String provider = providerFor(config);
    if (provider.equals(PROVIDER_JWK)) {
      if (!config.hasJwkPublicKeyConfig()) {
        throw new EncryptionException("provider " + PROVIDER_JWK + " needs jwk_public_key_config");
      }
      PublicJwk jwk;
      try {
        jwk = PublicJwk.parse(config.getJwkPublicKeyConfig().getPubKey().toByteArray());
      } catch (EncryptionException e) {
        throw new EncryptionException(
            "provider " + PROVIDER_JWK + ": jwk_public_key_config.pub_key: " + e.getMessage(), e);
      }
      byte[] ciphertext = sealWiping(plaintext, bytes -> jwk.encrypt(bytes, age, jwe));
      String keyId = jwk.keyId();
      return result
          .setProvider(PROVIDER_JWK)
          .setKeyId(keyId)
          .addKeyIds(keyId)
          .setEncryptedBytes(ByteString.copyFrom(Base64.getEncoder().encode(ciphertext)))
          .build();
    }
    if (provider.equals(PROVIDER_AGE)) {
      String recipient = ageRecipient(config);
      X25519Recipient x25519;
      try {
        x25519 = X25519Recipient.parse(recipient);
      } catch (EncryptionException e) {
        throw new EncryptionException(
            "provider " + PROVIDER_AGE + ": age_recipient_config.recipient: " + e.getMessage(), e);
      }
      byte[] ciphertext = sealWiping(plaintext, bytes -> age.encrypt(bytes, x25519));
      return result
          .setProvider(PROVIDER_AGE)
          .addKeyIds(sha256Hex(recipient))
          .setEncryptedBytes(ByteString.copyFrom(ciphertext))
          .build();
    }
    if (provider.equals(PROVIDER_JWK_PRIVATE)) {
      throw new EncryptionException(
          "provider " + PROVIDER_JWK_PRIVATE + " only decrypts; it cannot encrypt");
    }
    throw new EncryptionException(
        "unknown encryption provider \""
            + config.getProvider()
            + "\" (known: "
            + PROVIDER_JWK
            + ", "
            + PROVIDER_AGE
            + ")");
  }

  /**
   * The provider a config selects: its normalized name, or inferred from the config kind when
   * empty.
   */
  static String providerFor(EncryptionConfig config) {
    String name = config.getProvider().trim().toLowerCase(Locale.ROOT);
    if (!name.isEmpty()) {
      return name;
    }
    if (config.hasAgeRecipientConfig()) {
      return PROVIDER_AGE;
    }
    if (config.hasJwkPublicKeyConfig()) {
      return PROVIDER_JWK;
    }
    throw new EncryptionException(
        "encryption config has no provider and neither jwk_public_key_config nor "
            + "age_recipient_config");
  }

  private static String ageRecipient(EncryptionConfig config) {
    if (!config.hasAgeRecipientConfig()) {
      throw new EncryptionException("provider " + PROVIDER_AGE + " needs age_recipient_config");
    }
    String recipient = config.getAgeRecipientConfig().getRecipient();
    if (recipient.isEmpty()) {
      throw new EncryptionException(
          "provider " + PROVIDER_AGE + ": age_recipient_config.recipient is empty");
    }
    if (!recipient.strip().equals(recipient)
        || recipient.chars().anyMatch(Character::isWhitespace)) {
      throw new EncryptionException(
          "provider "
              + PROVIDER_AGE
              + ": age_recipient_config.recipient must be a single recipient string without whitespace");
    }
    return recipient;
  }

  /** Runs {@code seal} on a copy of the plaintext bytes and overwrites that copy afterwards. */
  private static byte[] sealWiping(PlaintextData plaintext, UnaryOperator<byte[]> seal) {
    byte[] bytes = plaintext.getBytes().toByteArray();
    try {
      return seal.apply(bytes);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  private static String sha256Hex(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JDK", e);
    }
  }
}
