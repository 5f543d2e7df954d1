package org.batonjava.sdk.service;

/**
 * A client id or client secret that cannot be used. The message says what is wrong with the value
 * and never contains the value itself (a client id field may hold a pasted secret).
 */
public final class InvalidCredentialsException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  InvalidCredentialsException(String message) {
    super(message);
  }

  InvalidCredentialsException(String message, Throwable cause) {
    super(message, cause);
  }
}
