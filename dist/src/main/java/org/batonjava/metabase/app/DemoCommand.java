package org.batonjava.metabase.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.batonjava.metabase.connector.MetabaseVariant;
import org.batonjava.metabase.sim.MetabaseSimulator;
import org.batonjava.metabase.sim.data.Dataset;
import org.batonjava.report.ReportCommand;
import org.batonjava.sdk.cli.BatonApp;
import org.batonjava.sdk.cli.ExtraCommand;
import org.batonjava.sdk.cli.RunEnvironment;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code baton-metabase demo}: starts the built-in Metabase simulator with its demo company, runs a
 * real sync of it over HTTP into {@code sync.c1z} (version detection on, so databases and their
 * permissions are synced too), prints a short summary of who can reach what, and writes the access
 * review {@code report.html} next to the c1z file.
 */
final class DemoCommand implements ExtraCommand {
  @Command(
      name = "baton-metabase demo",
      mixinStandardHelpOptions = true,
      description =
          "Sync the built-in Metabase simulator's demo company into a c1z file and summarise it.")
  static final class Options {
    @Option(
        names = "--metabase-version",
        defaultValue = "0.56",
        description =
            "Simulated Metabase version: 0.49, 0.56 or newest (default ${DEFAULT-VALUE}).")
    String version;

    @Option(
        names = "--paid",
        description =
            "Simulate a paid (Pro/Enterprise) build: group managers, downloads, application"
                + " permissions, a sandboxed table and an impersonated database appear.")
    boolean paid;

    @Option(
        names = {"-f", "--file"},
        defaultValue = "sync.c1z",
        description = "The c1z file to write (default ${DEFAULT-VALUE}).")
    Path file;
  }

  @Override
  public String name() {
    return "demo";
  }

  @Override
  public String summary() {
    return "Sync the built-in Metabase simulator's demo company into a c1z file and summarise it";
  }

  @Override
  public int run(RunEnvironment environment, String... args) {
    Options options = new Options();
    CommandLine cli = new CommandLine(options);
    try {
      cli.parseArgs(args);
    } catch (CommandLine.ParameterException e) {
      environment.err().println("error: " + e.getMessage() + " (see baton-metabase demo --help)");
      return BatonApp.EXIT_FAILURE;
    }
    if (cli.isUsageHelpRequested()) {
      cli.usage(environment.out());
      return BatonApp.EXIT_OK;
    }
    if (cli.isVersionHelpRequested()) {
      environment.out().println("baton-metabase version " + MetabaseApp.version());
      return BatonApp.EXIT_OK;
    }
    MetabaseSimulator sim;
    try {
      sim =
          MetabaseSimulator.builder()
              .version(options.version)
              .paid(options.paid)
              .dataset(options.paid ? Dataset.demoPaid() : Dataset.demo())
              .port(0)
              .start();
    } catch (RuntimeException e) {
      environment.err().println("error: " + e.getMessage());
      return BatonApp.EXIT_FAILURE;
    }
    try (sim) {
      Path file = environment.workingDirectory().resolve(options.file);
      environment
          .err()
          .println(
              "Simulated Metabase "
                  + sim.versionTag()
                  + " at "
                  + sim.baseUrl()
                  + "; syncing into "
                  + file);
      List<String> sync =
          new ArrayList<>(
              List.of(
                  "--metabase-base-url", sim.baseUrl(),
                  "--metabase-api-key", sim.adminApiKey(),
                  "--metabase-version", "auto",
                  "--log-format", environment.env().getOrDefault("BATON_LOG_FORMAT", "console"),
                  "--file", file.toString()));
      if (options.paid) {
        sync.add("--metabase-with-paid-plan");
      }
      int code =
          MetabaseApp.of(MetabaseVariant.UNVERSIONED, environment).run(sync.toArray(String[]::new));
      if (code != BatonApp.EXIT_OK) {
        return code;
      }
      environment.out().print(new DemoSummary(file).render(sim.versionTag()));
      environment.out().flush();
      Path report = file.resolveSibling("report.html");
      return new ReportCommand()
          .run(environment, "--file", file.toString(), "--output", report.toString());
    }
  }
}
