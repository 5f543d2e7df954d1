package org.batonjava.sdk.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import c1.connector.v2.EncryptedData;
import c1.connector.v2.EncryptionConfig;
import c1.connector.v2.PlaintextData;
import com.google.protobuf.ByteString;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the connector emits, decrypted by the real {@code age} CLI with keys made by {@code
 * age-keygen} and {@code ssh-keygen}. The ssh public keys are turned into JWKs here in the test
 * (wire format parsed by hand), and their key ids are computed here from the RFC 7638 canonical
 * JSON, so neither depends on the code under test.
 */
class AgeCliInteropTest {
  private static final byte[] PASSWORD =
      "p4ss-w0rd!\"#'`{|}~ ünïcødé".getBytes(StandardCharsets.UTF_8);

  @TempDir Path dir;

  private final AgeCli age = AgeCli.fromBuild();
  private final CredentialEncryptor encryptor = new CredentialEncryptor();

  @Test
  void ageProviderWithAnX25519RecipientFromAgeKeygen() throws Exception {
    Path identity = dir.resolve("key.txt");
    String recipient = age.keygen(identity);
    EncryptionConfig config =
        EncryptionConfig.newBuilder()
            .setProvider("BATON/AGE/V1 ")
            .setAgeRecipientConfig(
                EncryptionConfig.AgeRecipientConfig.newBuilder().setRecipient(recipient))
            .build();

    EncryptedData data = encryptor.encrypt(config, plaintext(PASSWORD));

    assertThat(data.getProvider()).isEqualTo("baton/age/v1");
    assertThat(data.getKeyId()).isEmpty();
    assertThat(data.getKeyIdsList())
        .containsExactly(sha256Hex(recipient.getBytes(StandardCharsets.US_ASCII)));
    assertThat(data.getName()).isEqualTo("password");
    assertThat(data.getDescription()).isEqualTo("the new account's password");
    assertThat(data.getSchema()).isEqualTo("text/plain");
    byte[] file = data.getEncryptedBytes().toByteArray();
    assertThat(new String(file, 0, 22, StandardCharsets.US_ASCII))
        .as("raw binary age, not base64")
        .isEqualTo("age-encryption.org/v1\n");
    assertThat(age.decrypt(identity, write("x25519.age", file))).isEqualTo(PASSWORD);
  }

  @Test
  void emptyProviderWithAnAgeRecipientMeansAge() throws Exception {
    Path identity = dir.resolve("key.txt");
    String recipient = age.keygen(identity);
    EncryptionConfig config =
        EncryptionConfig.newBuilder()
            .setAgeRecipientConfig(
                EncryptionConfig.AgeRecipientConfig.newBuilder().setRecipient(recipient))
            .build();
    EncryptedData data = encryptor.encrypt(config, plaintext(PASSWORD));
    assertThat(data.getProvider()).isEqualTo("baton/age/v1");
    assertThat(age.decrypt(identity, write("x25519.age", data.getEncryptedBytes().toByteArray())))
        .isEqualTo(PASSWORD);
  }

  @Test
  void payloadsAroundTheChunkBoundaryDecrypt() throws Exception {
    Path identity = dir.resolve("key.txt");
    X25519Recipient recipient = X25519Recipient.parse(age.keygen(identity));
    AgeEncryptor ageEncryptor = new AgeEncryptor();
    for (int size : new int[] {0, 1, 65535, 65536, 65537, 3 * 65536 + 100}) {
      byte[] plaintext = new byte[size];
      new java.util.Random(size).nextBytes(plaintext);
      Path file = write("size-" + size + ".age", ageEncryptor.encrypt(plaintext, recipient));
      assertThat(age.decrypt(identity, file)).as("size %d", size).isEqualTo(plaintext);
    }
  }

  @Test
  void jwkProviderWithAnEd25519KeyFromSshKeygen() throws Exception {
    Path key = dir.resolve("id_ed25519");
    String publicLine = AgeCli.sshKeygen(key, "ed25519", 0);
    byte[] wire = Base64.getDecoder().decode(publicLine.split(" ", -1)[1]);
    String x =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(Arrays.copyOfRange(wire, wire.length - 32, wire.length));
    String jwk = "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + x + "\"}";
    String expectedKeyId =
        sha256Hex(
            ("{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\"" + x + "\"}")
                .getBytes(StandardCharsets.UTF_8));

    EncryptedData data = encryptor.encrypt(jwkConfig("baton/jwk/v1", jwk), plaintext(PASSWORD));

    assertThat(data.getProvider()).isEqualTo("baton/jwk/v1");
    assertThat(data.getKeyId()).isEqualTo(expectedKeyId);
    assertThat(data.getKeyIdsList()).containsExactly(expectedKeyId);
    byte[] file = decodeStandardBase64(data.getEncryptedBytes());
    assertThat(AgeKnownAnswerTest.headerOf(file))
        .contains("\n-> ssh-ed25519 " + sshTag(wire) + " ");
    assertThat(age.decrypt(key, write("ed25519.age", file))).isEqualTo(PASSWORD);
  }

