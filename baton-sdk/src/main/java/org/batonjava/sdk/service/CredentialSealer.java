package org.batonjava.sdk.service;

import c1.connector.v2.EncryptedData;
import c1.connector.v2.EncryptionConfig;
import c1.connector.v2.PlaintextData;
import io.grpc.Status;
import java.util.List;
import org.batonjava.sdk.connector.ConnectorException;

/**
 * Encrypts generated credentials for the recipients ConductorOne names in a create-account task:
 * one {@link EncryptedData} per plaintext × config, in that order; any failure fails the task. The
 * plaintext leaves the process only inside the result. {@link ServiceRunner} uses the SDK's {@code
 * org.batonjava.sdk.crypto.CredentialEncryptor#encrypt} unless given another.
 */
@FunctionalInterface
public interface CredentialSealer {
  List<EncryptedData> seal(List<EncryptionConfig> configs, List<PlaintextData> plaintexts);

  /** For builds without credential encryption: fails whenever there is something to encrypt. */
  static CredentialSealer unavailable() {
    return (configs, plaintexts) -> {
      if (configs.isEmpty() || plaintexts.isEmpty()) {
        return List.of();
      }
      throw new ConnectorException(
          Status.Code.UNIMPLEMENTED, "credential encryption is not available");
    };
  }
}
