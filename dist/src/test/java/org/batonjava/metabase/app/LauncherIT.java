package org.batonjava.metabase.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The packaged launchers in {@code bin/}, run as a person would run them, against the built jar.
 */
class LauncherIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path ROOT =
      Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();

  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  Run run(String launcher, String... args) throws Exception {
    return runWith(java.util.Map.of(), launcher, args);
  }

  /** {@link #run} with extra environment variables. */
  Run runWith(java.util.Map<String, String> env, String launcher, String... args) throws Exception {
    List<String> command =
        new ArrayList<>(List.of(ROOT.resolve("bin").resolve(launcher).toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("BATON_"));
    pb.environment().putAll(env);
    Path out = dir.resolve("stdout.txt");
    Path err = dir.resolve("stderr.txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as(launcher + " finished").isTrue();
    return new Run(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  static JsonNode goOutput(String name) throws IOException {
    Path file =
        ROOT.resolve("testdata/go-outputs")
            .resolve(name); // copies of the Go files (testdata/README.md)
    return JSON.readTree(file.toFile());
  }

  @ParameterizedTest
  @ValueSource(strings = {"baton-metabase", "baton-metabase-v049", "baton-metabase-v056"})
  void configPrintsWhatTheGoConnectorPrints(String launcher) throws Exception {
    Run config = run(launcher, "config");
    assertThat(config.code()).as(config.err()).isZero();
    assertThat(JSON.readTree(config.out())).isEqualTo(goOutput(launcher + ".config_schema.json"));
  }

  /**
   * {@code capabilities} equals the Go connector's output, except the two documented additions
   * (docs/COMPATIBILITY.md, P8 and P14): the {@code database} resource type also has {@code
   * CAPABILITY_PROVISION}, and a password chosen in ConductorOne ({@code ENCRYPTED_PASSWORD}) is a
   * supported credential option.
   */
  @ParameterizedTest
  @ValueSource(strings = {"baton-metabase", "baton-metabase-v049", "baton-metabase-v056"})
  void capabilitiesAreTheGoConnectorsPlusDatabaseProvisioning(String launcher) throws Exception {
    Run caps =
        run(
            launcher,
            "capabilities",
            "--metabase-base-url",
            "http://127.0.0.1:9",
            "--metabase-api-key",
            "mb_x");
    assertThat(caps.code()).as(caps.err()).isZero();
    JsonNode expected =
        withChosenPasswords(goOutput(launcher + ".baton_capabilities.json").deepCopy());
    for (JsonNode rt : expected.path("resourceTypeCapabilities")) {
      if (rt.path("resourceType").path("id").asText().equals("database")) {
        ((ArrayNode) rt.path("capabilities")).add("CAPABILITY_PROVISION");
      }
    }
    assertThat(JSON.readTree(caps.out())).isEqualTo(expected);
  }

  /**
   * {@code baton-metabase --metabase-version auto}: the Go connector's capabilities plus a
   * provisionable database.
   */
  @Test
  void autoModeCapabilitiesAddTheDatabaseType() throws Exception {
    Run caps =
        run(
            "baton-metabase",
            "capabilities",
            "--metabase-version",
            "auto",
            "--metabase-base-url",
            "http://127.0.0.1:9",
            "--metabase-api-key",
            "mb_x");
    assertThat(caps.code()).as(caps.err()).isZero();
    ObjectNode expected =
        withChosenPasswords(goOutput("baton-metabase.baton_capabilities.json").deepCopy());
    ObjectNode database = JSON.createObjectNode();
    database.putObject("resourceType").put("id", "database").put("displayName", "Database");
    database.putArray("capabilities").add("CAPABILITY_SYNC").add("CAPABILITY_PROVISION");
    database.putObject("permissions");
    ((ArrayNode) expected.path("resourceTypeCapabilities")).insert(0, database);
    // extended access is on by default in auto mode: API keys (sync) and collections (sync,
    // provision)
    ObjectNode collection = JSON.createObjectNode();
    collection.putObject("resourceType").put("id", "collection").put("displayName", "Collection");
    collection.putArray("capabilities").add("CAPABILITY_SYNC").add("CAPABILITY_PROVISION");
    collection.putObject("permissions");
    ((ArrayNode) expected.path("resourceTypeCapabilities")).insert(0, collection);
    // application permissions (paid servers only at sync time; always declared): sync, provision
    ObjectNode application = JSON.createObjectNode();
    application
        .putObject("resourceType")
        .put("id", "application_permission")
        .put("displayName", "Application Permission");
    application.putArray("capabilities").add("CAPABILITY_SYNC").add("CAPABILITY_PROVISION");
    application.putObject("permissions");
    ((ArrayNode) expected.path("resourceTypeCapabilities")).insert(0, application);
    ObjectNode apiKey = JSON.createObjectNode();
    ObjectNode apiKeyType =
        apiKey.putObject("resourceType").put("id", "api_key").put("displayName", "API Key");
    apiKeyType.putArray("traits").add("TRAIT_USER");
    apiKey.putArray("capabilities").add("CAPABILITY_SYNC");
    apiKey.putObject("permissions");
    ((ArrayNode) expected.path("resourceTypeCapabilities")).insert(0, apiKey);
    assertThat(JSON.readTree(caps.out())).isEqualTo(expected);
  }

  /**
   * A Go-named variant keeps Go's capabilities unless the extended-access switch is given; then it
   * gains both.
   */
  @Test
  void extendedAccessSwitchAddsKeysAndCollectionsToAGoNamedVariant() throws Exception {
    Run plain =
        run(
            "baton-metabase-v056",
            "capabilities",
            "--metabase-base-url",
            "http://127.0.0.1:9",
            "--metabase-api-key",
            "mb_x");
    assertThat(plain.code()).as(plain.err()).isZero();
    assertThat(plain.out())
        .doesNotContain("api_key")
        .doesNotContain("collection")
        .doesNotContain("application_permission");
    Run on =
        run(
            "baton-metabase-v056",
            "capabilities",
            "--metabase-extended-access",
            "--metabase-base-url",
            "http://127.0.0.1:9",
            "--metabase-api-key",
            "mb_x");
    assertThat(on.code()).as(on.err()).isZero();
    assertThat(on.out())
        .contains("\"api_key\"")
        .contains("\"collection\"")
        .contains("\"application_permission\"");
    Run off =
        run(
            "baton-metabase",
            "capabilities",
            "--metabase-version",
            "auto",
            "--metabase-extended-access=false",
            "--metabase-base-url",
            "http://127.0.0.1:9",
            "--metabase-api-key",
            "mb_x");
    assertThat(off.code()).as(off.err()).isZero();
    assertThat(off.out()).doesNotContain("api_key").contains("\"database\"");
    Run config = run("baton-metabase-v056", "config");
    assertThat(config.out()).doesNotContain("extended");
    Run viaEnv =
        runWith(
            java.util.Map.of("BATON_METABASE_EXTENDED_ACCESS", "true"),
            "baton-metabase-v049",
            "capabilities",
            "--metabase-base-url",
            "http://127.0.0.1:9",
            "--metabase-api-key",
            "mb_x");
    assertThat(viaEnv.code()).as(viaEnv.err()).isZero();
    assertThat(viaEnv.out()).contains("\"api_key\"").contains("\"collection\"");
  }

  /**
   * The demo lists the API keys (admin keys flagged) and who can view or curate each top-level
   * collection.
   */
  @Test
  void demoShowsKeysAndCollectionAccess() throws Exception {
    Run demo = run("baton-metabase", "demo", "--file", dir.resolve("demo.c1z").toString());
    assertThat(demo.code()).as(demo.err()).isZero();
    assertThat(demo.out())
        .contains("API keys (non-human accounts):")
        .containsPattern("ETL pipeline +Administrators +mb_\\S+ +ADMIN: full administrator access")
        .containsPattern("Board report export +Contractors +mb_\\S+\\n")
        .contains(
            "Collections (top level; who can view / curate, users and keys through their groups):")
        .contains("  Finance\n    view:    groups Administrators, Analysts, Finance; users ")
        .doesNotContain("Board\n    view:")
        .doesNotContain("Personal Collection");
    assertThat(demo.out()).doesNotContain("mb_SimulatorDemoKey");
  }

  /**
   * The Go capabilities with ENCRYPTED_PASSWORD added after RANDOM_PASSWORD (COMPATIBILITY.md P14).
   */
  private static ObjectNode withChosenPasswords(JsonNode goCapabilities) {
    ObjectNode caps = (ObjectNode) goCapabilities;
    ArrayNode options =
        (ArrayNode)
            caps.path("credentialDetails")
                .path("capabilityAccountProvisioning")
                .path("supportedCredentialOptions");
    assertThat(options).hasSize(1);
    options.add("CAPABILITY_DETAIL_CREDENTIAL_OPTION_ENCRYPTED_PASSWORD");
    return caps;
  }

  @Test
  void versionAndMissingFlags() throws Exception {
    Run version = run("baton-metabase-v056", "--version");
    assertThat(version.out()).startsWith("baton-metabase-v056 version 0.1.0");
    Run missing = run("baton-metabase-v049");
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.err())
        .isEqualTo("error: --metabase-base-url is required (or set BATON_METABASE_BASE_URL)\n");
  }

  @Test
  void anUnreachableServerIsOneLineWithoutTheKey() throws Exception {
    Run r =
        run(
            "baton-metabase",
            "--metabase-base-url",
            "http://127.0.0.1:9",
            "--metabase-api-key",
            "mb_VERYSECRET42");
    assertThat(r.code()).isEqualTo(1);
    String lastLine = r.err().strip().lines().reduce((a, b) -> b).orElse("");
    assertThat(lastLine).startsWith("error: ").contains("127.0.0.1:9");
    assertThat(r.err() + r.out()).doesNotContain("mb_VERYSECRET42").doesNotContain("\tat ");
    assertThat(dir.resolve("sync.c1z")).doesNotExist();
  }

  @Test
  void demoSyncsTheSimulatorAndTheBatonCliReadsTheFile() throws Exception {
    Run demo = run("baton-metabase", "demo", "--paid");
    assertThat(demo.code()).as(demo.err()).isZero();
    assertThat(demo.out())
        .contains("Users: 10, 1 disabled, 9 enabled")
        .contains("Finance                  1 member(s), managed by Jane Doe")
        .contains(
            "query-builder-and-native:  Administrators, Analysts, Engineering (7 user(s) through these groups)");
    // the paid-build scenario: Finance downloads 10k rows, Settings through Engineering, row-level
    // security
    assertThat(demo.out())
        .containsPattern("download-limited: +Analysts, Finance \\(")
        .contains("Application permissions (paid; users and keys through their groups):")
        .containsPattern("Settings: +groups Administrators, Engineering; users .*Grace Hopper")
        .contains("Row-level security (paid; the user attributes that decide each group's scope):")
        .containsPattern(
            "Marketing Analytics +Marketing +sandboxed — table 23 \\(marketing\\): region")
        .containsPattern(
            "Finance Warehouse +Finance +impersonated — role attribute: warehouse_role");
    Path file = dir.resolve("sync.c1z");
    assertThat(file).exists();
    // The demo ends with the access review next to the file, and says where it is.
    assertThat(demo.out()).contains("Wrote the access review to " + dir.resolve("report.html"));
    assertThat(Files.readString(dir.resolve("report.html")))
        .contains("Metabase access review")
        .contains("Jane Doe");
    Path baton = ROOT.resolve("tools/baton-cli/bin/baton");
    assertThat(Files.isExecutable(baton))
        .as("the baton CLI (%s) is built by tools/baton-cli/build.sh", baton)
        .isTrue();
    Process p =
        new ProcessBuilder(
                baton.toString(),
                "-f",
                file.toString(),
                "resources",
                "-t",
                "database",
                "-o",
                "json")
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    List<String> names = new ArrayList<>();
    JSON.readTree(out)
        .path("resources")
        .forEach(r -> names.add(r.path("resource").path("displayName").asText()));
    assertThat(names)
        .containsExactlyInAnyOrder(
            "Sample Database", "Finance Warehouse", "Marketing Analytics", "Product Events");
  }

  @Test
  void reportRefusesAPebbleFileInOneLine() throws Exception {
    Files.write(dir.resolve("v3.c1z"), new byte[] {'C', '1', 'Z', '3', 0, 9, 9});
    Run r = run("baton-metabase", "report", "--file", "v3.c1z");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err().strip().lines()).hasSize(1);
    assertThat(r.err()).startsWith("error: ").contains("v3 (Pebble)");
    assertThat(dir.resolve("report.html")).doesNotExist();
  }

  @Test
  void demoRejectsBadInputInOneLine() throws Exception {
    Run r = run("baton-metabase", "demo", "--metabase-version", "0.12");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err().strip().lines()).hasSize(1);
    assertThat(r.err()).startsWith("error: ");
  }

  /**
   * The lazy start-up paths stay honest: a wrong flag still fails at once with the one line that
   * names it, a non-zero exit and nothing on stdout, before anything is built, in every launcher
   * and after a subcommand too.
   */
  @ParameterizedTest
  @ValueSource(strings = {"baton-metabase", "baton-metabase-v049", "baton-metabase-v056"})
  void aWrongFlagFailsInOneLine(String launcher) throws Exception {
    Run root = run(launcher, "--metabase-base-urll", "http://127.0.0.1:9");
    assertThat(root.code()).isEqualTo(1);
    assertThat(root.out()).isEmpty();
    assertThat(root.err())
        .isEqualTo("error: unknown flag: --metabase-base-urll (see " + launcher + " --help)\n");
    Run sub = run(launcher, "capabilities", "--no-such-flag");
    assertThat(sub.code()).isEqualTo(1);
    assertThat(sub.out()).isEmpty();
    assertThat(sub.err().strip().lines()).hasSize(1);
    assertThat(sub.err()).startsWith("error: unknown flag: --no-such-flag");
  }

  /**
   * {@code capabilities}, {@code config} and {@code --help} load neither the service-mode stack
   * (gRPC, netty), nor the store (SQLite, zstd), nor TLS, nor Jackson's data binding: the class
   * list the JVM logs while each runs names none of them.
   */
  @Test
  void shortCommandsLoadNoNetworkStoreOrTlsClasses() throws Exception {
    List<List<String>> commands =
        List.of(
            List.of(
                "capabilities",
                "--metabase-base-url",
                "https://mb.example",
                "--metabase-api-key",
                "mb_x"),
            List.of("config"),
            List.of("--help"));
    for (List<String> command : commands) {
      Path log = dir.resolve("classes-" + command.get(0).replace("-", "") + ".txt");
      Run r =
          runWith(
              Map.of("BATON_JAVA_OPTS", "-Xlog:class+load=info:file=" + log),
              "baton-metabase-v056",
              command.toArray(String[]::new));
      assertThat(r.code()).as(r.err()).isZero();
      List<String> classes = Files.readAllLines(log);
      assertThat(classes).as("the class-load log of %s", command).hasSizeGreaterThan(500);
      assertThat(classes)
          .as("classes %s loads", command)
          .noneMatch(l -> l.contains(" io.grpc."))
          .noneMatch(l -> l.contains(" io.netty.") || l.contains(".shaded.io.netty."))
          .noneMatch(l -> l.contains(" org.sqlite."))
          .noneMatch(l -> l.contains(" com.github.luben.zstd."))
          .noneMatch(l -> l.contains(" javax.net.ssl.SSLContext "))
          .noneMatch(l -> l.contains(" com.fasterxml.jackson.databind.ObjectMapper "));
    }
  }

  /**
   * The launchers map the class-data-sharing archive built with the jar: the connector's classes
   * come from it, not from the jar.
   */
  @Test
  void theLaunchersUseTheStartupArchive() throws Exception {
    Path archive = ROOT.resolve("dist/target/baton-metabase.jsa");
    assertThat(archive).as("made by the package phase (dist/pom.xml)").exists();
    Path log = dir.resolve("classes.txt");
    Run r =
        runWith(
            Map.of("BATON_JAVA_OPTS", "-Xlog:class+load=info:file=" + log),
            "baton-metabase",
            "config");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Files.readAllLines(log))
        .anyMatch(l -> l.contains(" org.batonjava.sdk.cli.BatonApp source: shared objects file"))
        .anyMatch(l -> l.contains(" picocli.CommandLine source: shared objects file"));
  }

  /**
   * An archive the JVM cannot use (garbage, or one made for another copy of the jar) changes
   * nothing a person or a script sees: same stdout, exit 0, no JVM message on either stream.
   */
  @Test
  void anUnusableArchiveIsIgnoredSilently() throws Exception {
    Path jar = dir.resolve("copy/baton-metabase.jar");
    Files.createDirectories(jar.getParent());
    Files.copy(ROOT.resolve("dist/target/baton-metabase.jar"), jar);
    Path archive = dir.resolve("copy/baton-metabase.jsa");
    Run reference = run("baton-metabase-v049", "config");
    for (String kind : List.of("another jar's archive", "garbage")) {
      Files.deleteIfExists(archive);
      if (kind.equals("garbage")) {
        Files.write(archive, "not an archive".repeat(1000).getBytes(StandardCharsets.UTF_8));
      } else {
        Files.copy(ROOT.resolve("dist/target/baton-metabase.jsa"), archive);
      }
      assertThat(archive.toFile().setLastModified(jar.toFile().lastModified() + 60_000)).isTrue();
      Run r =
          runWith(Map.of("BATON_METABASE_JAR", jar.toString()), "baton-metabase-v049", "config");
      assertThat(r.code()).as(kind + ": " + r.err()).isZero();
      assertThat(r.out()).as(kind).isEqualTo(reference.out());
      assertThat(r.err()).as(kind).isEmpty();
    }
  }

  /**
   * The launcher's JVM defaults (serial collector, a heap starting at 16 MiB with 8 MiB for new
   * objects) apply unless the person chose their own in {@code BATON_JAVA_OPTS}: another collector
   * or heap size replaces them without a conflict or a warning, even a maximum below the default
   * start or the default room for new objects; a chosen heap size gets a fifth of it for new ones.
   */
  @Test
  void defaultJvmOptionsGiveWayToTheUsers() throws Exception {
    Run defaults =
        runWith(Map.of("BATON_JAVA_OPTS", "-XX:+PrintFlagsFinal"), "baton-metabase", "--version");
    assertThat(defaults.code()).as(defaults.err()).isZero();
    assertThat(defaults.out())
        .containsPattern("bool UseSerialGC +:?= true")
        .containsPattern("size_t InitialHeapSize +:?= 16777216 ")
        .containsPattern("size_t NewSize +:?= 8388608 ")
        .containsPattern("size_t MaxNewSize +:?= 8388608 ")
        .containsPattern("bool ShrinkHeapInSteps +:?= false")
        .endsWith("baton-metabase version 0.1.0-SNAPSHOT\n");
    Run chosen =
        runWith(
            Map.of("BATON_JAVA_OPTS", "-XX:+UseG1GC -Xmx200m -XX:+PrintFlagsFinal"),
            "baton-metabase",
            "--version");
    assertThat(chosen.code()).as(chosen.err()).isZero();
    assertThat(chosen.out())
        .containsPattern("bool UseG1GC +:?= true")
        .containsPattern("bool UseSerialGC +:?= false")
        .containsPattern("uintx NewRatio +:?= 2 ")
        .containsPattern("bool ShrinkHeapInSteps +:?= true")
        .containsPattern("size_t MaxHeapSize +:?= 209715200 ");
    Run small =
        runWith(
            Map.of("BATON_JAVA_OPTS", "-Xmx8m -XX:+PrintFlagsFinal"),
            "baton-metabase",
            "--version");
    assertThat(small.code()).as(small.err()).isZero();
    assertThat(small.err()).isEmpty();
    assertThat(small.out())
        .containsPattern("size_t MaxHeapSize +:?= 8388608 ")
        .containsPattern("uintx NewRatio +:?= 4 ");
  }

  /**
   * Every run but service mode stops at the quick compiler: a one-shot provisioning run, a one-shot
   * sync and a short command, even with a client id in the environment; service mode (a client id
   * as a flag or in the environment) keeps both compilers, and so does a person who asks for them.
   */
  @Test
  void onlyServiceModeUsesTheOptimisingCompiler() throws Exception {
    Map<String, String> flags = Map.of("BATON_JAVA_OPTS", "-XX:+PrintFlagsFinal");
    Run oneShot =
        runWith(
            flags,
            "baton-metabase",
            "--revoke-grant",
            "group:3:member:user:7",
            "--metabase-base-url",
            "http://127.0.0.1:9",
            "--metabase-api-key",
            "mb_x");
    assertThat(oneShot.code()).isEqualTo(1);
    assertThat(oneShot.out()).containsPattern("intx TieredStopAtLevel +:?= 1 ");
    String[] sync = {"--metabase-base-url", "http://127.0.0.1:9", "--metabase-api-key", "mb_x"};
    Run oneShotSync = runWith(flags, "baton-metabase", sync);
    assertThat(oneShotSync.code()).isEqualTo(1);
    assertThat(oneShotSync.out()).containsPattern("intx TieredStopAtLevel +:?= 1 ");
    Run optimising =
        runWith(
            Map.of("BATON_JAVA_OPTS", "-XX:+PrintFlagsFinal -XX:TieredStopAtLevel=4"),
            "baton-metabase",
            sync);
    assertThat(optimising.out()).containsPattern("intx TieredStopAtLevel +:?= 4 ");
    Run service =
        runWith(
            flags, "baton-metabase", "--revoke-grant", "group:3:member:user:7", "--client-id", "x");
    assertThat(service.out()).containsPattern("intx TieredStopAtLevel +:?= 4 ");
    Map<String, String> serviceEnv =
        Map.of("BATON_JAVA_OPTS", "-XX:+PrintFlagsFinal", "BATON_CLIENT_ID", "x");
    assertThat(runWith(serviceEnv, "baton-metabase", sync).out())
        .containsPattern("intx TieredStopAtLevel +:?= 4 ");
    assertThat(runWith(serviceEnv, "baton-metabase", "capabilities").out())
        .containsPattern("intx TieredStopAtLevel +:?= 1 ");
  }

  /** The three launchers are one script: they differ only in their name and main class. */
  @Test
  void theLaunchersDifferOnlyInNameAndMainClass() throws Exception {
    String plain = Files.readString(ROOT.resolve("bin/baton-metabase"));
    for (String variant : List.of("v049", "v056")) {
      String other = Files.readString(ROOT.resolve("bin/baton-metabase-" + variant));
      assertThat(
              other
                  .replace("baton-metabase-" + variant, "baton-metabase")
                  .replace(
                      "BatonMetabase" + variant.toUpperCase(java.util.Locale.ROOT),
                      "BatonMetabase"))
          .isEqualTo(plain);
    }
  }

  /** A Java class name as exceptions print them, e.g. java.io.EOFException. */
  private static final String JAVA_CLASS =
      "(?s).*\\b([a-z][a-z0-9]*\\.)+[A-Z][A-Za-z0-9]*(Exception|Error|<).*";

  /**
   * Hostile input through the real launchers: a key with a final newline (as a Kubernetes secret
   * made from a file has) is trimmed with a warning; a key with CR-LF, a control or a non-ASCII
   * character inside is refused; broken JSON in the provisioning flags is named in the user's
   * terms. Never the key, a stack trace or a Java class name.
   */
  @ParameterizedTest
  @ValueSource(strings = {"baton-metabase", "baton-metabase-v049", "baton-metabase-v056"})
  void hostileInputIsOneLineWithoutTheKeyOrJavaNames(String launcher) throws Exception {
    String key = "mb_HOSTILEKEY0123456789";
    Map<String, String> trailing =
        Map.of(
            "BATON_METABASE_BASE_URL", "http://127.0.0.1:9", "BATON_METABASE_API_KEY", key + "\n");
    Run trimmed = runWith(trailing, launcher);
    assertThat(trimmed.code()).isEqualTo(1);
    assertThat(trimmed.err())
        .contains(
            "--metabase-api-key (from BATON_METABASE_API_KEY) had leading or trailing"
                + " whitespace")
        .contains("127.0.0.1:9");
    for (String bad :
        List.of(
            key.replace("KEY", "\r\nKEY"),
            key.replace("KEY", "\u00e9KEY"),
            key.replace("KEY", "\u0007"))) {
      Run refused =
          runWith(
              Map.of(
                  "BATON_METABASE_BASE_URL", "http://127.0.0.1:9", "BATON_METABASE_API_KEY", bad),
              launcher);
      assertThat(refused.code()).isEqualTo(1);
      assertThat(refused.err())
          .isEqualTo(
              "error: --metabase-api-key (from BATON_METABASE_API_KEY) contains a space, a"
                  + " control character or a non-ASCII character inside the value; a secret must be printable ASCII. Copy the"
                  + " value again (the value is not shown)\n");
    }
    Run profile =
        runWith(
            Map.of("BATON_METABASE_BASE_URL", "http://127.0.0.1:9", "BATON_METABASE_API_KEY", key),
            launcher,
            "--create-account-profile",
            "{first_name: Ann");
    assertThat(profile.code()).isEqualTo(1);
    assertThat(profile.err())
        .contains(
            "\nerror: --create-account-profile is not valid JSON: unexpected text at column 2");
    Run args =
        runWith(
            Map.of("BATON_METABASE_BASE_URL", "http://127.0.0.1:9", "BATON_METABASE_API_KEY", key),
            launcher,
            "--invoke-action",
            "disable_user",
            "--invoke-action-args",
            "{\"userId\":");
    assertThat(args.code()).isEqualTo(1);
    assertThat(args.err())
        .contains("error: --invoke-action-args is not valid JSON: input ends at column");
    for (Run r : List.of(trimmed, profile, args)) {
      assertThat(r.err() + r.out())
          .doesNotContain("HOSTILEKEY")
          .doesNotContain("0123456789")
          .doesNotContain("\tat ")
          .doesNotMatch(JAVA_CLASS);
      assertThat(r.err().lines().filter(l -> l.startsWith("error: "))).hasSize(1);
    }
    assertThat(dir.resolve("sync.c1z")).doesNotExist();
  }
}
