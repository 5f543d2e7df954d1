package org.batonjava.sdk.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.batonjava.sdk.crypto.PrimitivesTest.ascii;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fixed-key known answers for the age encryptor. With the randomness pinned ({@link FixedRandom}:
 * the file key, then the recipient's ephemeral scalar, then the payload nonce, in that order) the
 * output is fully determined. Each test pins it three ways:
 *
 * <ol>
 *   <li>it rebuilds the expected file step by step from the age v1 spec here in the test, with JDK
 *       primitives directly (KeyAgreement XDH, Cipher ChaCha20-Poly1305, Mac HmacSHA256; HKDF from
 *       {@link Hkdf}, itself pinned by RFC 5869's vectors), including the recipient point taken
 *       from the <em>secret</em> side, so that the stanza layout, labels, salts, argument order,
 *       MAC coverage and chunk nonces are checked against the spec and not against the code under
 *       test;
 *   <li>it compares the header text with a literal and the whole file with a SHA-256 literal, so
 *       any change to the byte output is seen even if both the code and the derivation moved
 *       together;
 *   <li>it lets the real {@code age} CLI decrypt that exact file with the matching identity.
 * </ol>
 */
class AgeKnownAnswerTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final byte[] PLAINTEXT = ascii("known answer\n");

  /** X25519 identity scalar 0x01, 0x02, …, 0x20. */
  private static final byte[] X25519_IDENTITY = FixedRandom.stream(1, 0, 32);

  /** Ed25519 seed of RFC 8032 test 1. */
  private static final byte[] ED25519_SEED =
      HEX.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");

  @TempDir Path dir;

  @Test
  void x25519RecipientFileIsByteExact() throws Exception {
    byte[] recipientKey = X25519.publicKey(X25519_IDENTITY);
    byte[] file =
        new AgeEncryptor(new FixedRandom(0x80))
            .encrypt(PLAINTEXT, X25519Recipient.of(recipientKey));

    byte[] fileKey = FixedRandom.stream(0x80, 0, 16);
    byte[] ephemeral = FixedRandom.stream(0x80, 16, 32);
    byte[] nonce = FixedRandom.stream(0x80, 48, 16);
    byte[] share = jdkX25519(ephemeral, basePoint());
    byte[] wrapKey =
        Hkdf.sha256(
            jdkX25519(ephemeral, recipientKey),
            concat(share, recipientKey),
            ascii("age-encryption.org/v1/X25519"),
            32);
    String stanza =
        "-> X25519 "
            + B64.encodeToString(share)
            + "\n"
            + B64.encodeToString(jdkSeal(wrapKey, new byte[12], fileKey))
            + "\n";
    byte[] expected = expectedFile(stanza, fileKey, nonce, PLAINTEXT);

    assertThat(file).isEqualTo(expected);

    Path identity =
        Files.writeString(
            dir.resolve("identity.txt"),
            Bech32.encode("age-secret-key-", X25519_IDENTITY).toUpperCase(Locale.ROOT) + "\n");
    Path encrypted = Files.write(dir.resolve("x25519.age"), file);
    assertThat(AgeCli.fromBuild().decrypt(identity, encrypted)).isEqualTo(PLAINTEXT);

    assertThat(headerOf(file))
        .isEqualTo(
            """
        age-encryption.org/v1
        -> X25519 n9etbc/0KY3T+W1bGyr5EKBTWxSI1/j6uzSamCiAthU
        m5ixQ5TTjhNWaIGAadXRzkYVeXQbiyAdIIMFHqY8A6s
        --- 94j7FEOAkVF12UukC5fGELkBpu08Vj9+OeLimsXWkpI
        """);
    assertThat(sha256(file))
        .isEqualTo("b13f07d4db99fd0c8f0edf9f440bd62c4098ba7e0d603162d8caa60ceca6d49e");
  }

  @Test
  void sshEd25519RecipientFileIsByteExact() throws Exception {
    byte[] edPublic = Ed25519TestKeys.publicKey(ED25519_SEED);
    byte[] file =
        new AgeEncryptor(new FixedRandom(0x40))
            .encrypt(PLAINTEXT, SshEd25519Recipient.of(edPublic));

    byte[] fileKey = FixedRandom.stream(0x40, 0, 16);
    byte[] ephemeral = FixedRandom.stream(0x40, 16, 32);
    byte[] nonce = FixedRandom.stream(0x40, 48, 16);
    byte[] sshWire = concat(sshString(ascii("ssh-ed25519")), sshString(edPublic));
    // The recipient's X25519 point from the secret side: clamp(SHA-512(seed)[0..32]) · 9.
    byte[] secretScalar =
        Arrays.copyOf(MessageDigest.getInstance("SHA-512").digest(ED25519_SEED), 32);
    byte[] recipientPoint = jdkX25519(secretScalar, basePoint());
    byte[] label = ascii("age-encryption.org/v1/ssh-ed25519");
    byte[] tweak = Hkdf.sha256(new byte[0], sshWire, label, 32);
    byte[] share = jdkX25519(ephemeral, basePoint());
    byte[] shared = jdkX25519(tweak, jdkX25519(ephemeral, recipientPoint));
    // What the decrypting side computes from its secret must agree.
    assertThat(jdkX25519(tweak, jdkX25519(secretScalar, share))).isEqualTo(shared);
    byte[] wrapKey = Hkdf.sha256(shared, concat(share, recipientPoint), label, 32);
    String tag =
        B64.encodeToString(Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(sshWire), 4));
    String stanza =
        "-> ssh-ed25519 "
            + tag
            + " "
            + B64.encodeToString(share)
            + "\n"
            + B64.encodeToString(jdkSeal(wrapKey, new byte[12], fileKey))
            + "\n";
    byte[] expected = expectedFile(stanza, fileKey, nonce, PLAINTEXT);

    assertThat(file).isEqualTo(expected);

    Path key =
        Files.writeString(
            dir.resolve("id_ed25519"), Ed25519TestKeys.openSshPrivateKey(ED25519_SEED));
    Path encrypted = Files.write(dir.resolve("ed25519.age"), file);
    assertThat(AgeCli.fromBuild().decrypt(key, encrypted)).isEqualTo(PLAINTEXT);

    assertThat(headerOf(file))
        .isEqualTo(
            """
        age-encryption.org/v1
        -> ssh-ed25519 bbXpuA OS0XSjizsb6vrx/oJIcIQcX6UxvG6v22QCwSRmRIjBw
        NRyjUKdt0sByEH+1wbo4Xq70IEwOXsY2vlS7HwzQ3F8
        --- 9KS3IR3E+NrnzFj9ANIcreJxhnkEuP/freZ9I1jCs4k
        """);
    assertThat(sha256(file))
        .isEqualTo("d92af90e3545569d7e1c5ee9469eab3aa4cb65c8742a01ea5f4686efa9d2fc90");
  }

  @Test
  void payloadIsCutIntoSixtyFourKibChunksWithCounterAndLastFlag() throws Exception {
    X25519Recipient recipient = X25519Recipient.of(X25519.publicKey(X25519_IDENTITY));
    for (int size : new int[] {0, 1, 65535, 65536, 65537, 2 * 65536, 2 * 65536 + 7}) {
      byte[] plaintext = new byte[size];
      for (int i = 0; i < size; i++) {
        plaintext[i] = (byte) (i * 31);
      }
      byte[] file = new AgeEncryptor(new FixedRandom(0x10)).encrypt(plaintext, recipient);
      byte[] fileKey = FixedRandom.stream(0x10, 0, 16);
      byte[] nonce = FixedRandom.stream(0x10, 48, 16);
      int payloadStart = headerOf(file).length();
      assertThat(Arrays.copyOfRange(file, payloadStart, payloadStart + 16)).isEqualTo(nonce);
      byte[] key = Hkdf.sha256(fileKey, nonce, ascii("payload"), 32);
      int chunks = size == 0 ? 1 : (size + 65535) / 65536;
      assertThat(file.length - payloadStart).isEqualTo(16 + size + 16 * chunks);
      ByteArrayOutputStream decrypted = new ByteArrayOutputStream();
      int at = payloadStart + 16;
      for (int c = 0; c < chunks; c++) {
        int length = Math.min(65536 + 16, file.length - at);
        byte[] chunkNonce = new byte[12];
        chunkNonce[10] = (byte) c;
        chunkNonce[11] = (byte) (c == chunks - 1 ? 1 : 0);
        Cipher cipher = Cipher.getInstance("ChaCha20-Poly1305");
        cipher.init(
            Cipher.DECRYPT_MODE,
            new SecretKeySpec(key, "ChaCha20"),
            new IvParameterSpec(chunkNonce));
        decrypted.writeBytes(cipher.doFinal(file, at, length));
        at += length;
      }
      assertThat(decrypted.toByteArray()).as("size %d", size).isEqualTo(plaintext);
    }
  }

  private static byte[] expectedFile(String stanzas, byte[] fileKey, byte[] nonce, byte[] plaintext)
      throws Exception {
    String macInput = "age-encryption.org/v1\n" + stanzas + "---";
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(
        new SecretKeySpec(Hkdf.sha256(fileKey, new byte[0], ascii("header"), 32), "HmacSHA256"));
    String header = macInput + " " + B64.encodeToString(mac.doFinal(ascii(macInput))) + "\n";
    byte[] payloadKey = Hkdf.sha256(fileKey, nonce, ascii("payload"), 32);
    byte[] lastChunkNonce = new byte[12];
    lastChunkNonce[11] = 1;
    return concat(ascii(header), nonce, jdkSeal(payloadKey, lastChunkNonce, plaintext));
  }

  static String headerOf(byte[] file) {
    String text = new String(file, StandardCharsets.ISO_8859_1);
    int mac = text.indexOf("\n--- ");
    return text.substring(0, text.indexOf('\n', mac + 1) + 1);
  }

  private static byte[] basePoint() {
    byte[] u = new byte[32];
    u[0] = 9;
    return u;
  }

  /** X25519 straight on the JDK, with the u-coordinate as a little-endian integer. */
  private static byte[] jdkX25519(byte[] scalar, byte[] u) throws Exception {
    var factory = java.security.KeyFactory.getInstance("XDH");
    var priv =
        factory.generatePrivate(
            new java.security.spec.XECPrivateKeySpec(
                java.security.spec.NamedParameterSpec.X25519, scalar));
    byte[] bigEndian = new byte[32];
    for (int i = 0; i < 32; i++) {
      bigEndian[i] = u[31 - i];
    }
    var pub =
        factory.generatePublic(
            new java.security.spec.XECPublicKeySpec(
                java.security.spec.NamedParameterSpec.X25519,
                new java.math.BigInteger(1, bigEndian)));
    var agreement = javax.crypto.KeyAgreement.getInstance("XDH");
    agreement.init(priv);
    agreement.doPhase(pub, true);
    return agreement.generateSecret();
  }

  private static byte[] jdkSeal(byte[] key, byte[] nonce, byte[] plaintext) throws Exception {
    Cipher cipher = Cipher.getInstance("ChaCha20-Poly1305");
    cipher.init(
        Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "ChaCha20"), new IvParameterSpec(nonce));
    return cipher.doFinal(plaintext);
  }

  private static byte[] sshString(byte[] value) {
    return concat(ByteBuffer.allocate(4).putInt(value.length).array(), value);
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  static String sha256(byte[] data) throws Exception {
    return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(data));
  }
}
