package org.batonjava.report;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import org.batonjava.sdk.c1z.C1zException;
import org.batonjava.sdk.cli.ExtraCommand;
import org.batonjava.sdk.cli.RunEnvironment;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code baton-metabase report}: the access review of a sync as one self-contained HTML page (and
 * optionally CSV files), compared with an earlier sync when one is given. Output lines go to
 * stdout, errors to stderr as one line.
 */
public final class ReportCommand implements ExtraCommand {
  @Command(
      name = "baton-metabase report",
      mixinStandardHelpOptions = true,
      description =
          "Write an access review of a c1z file as one self-contained HTML page (no network needed to read"
              + " it), optionally with CSV tables and the changes since an earlier sync.")
  static final class Options {
    @Option(
        names = {"-f", "--file"},
        defaultValue = "sync.c1z",
        description = "The c1z file to review (default ${DEFAULT-VALUE}).")
    Path file;

    @Option(
        names = "--previous",
        description = "An earlier c1z: the report lists what changed since.")
    Path previous;

    @Option(
        names = {"-o", "--output"},
        defaultValue = "report.html",
        description = "The HTML file to write (default ${DEFAULT-VALUE}).")
    Path output;

    @Option(
        names = "--csv",
        paramLabel = "DIR",
        description = "Also write the tables as CSV files into DIR.")
    Path csv;

    @Option(
        names = "--dormant-days",
        defaultValue = "90",
        description =
            "Days without login after which an active person with access is dormant (default ${DEFAULT-VALUE}).")
    int dormantDays;

    @Option(
        names = "--redact-emails",
        description =
            "Replace e-mail addresses with stable pseudonyms (for reports that leave the team).")
    boolean redactEmails;

    @Option(
        names = "--log-level",
        defaultValue = "info",
        description = "debug prints the stack trace of a failure.")
    String logLevel;
  }

  @Override
  public String name() {
    return "report";
  }

  @Override
  public String summary() {
    return "Write an access review of a c1z file as one self-contained HTML page (and CSV), with changes since --previous";
  }

  /** Runs the command; returns the exit code (0 on success, 1 on any failure). */
  @Override
  public int run(RunEnvironment environment, String... args) {
    Path workingDirectory = environment.workingDirectory();
    PrintStream out = environment.out();
    PrintStream err = environment.err();
    Options options = new Options();
    CommandLine cli = new CommandLine(options);
    try {
      cli.parseArgs(args);
    } catch (CommandLine.ParameterException e) {
      err.println("error: " + e.getMessage() + " (see baton-metabase report --help)");
      return 1;
    }
    if (cli.isUsageHelpRequested()) {
      cli.usage(out);
      return 0;
    }
    if (cli.isVersionHelpRequested()) {
      out.println("baton-metabase report");
      return 0;
    }
    if (options.dormantDays < 0) {
      err.println("error: --dormant-days must be 0 or more, not " + options.dormantDays);
      return 1;
    }
    try {
      AccessReport.Result result =
          AccessReport.generate(
              new AccessReport.Options(
                  workingDirectory.resolve(options.file),
                  Optional.ofNullable(options.previous).map(workingDirectory::resolve),
                  workingDirectory.resolve(options.output),
                  Optional.ofNullable(options.csv).map(workingDirectory::resolve),
                  options.dormantDays,
                  options.redactEmails));
      out.println(
          "Wrote the access review to "
              + result.output()
              + " ("
              + result.accounts()
              + " accounts, "
              + result.resources()
              + " resources"
              + (options.previous != null ? ", " + result.changes() + " changes" : "")
              + "; "
              + (result.bytes() / 1024)
              + " KiB); open it in a browser.");
      if (!result.csvFiles().isEmpty()) {
        out.println(
            "Wrote "
                + String.join(", ", result.csvFiles())
                + " to "
                + workingDirectory.resolve(options.csv));
      }
      out.flush();
      return 0;
    } catch (ReportException | C1zException e) {
      err.println("error: " + e.getMessage());
      if ("debug".equalsIgnoreCase(options.logLevel)) {
        e.printStackTrace(err);
      }
      return 1;
    } catch (RuntimeException e) {
      err.println("error: the report failed: " + e + " (run with --log-level debug for details)");
      if ("debug".equalsIgnoreCase(options.logLevel)) {
        e.printStackTrace(err);
      }
      return 1;
    }
  }
}