  @Test
  void jwkProviderWithA3072BitRsaKeyFromSshKeygen() throws Exception {
    Path key = dir.resolve("id_rsa");
    String publicLine = AgeCli.sshKeygen(key, "rsa", 3072);
    byte[] wire = Base64.getDecoder().decode(publicLine.split(" ", -1)[1]);
    ByteBuffer in = ByteBuffer.wrap(wire);
    assertThat(new String(sshString(in), StandardCharsets.US_ASCII)).isEqualTo("ssh-rsa");
    String e = unsignedBase64Url(sshString(in));
    String n = unsignedBase64Url(sshString(in));
    String jwk = "{\"kty\":\"RSA\",\"n\":\"" + n + "\",\"e\":\"" + e + "\"}";
    String expectedKeyId =
        sha256Hex(
            ("{\"e\":\"" + e + "\",\"kty\":\"RSA\",\"n\":\"" + n + "\"}")
                .getBytes(StandardCharsets.UTF_8));

    // Empty provider + JWK config selects the JWK provider.
    EncryptedData data = encryptor.encrypt(jwkConfig("", jwk), plaintext(PASSWORD));

    assertThat(data.getProvider()).isEqualTo("baton/jwk/v1");
    assertThat(data.getKeyIdsList()).containsExactly(expectedKeyId);
    byte[] file = decodeStandardBase64(data.getEncryptedBytes());
    // A 384-byte OAEP body is 512 base64 characters: eight full lines, then the mandatory empty
    // last line.
    String header = AgeKnownAnswerTest.headerOf(file);
    List<String> lines = header.lines().toList();
    assertThat(lines.get(1)).isEqualTo("-> ssh-rsa " + sshTag(wire));
    assertThat(lines.subList(2, 10)).allSatisfy(line -> assertThat(line).hasSize(64));
    assertThat(lines.get(10)).isEmpty();
    assertThat(lines.get(11)).startsWith("--- ");
    assertThat(age.decrypt(key, write("rsa.age", file))).isEqualTo(PASSWORD);
  }

  @Test
  void recipientParserAcceptsSshPublicKeyFilesAndLines() throws Exception {
    Path rsaKey = dir.resolve("id_rsa2048");
    AgeCli.sshKeygen(rsaKey, "rsa", 2048);
    Path edKey = dir.resolve("id_ed25519");
    String edLine = AgeCli.sshKeygen(edKey, "ed25519", 0);

    EncryptionConfig fromFile = RecipientParser.parse(rsaKey + ".pub");
    EncryptionConfig fromLine = RecipientParser.parse(edLine);

    assertThat(fromFile.getProvider()).isEqualTo("baton/jwk/v1");
    assertThat(fromLine.getProvider()).isEqualTo("baton/jwk/v1");
    assertThat(
            age.decrypt(
                rsaKey,
                write(
                    "rsa2048.age",
                    decodeStandardBase64(
                        encryptor.encrypt(fromFile, plaintext(PASSWORD)).getEncryptedBytes()))))
        .isEqualTo(PASSWORD);
    assertThat(
            age.decrypt(
                edKey,
                write(
                    "ed.age",
                    decodeStandardBase64(
                        encryptor.encrypt(fromLine, plaintext(PASSWORD)).getEncryptedBytes()))))
        .isEqualTo(PASSWORD);
  }

  @Test
  void rsaKeysUnder2048BitsAreRefused() throws Exception {
    Path key = dir.resolve("id_rsa1024");
    String line = AgeCli.sshKeygen(key, "rsa", 1024);
    assertThatThrownBy(() -> RecipientParser.parse(line))
        .isInstanceOf(EncryptionException.class)
        .hasMessageContaining("1024 bits")
        .hasMessageContaining("2048");
  }

