package org.batonjava.sdk.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.batonjava.sdk.c1z.SyncStats;
import org.batonjava.sdk.connector.Connector;
import org.batonjava.sdk.connector.GoSdkShape;
import org.batonjava.sdk.sync.SyncOptions;
import org.batonjava.sdk.sync.SyncReport;

/**
 * Runs {@link BatonApp} in-process with the Metabase fields, an injected environment and working
 * directory, captured stdout/stderr, a fake connector, a fake sync job and fake shutdown signals.
 */
final class CliHarness {
  final Map<String, String> env = new HashMap<>();
  final Path workingDirectory;
  boolean stdoutIsTerminal;
  int processors = 8;
  GoSdkShape shape = GoSdkShape.V0_25_0;
  String displayName = "Metabase";
  Connector connector = new FakeMetabaseConnector(false);

  /** What the fake sync job does with the options it is given; by default it succeeds. */
  Function<SyncOptions, SyncReport> sync = options -> report();

  /** When set, used instead of the fake sync job (e.g. {@link SyncJob#engine()}). */
  SyncJob.Factory realJobs;

  ResolvedConfig config;
  final List<SyncOptions> syncs = new ArrayList<>();
  final List<Runnable> registeredCancels = new ArrayList<>();
  int closedRegistrations;
  int cancels;

  private ByteArrayOutputStream out = new ByteArrayOutputStream();
  private ByteArrayOutputStream err = new ByteArrayOutputStream();

  CliHarness(Path workingDirectory) {
    this.workingDirectory = workingDirectory;
  }

  /** Sets the two required Metabase values in the environment. */
  CliHarness withRequiredEnv() {
    env.put("BATON_METABASE_BASE_URL", "https://metabase.example.com");
    env.put("BATON_METABASE_API_KEY", "mb_TOPSECRETKEY");
    return this;
  }

  int run(String... args) {
    out = new ByteArrayOutputStream();
    err = new ByteArrayOutputStream();
    RunEnvironment environment =
        new RunEnvironment(
            env, workingDirectory, print(out), print(err), stdoutIsTerminal, processors);
    return BatonApp.builder()
        .name("baton-metabase")
        .version("v1.2.3")
        .displayName(displayName)
        .helpUrl("/docs/baton/metabase")
        .iconUrl("/static/app-icons/metabase.svg")
        .fields(MetabaseFields.all())
        .goSdkShape(shape)
        .connectorFactory(
            resolved -> {
              config = resolved;
              return connector;
            })
        .environment(environment)
        .syncJobs(realJobs != null ? realJobs : this::fakeJob)
        .shutdownSignals(
            cancel -> {
              registeredCancels.add(cancel);
              return () -> closedRegistrations++;
            })
        .build()
        .run(args);
  }

  private SyncJob fakeJob(Connector connector, SyncOptions options) {
    return new SyncJob() {
      @Override
      public SyncReport run() {
        syncs.add(options);
        return sync.apply(options);
      }

      @Override
      public void cancel() {
        cancels++;
      }
    };
  }

  String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  static SyncReport report() {
    return new SyncReport(
        "2ABCDEFGHIJKLMNOPQRSTUVWXYZ",
        false,
        new SyncStats(
            2, 10, 7, 25, 0, new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), new TreeMap<>()),
        0,
        Duration.ofMillis(1234));
  }

  private static PrintStream print(ByteArrayOutputStream buffer) {
    return new PrintStream(buffer, true, StandardCharsets.UTF_8);
  }
}
