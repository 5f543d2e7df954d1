package org.batonjava.c1sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fake's age encryption (what it sends as a password chosen in ConductorOne) opened by its
 * decryption, which is checked against the real {@code age} CLI in {@link AgeDecryptorTest}; the
 * SDK's own decryptor opens it in the service-mode provisioning tests.
 */
class AgeEncryptorTest {
  @Test
  void whatItEncryptsOpensWithTheKeyAndOnlyWithIt() {
    Ed25519Keys keys = Ed25519Keys.generate();
    AgeEncryptor encryptor = new AgeEncryptor();
    byte[] small = "S3cr3t-passw0rd!".getBytes(StandardCharsets.UTF_8);
    byte[] file = encryptor.encrypt(small, keys);
    assertThat(new String(file, 0, 22, StandardCharsets.US_ASCII))
        .isEqualTo("age-encryption.org/v1\n");
    assertThat(AgeDecryptor.decrypt(file, keys)).isEqualTo(small);

    byte[] multiChunk = new byte[150_000]; // three STREAM chunks
    new Random(7).nextBytes(multiChunk);
    assertThat(AgeDecryptor.decrypt(encryptor.encrypt(multiChunk, keys), keys))
        .isEqualTo(multiChunk);
    assertThat(AgeDecryptor.decrypt(encryptor.encrypt(new byte[0], keys), keys)).isEmpty();

    assertThat(encryptor.encrypt(small, keys)).isNotEqualTo(file);
    assertThatThrownBy(() -> AgeDecryptor.decrypt(file, Ed25519Keys.generate()))
        .hasMessageContaining("no ssh-ed25519 stanza for this key");
  }
}
