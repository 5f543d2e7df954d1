package org.batonjava.sdk.service;

import c1.connector.v2.CredentialOptions;
import c1.connector.v2.EncryptedData;
import io.grpc.Status;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import org.batonjava.sdk.connector.ConnectorException;
import org.batonjava.sdk.crypto.AgeDecryptor;
import org.batonjava.sdk.crypto.DecryptionException;
import org.batonjava.sdk.crypto.Secret;

/**
 * A password ConductorOne chose for a new account and sent encrypted ({@code
 * credential_options.encrypted_password}): the entry whose {@code key_ids} hold the thumbprint of
 * this connector's client secret is base64-decoded and opened as an age file with the client
 * secret's Ed25519 key. As in the Go SDK, a task that also asks for the password to be encrypted
 * back ({@code encryption_configs}) or that holds no entry for our key is refused with {@code
 * INVALID_ARGUMENT}. Error messages never contain any part of the password or the key.
 */
final class InboundPassword {
  static final String JWK_PROVIDER = "baton/jwk/v1";
  private static final int MAX_PASSWORD_BYTES = 64 * 1024;

  private InboundPassword() {}

  /** The plaintext password addressed to {@code key}. */
  static Secret open(
      CredentialOptions.EncryptedPassword encrypted, int encryptionConfigs, ClientSecretKey key) {
    if (encryptionConfigs > 0) {
      throw invalid(
          "the task carries both a password chosen by ConductorOne (encrypted_password) and "
              + encryptionConfigs
              + " encryption config(s) to send a generated one back; only one may be used");
    }
    String thumbprint = key.thumbprintHex();
    EncryptedData entry =
        encrypted.getEncryptedPasswordsList().stream()
            .filter(d -> d.getKeyIdsList().contains(thumbprint) || d.getKeyId().equals(thumbprint))
            .findFirst()
            .orElseThrow(
                () ->
                    invalid(
                        "none of the "
                            + encrypted.getEncryptedPasswordsCount()
                            + " encrypted password(s)"
                            + " is for this connector's client secret (key id "
                            + thumbprint
                            + "); check that ConductorOne and this"
                            + " connector use the same client credentials"));
    String provider = entry.getProvider().trim().toLowerCase(Locale.ROOT);
    if (!provider.isEmpty() && !provider.equals(JWK_PROVIDER)) {
      throw invalid(
          "the encrypted password uses provider \""
              + entry.getProvider()
              + "\"; only "
              + JWK_PROVIDER
              + " (the client secret's key) can be opened here");
    }
    byte[] file;
    try {
      file = Base64.getDecoder().decode(entry.getEncryptedBytes().toByteArray());
    } catch (IllegalArgumentException e) {
      throw invalid(
          "the encrypted password is not base64 text ("
              + JWK_PROVIDER
              + " sends base64 of an age file)");
    }
    byte[] plaintext;
    try {
      plaintext = AgeDecryptor.decrypt(file, key.ageIdentity(), MAX_PASSWORD_BYTES);
    } catch (DecryptionException e) {
      throw invalid(
          "the encrypted password could not be opened with the client secret: " + e.getMessage());
    }
    try {
      CharBuffer chars =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(plaintext));
      char[] password = new char[chars.remaining()];
      chars.get(password);
      Arrays.fill(chars.array(), '\0');
      Secret secret = Secret.of(password);
      Arrays.fill(password, '\0');
      if (secret.isEmpty()) {
        throw invalid("the password chosen by ConductorOne is empty");
      }
      return secret;
    } catch (CharacterCodingException e) {
      throw invalid("the password chosen by ConductorOne is not UTF-8 text");
    } finally {
      Arrays.fill(plaintext, (byte) 0);
    }
  }

  private static ConnectorException invalid(String message) {
    return new ConnectorException(Status.Code.INVALID_ARGUMENT, message);
  }
}
