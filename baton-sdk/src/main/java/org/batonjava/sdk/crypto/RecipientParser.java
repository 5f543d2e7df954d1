package org.batonjava.sdk.crypto;

import c1.connector.v2.EncryptionConfig;
import com.google.protobuf.ByteString;
import com.nimbusds.jose.jwk.JWK;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.List;
import java.util.Locale;

/**
 * Turns an operator-supplied recipient (a {@code --create-account-recipient} style option) into an
 * {@link EncryptionConfig}:
 *
 * <ul>
 *   <li>{@code age1…} → {@code baton/age/v1} with that recipient (binary age output);
 *   <li>an {@code ssh-ed25519 AAAA…} or {@code ssh-rsa AAAA…} line → the same key as a public JWK
 *       under {@code baton/jwk/v1} (an age file with an ssh stanza, base64'd; {@code base64 -d |
 *       age -d -i ~/.ssh/id_…} decrypts it);
 *   <li>a public JWK (JSON object) → {@code baton/jwk/v1};
 *   <li>otherwise a path to a file holding one of the above (blank lines and {@code #} comments
 *       ignored).
 * </ul>
 *
 * Keys are checked now (curve, RSA size, point validity), so a bad recipient fails before anything
 * is created. Private keys and age identities are refused, and file contents are never echoed in
 * errors.
 */
public final class RecipientParser {
  private static final long MAX_FILE_BYTES = 64 * 1024;

  private RecipientParser() {}

  /** Parses {@code value}, reading it as a file path if it is not itself a recipient. */
  public static EncryptionConfig parse(String value) {
    String text = value.strip();
    if (text.isEmpty()) {
      throw new EncryptionException("recipient is empty");
    }
    if (looksLikeRecipient(text)) {
      return parseText(text, "recipient");
    }
    Path path;
    try {
      path = Path.of(text);
    } catch (InvalidPathException e) {
      throw unrecognized("recipient");
    }
    if (!Files.isRegularFile(path)) {
      throw new EncryptionException(
          "recipient is not an age1… recipient, an ssh-ed25519/ssh-rsa public key, a "
              + "public JWK, or an existing file holding one: "
              + text);
    }
    return parseText(read(path), "recipient file " + path);
  }

  /** The {@code baton/jwk/v1} config for a public JWK. */
  public static EncryptionConfig jwkConfig(PublicJwk jwk) {
    return EncryptionConfig.newBuilder()
        .setProvider(CredentialEncryptor.PROVIDER_JWK)
        .setKeyId(jwk.keyId())
        .setJwkPublicKeyConfig(
            EncryptionConfig.JWKPublicKeyConfig.newBuilder()
                .setPubKey(ByteString.copyFrom(jwk.toJson(), StandardCharsets.UTF_8)))
        .build();
  }

  /** The {@code baton/age/v1} config for an {@code age1…} recipient (checked). */
  public static EncryptionConfig ageConfig(String recipient) {
    X25519Recipient.parse(recipient);
    return EncryptionConfig.newBuilder()
        .setProvider(CredentialEncryptor.PROVIDER_AGE)
        .setAgeRecipientConfig(
            EncryptionConfig.AgeRecipientConfig.newBuilder().setRecipient(recipient))
        .build();
  }

  private static EncryptionConfig parseText(String text, String source) {
    String trimmed = text.strip();
    if (trimmed.contains("PRIVATE KEY")
        || trimmed.toUpperCase(Locale.ROOT).contains("AGE-SECRET-KEY-")) {
      throw new EncryptionException(
          source
              + " holds a private key; give the public key instead "
              + "(the .pub file, or `age-keygen -y` for an age identity)");
    }
    if (trimmed.startsWith("{")) {
      JWK parsed;
      try {
        parsed = JWK.parse(trimmed);
      } catch (ParseException e) {
        throw new EncryptionException(source + " is not a valid JWK");
      }
      if (parsed.isPrivate()) {
        throw new EncryptionException(source + " is a private JWK; give the public JWK instead");
      }
      try {
        return jwkConfig(PublicJwk.of(parsed));
      } catch (EncryptionException e) {
        throw new EncryptionException(source + ": " + e.getMessage(), e);
      }
    }
    List<String> lines =
        trimmed.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    if (lines.size() != 1) {
      throw new EncryptionException(
          source + " must hold exactly one recipient, found " + lines.size());
    }
    String line = lines.get(0);
    try {
      if (line.toLowerCase(Locale.ROOT).startsWith("age1")) {
        return ageConfig(line);
      }
      if (isSshLine(line)) {
        SshPublicKey key = SshPublicKey.parseLine(line);
        return jwkConfig(
            key.type().equals(SshPublicKey.ED25519)
                ? PublicJwk.ed25519(key.ed25519Key())
                : PublicJwk.rsa(key.rsaKey()));
      }
    } catch (EncryptionException e) {
      throw new EncryptionException(source + ": " + e.getMessage(), e);
    }
    throw unrecognized(source);
  }

  private static boolean looksLikeRecipient(String text) {
    return text.startsWith("{")
        || text.toLowerCase(Locale.ROOT).startsWith("age1")
        || isSshLine(text)
        || text.toUpperCase(Locale.ROOT).startsWith("AGE-SECRET-KEY-");
  }

  private static boolean isSshLine(String text) {
    for (String token : text.split("\\s+", -1)) {
      if (token.equals(SshPublicKey.ED25519) || token.equals(SshPublicKey.RSA)) {
        return true;
      }
    }
    return false;
  }

  private static String read(Path path) {
    try {
      if (Files.size(path) > MAX_FILE_BYTES) {
        throw new EncryptionException(
            "recipient file " + path + " is larger than " + MAX_FILE_BYTES + " bytes");
      }
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new EncryptionException(
          "cannot read recipient file " + path + ": " + e.getMessage(), e);
    }
  }

  private static EncryptionException unrecognized(String source) {
    return new EncryptionException(
        source
            + " is not an age1… recipient, an ssh-ed25519/ssh-rsa public key or a "
            + "public JWK");
  }
}
