package org.batonjava.c1sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The fake's age decryption checked against the real {@code age} CLI (built in this module's test
 * phase): what {@code age -r "ssh-ed25519 …"} encrypts, {@link AgeDecryptor} opens with the private
 * key, and only with it.
 */
class AgeDecryptorTest {
  @Test
  void decryptsWhatTheAgeCliEncryptsToAnSshEd25519Key() throws Exception {
    EncryptionKeys keys = new EncryptionKeys();
    byte[] small = "S3cr3t-passw0rd!".getBytes(StandardCharsets.UTF_8);
    assertThat(AgeDecryptor.decrypt(ageEncrypt(keys.sshPublicKey(), small), keysOf(keys)))
        .isEqualTo(small);

    byte[] multiChunk = new byte[150_000]; // three STREAM chunks
    new java.util.Random(7).nextBytes(multiChunk);
    assertThat(AgeDecryptor.decrypt(ageEncrypt(keys.sshPublicKey(), multiChunk), keysOf(keys)))
        .isEqualTo(multiChunk);

    EncryptionKeys other = new EncryptionKeys();
    byte[] forOther = ageEncrypt(other.sshPublicKey(), small);
    assertThatThrownBy(() -> AgeDecryptor.decrypt(forOther, keysOf(keys)))
        .hasMessageContaining("no ssh-ed25519 stanza for this key");
  }

  private static Ed25519Keys keysOf(EncryptionKeys keys) {
    return keys.keys();
  }

  private static byte[] ageEncrypt(String recipient, byte[] plaintext) throws Exception {
    String cli = System.getProperty("age.cli", "");
    if (cli.isEmpty() || !Files.isExecutable(Path.of(cli))) {
      throw new AssertionError("the age CLI (" + cli + ") is missing: run tools/age-cli/build.sh");
    }
    Process process = new ProcessBuilder(cli, "-r", recipient).start();
    process.getOutputStream().write(plaintext);
    process.getOutputStream().close();
    byte[] out = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue())
        .as(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
        .isZero();
    return out;
  }
}
