package org.batonjava.metabase.sim.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.batonjava.metabase.sim.MetabaseSimulator;
import org.batonjava.metabase.sim.data.Dataset;
import org.batonjava.metabase.sim.data.ScaleParameters;
import org.batonjava.metabase.sim.faults.FaultConfig;
import org.batonjava.metabase.sim.state.MetabaseVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code metabase-sim}: runs a simulator until SIGINT/SIGTERM. Prints the base URL and API key on
 * stdout; logs go to stderr. Bad input gives one line on stderr and exit code 2.
 */
@Command(
    name = "metabase-sim",
    mixinStandardHelpOptions = true,
    version = "metabase-sim 0.1.0",
    description = "A stateful, versioned Metabase API simulator.")
public final class SimulatorCommand implements Callable<Integer> {

  @Option(
      names = "--metabase-version",
      defaultValue = "newest",
      paramLabel = "VERSION",
      description =
          "0.49, 0.56, newest (= ${sys:mbsim.newest}), or a tag such as v0.56.3. Default: newest.")
  String metabaseVersion;

  @Option(
      names = "--paid",
      description = "Run as a paid (EE) build: v1.NN tag, group managers, blocked access.")
  boolean paid;

  @Option(
      names = "--dataset",
      defaultValue = "demo",
      paramLabel = "demo|scale|empty|FILE.json",
      description = "Initial data. Default: demo.")
  String dataset;

  @Option(
      names = "--scale-users",
      defaultValue = "50000",
      description = "scale dataset: users (default 50000)")
  int scaleUsers;

  @Option(
      names = "--scale-groups",
      defaultValue = "500",
      description = "scale dataset: groups (default 500)")
  int scaleGroups;

  @Option(
      names = "--scale-memberships",
      defaultValue = "5",
      description = "scale dataset: groups per user (default 5)")
  int scaleMemberships;

  @Option(
      names = "--scale-databases",
      defaultValue = "300",
      description = "scale dataset: databases (default 300)")
  int scaleDatabases;

  @Option(
      names = "--scale-collections",
      defaultValue = "2000",
      description = "scale dataset: collections besides root (default 2000)")
  int scaleCollections;

  @Option(
      names = "--scale-api-keys",
      defaultValue = "100",
      description = "scale dataset: API keys (default 100)")
  int scaleApiKeys;

  @Option(
      names = "--scale-deactivated",
      defaultValue = "0.05",
      description = "scale dataset: share of deactivated users (default 0.05)")
  double scaleDeactivated;

  @Option(
      names = "--port",
      defaultValue = "3000",
      description = "Port; 0 picks a free one. Default: 3000.")
  int port;

  @Option(
      names = "--bind",
      defaultValue = "127.0.0.1",
      description = "Listen address. Default: 127.0.0.1.")
  String bind;

  @Option(
      names = "--api-key",
      description =
          "Admin API key to accept (mb_..., 12-254 chars). Default: a fixed " + "demo key.")
  String apiKey;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Seed for datasets and faults. Default: 42.")
  long seed;

  @Option(names = "--threads", defaultValue = "16", description = "Request threads. Default: 16.")
  int threads;

  @Option(
      names = "--latency-ms",
      defaultValue = "0",
      description = "Fault: fixed latency per request.")
  int latencyMs;

  @Option(
      names = "--jitter-ms",
      defaultValue = "0",
      description = "Fault: extra random latency up to this.")
  int jitterMs;

  @Option(
      names = "--error-rate",
      defaultValue = "0",
      description = "Fault: share of 500/502/503/429 responses.")
  double errorRate;

  @Option(
      names = "--error-statuses",
      split = ",",
      paramLabel = "STATUS",
      description = "Fault: statuses to use (subset of 500,502,503,429).")
  List<Integer> errorStatuses;

  @Option(
      names = "--reset-rate",
      defaultValue = "0",
      description = "Fault: share of dropped connections.")
  double resetRate;

  @Option(
      names = "--truncate-rate",
      defaultValue = "0",
      description = "Fault: share of truncated bodies.")
  double truncateRate;

  @Option(
      names = "--lost-answer-rate",
      defaultValue = "0",
      description =
          "Fault: share of changes carried out whose answer is then lost (connection closed).")
  double lostAnswerRate;

