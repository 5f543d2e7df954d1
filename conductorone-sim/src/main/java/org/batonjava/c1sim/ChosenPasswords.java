package org.batonjava.c1sim;

import c1.connector.v2.CredentialOptions;
import c1.connector.v2.EncryptedData;
import c1.connector.v2.EncryptionConfig;
import c1.connector.v2.PlaintextData;
import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import org.batonjava.sdk.crypto.CredentialEncryptor;

/**
 * Credential options carrying a password an administrator chose in ConductorOne, encrypted the way ConductorOne
 * sends it: {@code baton/jwk/v1} to the connector's client-secret public key (an age file for its ssh-ed25519
 * form, base64), with that key's thumbprint in {@code key_ids}. The encryption itself is the SDK's encryptor,
 * which the SDK's tests check against the real {@code age} CLI.
 */
public final class ChosenPasswords {
  private ChosenPasswords() {}

  /** {@code encrypted_password} with one entry per recipient, in order (e.g. another key first, then the client). */
  public static CredentialOptions encryptedFor(String password, Ed25519Keys... recipients) {
    CredentialOptions.EncryptedPassword.Builder encrypted = CredentialOptions.EncryptedPassword.newBuilder();
    CredentialEncryptor encryptor = new CredentialEncryptor();
    for (Ed25519Keys keys : recipients) {
      encrypted.addEncryptedPasswords(encryptor.encrypt(config(keys), plaintext(password)));
    }
    return CredentialOptions.newBuilder().setEncryptedPassword(encrypted).build();
  }

  /** The options for the registered client's own key. */
  public static CredentialOptions encryptedFor(String password, RegisteredClient client) {
    return encryptedFor(password, client.keys());
  }

  private static EncryptionConfig config(Ed25519Keys keys) {
    return EncryptionConfig.newBuilder().setProvider(EncryptionKeys.PROVIDER).setKeyId(keys.thumbprintHex())
        .setJwkPublicKeyConfig(EncryptionConfig.JWKPublicKeyConfig.newBuilder()
            .setPubKey(ByteString.copyFrom(keys.publicJwk(), StandardCharsets.UTF_8)))
        .build();
  }

  private static PlaintextData plaintext(String password) {
    return PlaintextData.newBuilder().setName("password")
        .setBytes(ByteString.copyFrom(password, StandardCharsets.UTF_8)).build();
  }

  /** A copy of one entry as another entry with a damaged ciphertext (same key ids), for error tests. */
  public static EncryptedData damaged(EncryptedData data) {
    byte[] bytes = data.getEncryptedBytes().toByteArray();
    int middle = bytes.length / 2; // inside the base64 text, away from its padding
    bytes[middle] = (byte) (bytes[middle] == 'A' ? 'B' : 'A');
    return data.toBuilder().setEncryptedBytes(ByteString.copyFrom(bytes)).build();
  }
}
