package org.batonjava.sdk.service;

/** The token endpoint did not give a usable token; the message never contains a credential. */
final class TokenException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  TokenException(String message) {
    super(message);
  }

  TokenException(String message, Throwable cause) {
    super(message, cause);
  }
}