  @Test
  void oneFileForSeveralRecipientsDecryptsWithEachIdentity() throws Exception {
    Path x25519Identity = dir.resolve("key.txt");
    String x25519 = age.keygen(x25519Identity);
    Path edKey = dir.resolve("id_ed25519");
    String edLine = AgeCli.sshKeygen(edKey, "ed25519", 0);
    Path rsaKey = dir.resolve("id_rsa");
    String rsaLine = AgeCli.sshKeygen(rsaKey, "rsa", 2048);
    List<AgeRecipient> recipients = new ArrayList<>();
    recipients.add(X25519Recipient.parse(x25519));
    recipients.add(SshEd25519Recipient.of(SshPublicKey.parseLine(edLine)));
    recipients.add(SshRsaRecipient.of(SshPublicKey.parseLine(rsaLine)));

    Path file = write("multi.age", new AgeEncryptor().encrypt(PASSWORD, recipients));

    assertThat(age.decrypt(x25519Identity, file)).isEqualTo(PASSWORD);
    assertThat(age.decrypt(edKey, file)).isEqualTo(PASSWORD);
    assertThat(age.decrypt(rsaKey, file)).isEqualTo(PASSWORD);
  }

  @Test
  void anotherIdentityCannotDecrypt() throws Exception {
    String recipient = age.keygen(dir.resolve("right.txt"));
    Path wrong = dir.resolve("wrong.txt");
    age.keygen(wrong);
    Path file =
        write("x.age", new AgeEncryptor().encrypt(PASSWORD, X25519Recipient.parse(recipient)));
    assertThat(age.decryptAllowingFailure(wrong, file).exitCode()).isNotZero();
  }

  @Test
  void aTamperedHeaderFailsTheMac() throws Exception {
    Path identity = dir.resolve("key.txt");
    String recipient = age.keygen(identity);
    byte[] file =
        new AgeEncryptor()
            .encrypt(
                PASSWORD,
                List.of(
                    X25519Recipient.parse(recipient),
                    X25519Recipient.parse(age.keygen(dir.resolve("other.txt")))));
    // Flip one character of the second stanza's argument: the header MAC no longer matches.
    String header = AgeKnownAnswerTest.headerOf(file);
    int second =
        header.indexOf("-> X25519 ", header.indexOf("-> X25519 ") + 1) + "-> X25519 ".length();
    file[second] = (byte) (file[second] == 'A' ? 'B' : 'A');
    AgeCli.Result result = age.decryptAllowingFailure(identity, write("tampered.age", file));
    assertThat(result.exitCode()).isNotZero();
    assertThat(result.stderr()).containsIgnoringCase("mac");
  }

  private Path write(String name, byte[] bytes) throws Exception {
    return Files.write(dir.resolve(name), bytes);
  }

  static PlaintextData plaintext(byte[] bytes) {
    return PlaintextData.newBuilder()
        .setName("password")
        .setDescription("the new account's password")
        .setSchema("text/plain")
        .setBytes(ByteString.copyFrom(bytes))
        .build();
  }

  static EncryptionConfig jwkConfig(String provider, String jwkJson) {
    return EncryptionConfig.newBuilder()
        .setProvider(provider)
        .setJwkPublicKeyConfig(
            EncryptionConfig.JWKPublicKeyConfig.newBuilder()
                .setPubKey(ByteString.copyFromUtf8(jwkJson)))
        .build();
  }

  /**
   * encrypted_bytes must be ASCII standard base64 with padding; the strict decoder refuses anything
   * else.
   */
  static byte[] decodeStandardBase64(ByteString encryptedBytes) {
    String text = encryptedBytes.toString(StandardCharsets.US_ASCII);
    assertThat(text).matches("[A-Za-z0-9+/]*={0,2}").hasSize(text.length() / 4 * 4);
    return Base64.getDecoder().decode(text);
  }

  private static String sshTag(byte[] wire) throws Exception {
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(wire);
    return Base64.getEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 4));
  }

  private static byte[] sshString(ByteBuffer in) {
    byte[] value = new byte[in.getInt()];
    in.get(value);
    return value;
  }

  private static String unsignedBase64Url(byte[] mpint) {
    byte[] magnitude = new BigInteger(mpint).toByteArray();
    if (magnitude.length > 1 && magnitude[0] == 0) {
      magnitude = Arrays.copyOfRange(magnitude, 1, magnitude.length);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(magnitude);
  }

  static String sha256Hex(byte[] data) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
  }
}
