package org.batonjava.c1sim;

import c1.connector.v2.EncryptedData;
import c1.connector.v2.EncryptionConfig;
import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The key pair ConductorOne would put into a create-account task's {@code encryption_configs}: an
 * Ed25519 {@code baton/jwk/v1} config (public JWK, key id = hex thumbprint), and the private half
 * to read what comes back.
 */
public final class EncryptionKeys {
  public static final String PROVIDER = "baton/jwk/v1";

  private final Ed25519Keys keys = Ed25519Keys.generate();

  /**
   * The config to send: provider {@code baton/jwk/v1}, key id, {@code
   * jwk_public_key_config.pub_key}.
   */
  public EncryptionConfig jwkConfig() {
    return EncryptionConfig.newBuilder()
        .setProvider(PROVIDER)
        .setKeyId(keys.thumbprintHex())
        .setJwkPublicKeyConfig(
            EncryptionConfig.JWKPublicKeyConfig.newBuilder()
                .setPubKey(ByteString.copyFrom(keys.publicJwk(), StandardCharsets.UTF_8)))
        .build();
  }

  /** The key pair itself (package tests). */
  Ed25519Keys keys() {
    return keys;
  }

  /** Lowercase hex SHA-256 JWK thumbprint. */
  public String keyId() {
    return keys.thumbprintHex();
  }

  /** The Ed25519 public key (raw 32 bytes). */
  public byte[] publicKey() {
    return keys.publicKey().clone();
  }

  /**
   * Decrypts {@code data} made for {@link #jwkConfig()}: checks provider and key id, base64-decodes
   * {@code encrypted_bytes} and age-decrypts them.
   */
  public String decrypt(EncryptedData data) {
    if (!data.getProvider().equals(PROVIDER)) {
      throw new IllegalArgumentException("provider is " + data.getProvider() + ", not " + PROVIDER);
    }
    if (!data.getKeyIdsList().contains(keyId())) {
      throw new IllegalArgumentException(
          "key_ids " + data.getKeyIdsList() + " do not name " + keyId());
    }
    byte[] age = Base64.getDecoder().decode(data.getEncryptedBytes().toByteArray());
    return new String(AgeDecryptor.decrypt(age, keys), StandardCharsets.UTF_8);
  }

  /**
   * The key as an OpenSSH public key line ({@code ssh-ed25519 AAAA…}), e.g. for the {@code age -r}
   * CLI.
   */
  public String sshPublicKey() {
    return "ssh-ed25519 "
        + Base64.getEncoder().encodeToString(AgeDecryptor.sshWireKey(keys.publicKey()));
  }
}
