package org.batonjava.sdk.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.batonjava.sdk.connector.FailureWords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports a failure as exactly one line {@code error: <message>} on stderr, with secrets removed,
 * and returns the failure exit code. The stack trace, also scrubbed of secrets, goes to the debug
 * log (shown only with {@code --log-level debug}).
 */
final class ErrorReporter {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorReporter.class);

  private final PrintStream err;
  private final SecretRedactor redactor;

  ErrorReporter(PrintStream err, SecretRedactor redactor) {
    this.err = err;
    this.redactor = redactor;
  }

  int fail(String message) {
    err.println("error: " + redactor.redact(oneLine(redactor.redact(message))));
    err.flush();
    return BatonApp.EXIT_FAILURE;
  }

  int fail(Throwable failure) {
    if (LOG.isDebugEnabled()) {
      StringWriter trace = new StringWriter();
      failure.printStackTrace(new PrintWriter(trace));
      LOG.atDebug()
          .addKeyValue("stacktrace", redactor.redact(trace.toString()))
          .log("command failed");
    }
    return fail(describe(failure));
  }

  static String describe(Throwable failure) {
    String message = failure.getMessage();
    if (message == null || message.isBlank()) {
      return FailureWords.of(failure) + " (run with --log-level debug for details)";
    }
    return message;
  }

  private static String oneLine(String message) {
    return message.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
