package org.batonjava.sdk.crypto;

/**
 * Credential encryption failed: an unknown provider, a malformed or unsupported key, a missing
 * config. The message names the provider or config field at fault and never contains the plaintext
 * being encrypted.
 */
public final class EncryptionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public EncryptionException(String message) {
    super(message);
  }

  public EncryptionException(String message, Throwable cause) {
    super(message, cause);
  }
}
