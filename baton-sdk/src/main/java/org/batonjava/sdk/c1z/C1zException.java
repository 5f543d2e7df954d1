package org.batonjava.sdk.c1z;

import java.nio.file.Path;

/** A c1z file could not be read or written. The message names the file and says what to do. */
public class C1zException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public C1zException(String message) {
    super(message);
  }

  public C1zException(String message, Throwable cause) {
    super(message, cause);
  }

  static C1zException about(Path file, String problem, Throwable cause) {
    return new C1zException(file + ": " + problem, cause);
  }

  static C1zException about(Path file, String problem) {
    return new C1zException(file + ": " + problem);
  }
}
