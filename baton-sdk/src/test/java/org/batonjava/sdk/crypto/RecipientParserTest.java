package org.batonjava.sdk.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import c1.connector.v2.EncryptionConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Operator-supplied recipients (strings or files) become encryption configs; secrets handed in by
 * mistake are refused.
 */
class RecipientParserTest {
  private static final byte[] IDENTITY = FixedRandom.stream(3, 0, 32);
  private static final String RECIPIENT = Bech32.encode("age", X25519.publicKey(IDENTITY));
  private static final String PRIVATE_D = "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A";

  @TempDir Path dir;

  @Test
  void ageRecipientBecomesAnAgeConfig() {
    EncryptionConfig config = RecipientParser.parse("  " + RECIPIENT + "\n");
    assertThat(config.getProvider()).isEqualTo("baton/age/v1");
    assertThat(config.getAgeRecipientConfig().getRecipient()).isEqualTo(RECIPIENT);
    assertThat(config.hasJwkPublicKeyConfig()).isFalse();
  }

  @Test
  void publicJwkBecomesAJwkConfigWithItsKeyId() {
    EncryptionConfig config = RecipientParser.parse(JwkThumbprintTest.RFC8037_OKP_JWK);
    assertThat(config.getProvider()).isEqualTo("baton/jwk/v1");
    assertThat(config.getKeyId())
        .isEqualTo("90facafea9b1556698540f70c0117a22ea37bd5cf3ed3c47093c1707282b4b89");
    assertThat(config.getJwkPublicKeyConfig().getPubKey().toStringUtf8())
        .isEqualTo(
            "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}");
  }

  @Test
  void sshEd25519LineBecomesTheSameKeyAsAJwk() {
    byte[] seed = FixedRandom.stream(9, 0, 32);
    String line = SshPublicKey.ed25519(Ed25519TestKeys.publicKey(seed)) + " someone@host";
    EncryptionConfig config = RecipientParser.parse(line);
    assertThat(config.getKeyId())
        .isEqualTo(PublicJwk.ed25519(Ed25519TestKeys.publicKey(seed)).keyId());
  }

  @Test
  void filesAreReadWithCommentsAndBlankLinesIgnored() throws Exception {
    Path file =
        Files.writeString(dir.resolve("recipients.txt"), "# the vault\n\n" + RECIPIENT + "\n");
    assertThat(RecipientParser.parse(file.toString()).getAgeRecipientConfig().getRecipient())
        .isEqualTo(RECIPIENT);
    Path jwk = Files.writeString(dir.resolve("key.jwk"), JwkThumbprintTest.RFC8037_OKP_JWK + "\n");
    assertThat(RecipientParser.parse(jwk.toString()).getProvider()).isEqualTo("baton/jwk/v1");
  }

  @Test
  void aFileMustHoldExactlyOneRecipient() throws Exception {
    Path two = Files.writeString(dir.resolve("two.txt"), RECIPIENT + "\n" + RECIPIENT + "\n");
    assertThatThrownBy(() -> RecipientParser.parse(two.toString()))
        .isInstanceOf(EncryptionException.class)
        .hasMessageContaining("exactly one recipient, found 2");
  }

  @Test
  void privateKeysAreRefusedWithoutEchoingThem() throws Exception {
    String privateJwk =
        "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"d\":\""
            + PRIVATE_D
            + "\",\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}";
    assertThatThrownBy(() -> RecipientParser.parse(privateJwk))
        .isInstanceOf(EncryptionException.class)
        .hasMessageContaining("private JWK")
        .message()
        .doesNotContain(PRIVATE_D);

    String identity = Bech32.encode("age-secret-key-", IDENTITY).toUpperCase(Locale.ROOT);
    assertThatThrownBy(() -> RecipientParser.parse(identity))
        .isInstanceOf(EncryptionException.class)
        .hasMessageContaining("private key")
        .message()
        .doesNotContain(identity);

    String openSsh = Ed25519TestKeys.openSshPrivateKey(FixedRandom.stream(5, 0, 32));
    Path keyFile = Files.writeString(dir.resolve("id_ed25519"), openSsh);
    assertThatThrownBy(() -> RecipientParser.parse(keyFile.toString()))
        .isInstanceOf(EncryptionException.class)
        .hasMessageContaining("private key")
        .hasMessageContaining(".pub")
        .message()
        .doesNotContain(openSsh.lines().skip(1).findFirst().orElseThrow());
  }

  @Test
  void unrecognisedInputIsAClearError() {
    assertThatThrownBy(() -> RecipientParser.parse("")).hasMessageContaining("empty");
    assertThatThrownBy(() -> RecipientParser.parse(dir.resolve("missing.pub").toString()))
        .isInstanceOf(EncryptionException.class)
        .hasMessageContaining("existing file");
    assertThatThrownBy(() -> RecipientParser.parse("age1notbech32"))
        .isInstanceOf(EncryptionException.class)
        .hasMessageContaining("age1");
    assertThatThrownBy(() -> RecipientParser.parse("{\"kty\":"))
        .isInstanceOf(EncryptionException.class)
        .hasMessageContaining("not a valid JWK");
    assertThatThrownBy(() -> RecipientParser.parse("ssh-ed25519 !!!"))
        .isInstanceOf(EncryptionException.class)
        .hasMessageContaining("base64");
  }
}
