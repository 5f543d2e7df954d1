package org.batonjava.sdk.sync;

/**
 * The sync was stopped (signal or cancel) after a checkpoint was saved; running it again resumes
 * it.
 */
public class SyncInterruptedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SyncInterruptedException(String message) {
    super(message);
  }
}
