package org.batonjava.c1sim;

import c1.connector.v2.CredentialOptions;
import c1.connector.v2.EncryptedData;
import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Credential options carrying a password an administrator chose in ConductorOne, encrypted the way
 * ConductorOne sends it: {@code baton/jwk/v1} to the connector's client-secret public key (an age
 * file for its ssh-ed25519 form, base64), with that key's thumbprint in {@code key_ids}. The
 * encryption is the fake's own {@link AgeEncryptor}, so the SDK's decryption is checked against an
 * independent implementation.
 */
public final class ChosenPasswords {
  private static final AgeEncryptor ENCRYPTOR = new AgeEncryptor();

  private ChosenPasswords() {}

  /**
   * {@code encrypted_password} with one entry per recipient, in order (e.g. another key first, then
   * the client).
   */
  public static CredentialOptions encryptedFor(String password, Ed25519Keys... recipients) {
    CredentialOptions.EncryptedPassword.Builder encrypted =
        CredentialOptions.EncryptedPassword.newBuilder();
    for (Ed25519Keys keys : recipients) {
      encrypted.addEncryptedPasswords(sealed(password, keys));
    }
    return CredentialOptions.newBuilder().setEncryptedPassword(encrypted).build();
  }

  /** The options for the registered client's own key. */
  public static CredentialOptions encryptedFor(String password, RegisteredClient client) {
    return encryptedFor(password, client.keys());
  }

  /**
   * One {@code baton/jwk/v1} entry: the age file for the key, base64 (padded), named {@code
   * password}.
   */
  private static EncryptedData sealed(String password, Ed25519Keys keys) {
    byte[] file = ENCRYPTOR.encrypt(password.getBytes(StandardCharsets.UTF_8), keys);
    return EncryptedData.newBuilder()
        .setName("password")
        .setProvider(EncryptionKeys.PROVIDER)
        .setKeyId(keys.thumbprintHex())
        .addKeyIds(keys.thumbprintHex())
        .setEncryptedBytes(ByteString.copyFrom(Base64.getEncoder().encode(file)))
        .build();
  }

  /**
   * A copy of one entry as another entry with a damaged ciphertext (same key ids), for error tests.
   */
  public static EncryptedData damaged(EncryptedData data) {
    byte[] bytes = data.getEncryptedBytes().toByteArray();
    int middle = bytes.length / 2; // inside the base64 text, away from its padding
    bytes[middle] = (byte) (bytes[middle] == 'A' ? 'B' : 'A');
    return data.toBuilder().setEncryptedBytes(ByteString.copyFrom(bytes)).build();
  }
}
