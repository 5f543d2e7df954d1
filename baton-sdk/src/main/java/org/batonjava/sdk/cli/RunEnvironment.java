package org.batonjava.sdk.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the process sees of the world, injectable so tests need neither real environment variables
 * nor a real working directory nor real stdout/stderr.
 *
 * @param env environment variables ({@code BATON_*}, {@code BATON_CONFIG_PATH})
 * @param workingDirectory where {@code .baton.yaml} is looked for and relative paths are resolved
 * @param out command output ({@code capabilities}, {@code config}, help, version)
 * @param err logs and error lines
 * @param stdoutIsTerminal decides the default log format (console on a terminal, else json)
 * @param availableProcessors for {@code --workers -1}
 */
public record RunEnvironment(
    Map<String, String> env,
    Path workingDirectory,
    PrintStream out,
    PrintStream err,
    boolean stdoutIsTerminal,
    int availableProcessors) {

  public RunEnvironment {
    env = Map.copyOf(env);
    workingDirectory = workingDirectory.toAbsolutePath();
  }

  /**
   * The real process: {@code System.getenv()}, the current directory, {@code System.out}/{@code
   * err}.
   */
  @SuppressWarnings(
      "SystemConsoleNull") // on JDK 17 (the target) console() is null exactly when not on a
  // terminal
  public static RunEnvironment system() {
    return new RunEnvironment(
        System.getenv(),
        Path.of(""),
        System.out,
        System.err,
        System.console() != null,
        Runtime.getRuntime().availableProcessors());
  }
}