  @Option(
      names = "--slow-body-rate",
      defaultValue = "0",
      description = "Fault: share of slowly sent bodies.")
  double slowBodyRate;

  @Option(
      names = "--report-version",
      paramLabel = "TAG",
      description = "Fault: report this version.tag instead of the real one (version mismatch).")
  String reportVersion;

  private final PrintWriter out;

  SimulatorCommand(PrintWriter out) {
    this.out = out;
  }

  public static void main(String[] args) {
    System.setProperty("mbsim.newest", MetabaseVersion.NEWEST.label());
    configureLogging();
    PrintWriter out =
        new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    int code =
        run(
            args,
            out,
            new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
    if (code != 0) {
      System.exit(code);
    }
  }

  /**
   * Parses and runs; returns the exit code (0 while the server runs until a signal). Visible for
   * tests.
   */
  static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new SimulatorCommand(out));
    cli.setOut(out);
    cli.setErr(err);
    cli.setParameterExceptionHandler(
        (ex, a) -> {
          err.println("metabase-sim: " + ex.getMessage());
          return 2;
        });
    cli.setExecutionExceptionHandler(
        (ex, c, parsed) -> {
          err.println("metabase-sim: " + ex.getMessage());
          return ex instanceof IllegalArgumentException ? 2 : 1;
        });
    return cli.execute(args);
  }

  @Override
  public Integer call() throws InterruptedException {
    MetabaseSimulator sim = start();
    out.println(
        "Metabase simulator "
            + sim.versionTag()
            + " ("
            + (paid ? "paid" : "free")
            + ", dataset "
            + dataset
            + ") listening");
    out.println("METABASE_BASE_URL=" + sim.baseUrl());
    out.println("METABASE_API_KEY=" + sim.adminApiKey());
    out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.err.println(
                      "metabase-sim: stopping"); // JUL handlers may already be closed here
                  sim.close();
                  stopped.countDown();
                },
                "metabase-sim-shutdown"));
    stopped.await();
    return 0;
  }

  /** Builds and starts the simulator from the options (IllegalArgumentException for bad values). */
  MetabaseSimulator start() {
    MetabaseVersion version = MetabaseVersion.parse(metabaseVersion);
    FaultConfig faults =
        FaultConfig.builder()
            .seed(seed)
            .latencyMs(latencyMs)
            .jitterMs(jitterMs)
            .errorRate(errorRate)
            .errorStatuses(errorStatuses)
            .resetRate(resetRate)
            .truncateRate(truncateRate)
            .slowBodyRate(slowBodyRate)
            .lostAnswerRate(lostAnswerRate)
            .versionTag(reportVersion)
            .build();
    MetabaseSimulator.Builder b =
        MetabaseSimulator.builder()
            .version(version)
            .paid(paid)
            .dataset(dataset())
            .port(port)
            .bind(bind)
            .seed(seed)
            .threads(threads)
            .faults(faults);
    if (apiKey != null) {
      b.apiKey(apiKey);
    }
    return b.start();
  }

  private Dataset dataset() {
    return switch (dataset) {
      case "demo" -> Dataset.demo();
      case "empty" -> Dataset.empty();
      case "scale" ->
          Dataset.scale(
              new ScaleParameters(
                  scaleUsers,
                  scaleGroups,
                  scaleMemberships,
                  scaleDatabases,
                  scaleDeactivated,
                  seed,
                  scaleCollections,
                  scaleApiKeys));
      default -> {
        Path file = Path.of(dataset);
        if (!dataset.endsWith(".json")) {
          throw new IllegalArgumentException(
              "unknown dataset '" + dataset + "' (expected demo, scale, empty or a .json file)");
        }
        yield Dataset.fromJson(file);
      }
    };
  }

  private static void configureLogging() {
    Logger root = Logger.getLogger("");
    for (var h : root.getHandlers()) {
      root.removeHandler(h);
    }
    System.setProperty(
        "java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT.%1$tL %4$s %3$s - %5$s%6$s%n");
    ConsoleHandler stderr = new ConsoleHandler();
    stderr.setFormatter(new SimpleFormatter());
    stderr.setLevel(Level.INFO);
    root.addHandler(stderr);
    root.setLevel(Level.INFO);
  }
}
