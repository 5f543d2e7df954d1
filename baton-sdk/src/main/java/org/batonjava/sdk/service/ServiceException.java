package org.batonjava.sdk.service;

/** Service mode cannot go on (a fatal startup error); the message says why and what to check. */
public final class ServiceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ServiceException(String message) {
    super(message);
  }

  public ServiceException(String message, Throwable cause) {
    super(message, cause);
  }
}
