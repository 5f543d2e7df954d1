package org.batonjava.sdk.crypto;

/**
 * An encrypted value could not be opened: it is not for our key, it was changed or cut, or it is
 * not in the expected format. The message says which, and never contains key material or any part
 * of the plaintext.
 */
public final class DecryptionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DecryptionException(String message) {
    super(message);
  }

  public DecryptionException(String message, Throwable cause) {
    super(message, cause);
  }
}
