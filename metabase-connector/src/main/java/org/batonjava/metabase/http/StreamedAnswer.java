package org.batonjava.metabase.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A 2xx JSON answer whose body is read as it arrives instead of being held whole: for answers that
 * grow with the instance (the membership list). The HTTP timeout still bounds the whole answer:
 * past it the body is closed, and a read that fails then is reported as the timeout. Must be
 * closed.
 */
public final class StreamedAnswer implements AutoCloseable {
  private final ApiCall call;
  private final InputStream body;
  private final ScheduledFuture<?> deadline;
  private final AtomicBoolean deadlinePassed;

  StreamedAnswer(
      ApiCall call, InputStream body, ScheduledFuture<?> deadline, AtomicBoolean deadlinePassed) {
    this.call = call;
    this.body = body;
    this.deadline = deadline;
    this.deadlinePassed = deadlinePassed;
  }

  public ApiCall call() {
    return call;
  }

  /** The body, from its first byte. */
  public InputStream body() {
    return body;
  }

  /** Whether the HTTP timeout passed while the body was being read (and closed it). */
  boolean deadlinePassed() {
    return deadlinePassed.get();
  }

  @Override
  public void close() {
    deadline.cancel(false);
    try {
      body.close();
    } catch (IOException ignored) {
      // Closing only releases the connection; the answer has been read or failed already.
    }
  }
}
