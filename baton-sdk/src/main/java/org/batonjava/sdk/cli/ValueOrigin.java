package org.batonjava.sdk.cli;

/**
 * Where a configuration value came from, for messages and precedence.
 *
 * @param kind the source, in precedence order
 * @param label how messages name it: {@code the command line}, {@code BATON_LOG_LEVEL}, a file path
 */
public record ValueOrigin(Kind kind, String label) {
  /**
   * The sources in precedence order: a flag beats the environment, which beats the file, then the
   * default.
   */
  public enum Kind {
    COMMAND_LINE,
    ENVIRONMENT,
    CONFIG_FILE,
    DEFAULT
  }

  static ValueOrigin commandLine() {
    return new ValueOrigin(Kind.COMMAND_LINE, "the command line");
  }

  static ValueOrigin environment(String variable) {
    return new ValueOrigin(Kind.ENVIRONMENT, variable);
  }

  static ValueOrigin configFile(String path) {
    return new ValueOrigin(Kind.CONFIG_FILE, path);
  }

  static ValueOrigin defaultValue() {
    return new ValueOrigin(Kind.DEFAULT, "the default");
  }

  @Override
  public String toString() {
    return label;
  }
}
