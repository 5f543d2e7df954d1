package org.batonjava.sdk.cli;

/** How log lines look: one JSON object per line, or tab-separated lines for people. */
public enum LogFormat {
  JSON,
  CONSOLE;

  /**
   * The format for a {@code --log-format} value; empty means "console when stdout is a terminal,
   * else json", as the Go SDK decides.
   */
  static LogFormat of(String value, boolean stdoutIsTerminal) {
    return switch (value) {
      case "json" -> JSON;
      case "console" -> CONSOLE;
      default -> stdoutIsTerminal ? CONSOLE : JSON;
    };
  }
}
