package org.batonjava.sdk.connector;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import javax.net.ssl.SSLException;

/**
 * A low-level failure in words for a message, without Java class names: the kind of failure ("no
 * such file or folder", "the connection broke", "timed out") and the exception's own detail when it
 * has one. Many JDK exceptions carry only a path or nothing as their message, so their kind must be
 * said in words.
 */
public final class FailureWords {
  private FailureWords() {}

  public static String of(Throwable e) {
    String detail =
        e.getMessage() == null || e.getMessage().isBlank() ? "" : e.getMessage().strip();
    String kind = kind(e);
    if (kind == null) {
      return detail.isEmpty() ? "an unexpected internal error" : detail;
    }
    return detail.isEmpty() ? kind : kind + " (" + detail + ")";
  }

  /** The kind of failure, or null for a generic one whose message says it all. */
  private static String kind(Throwable e) {
    if (e instanceof NoSuchFileException) {
      return "no such file or folder";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileAlreadyExistsException) {
      return "it already exists";
    }
    if (e instanceof NotDirectoryException) {
      return "not a folder";
    }
    if (e instanceof FileSystemException) {
      return "file system error";
    }
    if (e instanceof EOFException) {
      return "the input ended early";
    }
    if (e instanceof ConnectException) {
      return "connection refused";
    }
    if (e instanceof UnknownHostException) {
      return "unknown host";
    }
    if (e instanceof SocketTimeoutException || e instanceof HttpTimeoutException) {
      return "timed out";
    }
    if (e instanceof SSLException) {
      return "the TLS connection failed";
    }
    if (e instanceof SocketException) {
      return "the connection broke";
    }
    if (e instanceof IOException) {
      return e.getMessage() == null ? "input/output error" : null;
    }
    return e.getMessage() == null ? "an unexpected internal error" : null;
  }
}
