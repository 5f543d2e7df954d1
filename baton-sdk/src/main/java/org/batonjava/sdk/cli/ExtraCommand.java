package org.batonjava.sdk.cli;

/**
 * A subcommand a launcher adds next to {@code capabilities}, {@code config} and {@code
 * health-check} (e.g. a demo or a report), registered with {@link BatonApp.Builder#command}. It is
 * listed under "Available Commands" in {@code --help}, {@code <binary> help <name>} shows its own
 * help, and {@code <binary> <name> args…} hands the remaining arguments to {@link #run}; it parses
 * them itself.
 */
public interface ExtraCommand {
  /** The subcommand word, e.g. {@code demo}. */
  String name();

  /** One line for the command list in {@code --help}. */
  String summary();

  /**
   * Runs the subcommand. Output goes to {@code environment.out()}, errors (one line) to {@code
   * environment.err()}; {@code --help} must print its usage.
   *
   * @return the exit code ({@link BatonApp#EXIT_OK} or {@link BatonApp#EXIT_FAILURE})
   */
  int run(RunEnvironment environment, String... args);
}
