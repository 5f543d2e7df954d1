package org.batonjava.metabase.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.batonjava.metabase.connector.MetabaseVariant;
import org.batonjava.metabase.sim.MetabaseSimulator;
import org.batonjava.metabase.sim.data.Dataset;
import org.batonjava.sdk.cli.RunEnvironment;

/**
 * The training run of the class-data-sharing archive ({@code dist/target/baton-metabase.jsa}), made
 * at package time with {@code -XX:ArchiveClassesAtExit}: the JVM records every class this run
 * loads, and the launchers map them from the archive instead of reading, parsing and verifying them
 * from the jar at every start.
 *
 * <p>It runs, in one JVM and with all output discarded, what people start most: {@code config},
 * {@code capabilities}, help, version and the one-line errors of all three launchers, then a
 * one-shot grant and revoke (with the syncs they read) against the built-in simulator's demo
 * company over loopback HTTP. Exits non-zero, naming the command, when a command does not end as
 * expected, so that a broken start-up path fails the build instead of training a wrong archive.
 */
public final class StartupTraining {
  private static final String URL_FLAG = "--metabase-base-url";
  private static final String KEY_FLAG = "--metabase-api-key";
  private static final String UNREACHABLE = "http://127.0.0.1:9";
  private static final String SOME_KEY = "mb_TrainingKey";

  private final Path dir;
  private final List<String> failures = new ArrayList<>();

  private StartupTraining(Path dir) {
    this.dir = dir;
  }

  public static void main(String[] args) throws IOException {
    Path dir = Files.createTempDirectory("baton-metabase-training");
    List<String> failures;
    try {
      StartupTraining training = new StartupTraining(dir);
      training.shortCommands();
      training.oneShotProvisioning();
      failures = training.failures;
    } finally {
      deleteTree(dir);
    }
    for (String failure : failures) {
      System.err.println("startup training: " + failure);
    }
    System.exit(failures.isEmpty() ? 0 : 1);
  }

  private void shortCommands() {
    for (MetabaseVariant variant : MetabaseVariant.values()) {
      expect(variant, 0, "config");
      expect(variant, 0, "capabilities", URL_FLAG, UNREACHABLE, KEY_FLAG, SOME_KEY);
      expect(
          variant,
          0,
          "capabilities",
          "--metabase-extended-access",
          URL_FLAG,
          UNREACHABLE,
          KEY_FLAG,
          SOME_KEY);
      expect(variant, 0, "--help");
      expect(variant, 0, "help", "capabilities");
      expect(variant, 0, "--version");
      expect(variant, 1, "--no-such-flag");
      expect(variant, 1);
    }
    expect(
        MetabaseVariant.UNVERSIONED,
        0,
        "capabilities",
        "--metabase-version",
        "auto",
        URL_FLAG,
        UNREACHABLE,
        KEY_FLAG,
        SOME_KEY);
  }

  private void oneShotProvisioning() {
    try (MetabaseSimulator sim =
        MetabaseSimulator.builder().version("0.56").dataset(Dataset.demo()).port(0).start()) {
      String file = dir.resolve("training.c1z").toString();
      String[] server = {URL_FLAG, sim.baseUrl(), KEY_FLAG, sim.adminApiKey(), "--file", file};
      MetabaseVariant v = MetabaseVariant.V056;
      expect(v, 0, server);
      expect(
          v,
          0,
          with(
              server,
              "--grant-entitlement",
              "group:3:member",
              "--grant-principal",
              "7",
              "--grant-principal-type",
              "user"));
      expect(v, 0, server);
      expect(v, 0, with(server, "--revoke-grant", "group:3:member:user:7"));
      expect(v, 0, with(server, "--revoke-grant", "group:3:member:user:7"));
      expect(v, 1, with(server, "--revoke-grant", "group:3:member:user:999"));
    }
  }

  private static String[] with(String[] first, String... more) {
    List<String> all = new ArrayList<>(List.of(first));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  private void expect(MetabaseVariant variant, int code, String... args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    RunEnvironment environment =
        new RunEnvironment(
            Map.of(),
            dir,
            new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            false,
            Runtime.getRuntime().availableProcessors());
    int actual = MetabaseApp.of(variant, environment).run(args);
    if (actual != code) {
      failures.add(
          variant
              + " "
              + String.join(
                  " ", List.of(args).stream().map(a -> a.startsWith("mb_") ? "mb_…" : a).toList())
              + " exited "
              + actual
              + " instead of "
              + code
              + ": "
              + err.toString(StandardCharsets.UTF_8).strip());
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
