package org.batonjava.sdk.cli;

import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns picocli's parse errors into cobra-like one-liners that never repeat an argument after an
 * unknown flag (it might be a secret meant for a mistyped secret flag).
 */
final class CommandLineProblems {
  private CommandLineProblems() {}

  static String describe(ParameterException e) {
    String command = e.getCommandLine().getCommandSpec().qualifiedName();
    if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
      for (String arg : unmatched.getUnmatched()) {
        if (arg.startsWith("-")) {
          int equals = arg.indexOf('=');
          return "unknown flag: "
              + (equals < 0 ? arg : arg.substring(0, equals))
              + " (see "
              + command
              + " --help)";
        }
      }
      return "unknown command \"" + unmatched.getUnmatched().get(0) + "\" for \"" + command + "\"";
    }
    if (e instanceof MissingParameterException missing && !missing.getMissing().isEmpty()) {
      ArgSpec spec = missing.getMissing().get(0);
      if (spec instanceof OptionSpec option) {
        return "flag needs an argument: " + option.longestName();
      }
    }
    return e.getMessage();
  }
}
