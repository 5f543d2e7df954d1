package org.batonjava.sdk.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.batonjava.sdk.config.ConfigField;
import org.batonjava.sdk.config.FieldRelation;
import org.batonjava.sdk.connector.CapabilitiesFactory;
import org.batonjava.sdk.connector.Connector;
import org.batonjava.sdk.connector.ConnectorDefinition;
import org.batonjava.sdk.connector.GoSdkShape;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The connector binary: flags, {@code BATON_*} environment and {@code .baton.yaml} in, one of
 * {@code capabilities}, {@code config}, help, version or a root run (sync, one-shot provisioning or
 * service mode) out. Command output goes to stdout, logs and errors to stderr.
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *   BatonApp.builder()
 *       .connector(new ExampleDefinition())   // names, settings and factory (a ConnectorDefinition)
 *       .version("v0.1.0")
 *       .goSdkShape(GoSdkShape.V0_25_0)
 *       .command(new ExampleDemoCommand())    // optional extra subcommands, listed in --help
 *       .build()
 *       .runAndExit(args);
 * }
 * }</pre>
 *
 * Exit codes: {@link #EXIT_OK} on success (including help, version, {@code capabilities} and {@code
 * config}); {@link #EXIT_FAILURE} for every failure, as the Go Metabase connectors' {@code main}
 * does; a sync stopped by SIGINT/SIGTERM ends with the JVM's signal status (130/143) after saving
 * its checkpoint.
 */
public final class BatonApp {
  private static final Logger LOG = LoggerFactory.getLogger(BatonApp.class);
  public static final int EXIT_OK = 0;
  public static final int EXIT_FAILURE = 1;

  private final String name;
  private final String version;
  private final String description;
  private final ConfigSchema schema;
  private final List<ConfigField> connectorFields;
  private final List<FieldRelation> connectorRelations;
  private final GoSdkShape shape;
  private final ConnectorFactory connectorFactory;
  private final RunEnvironment environment;
  private final SyncJob.Factory syncJobs;
  private final ShutdownSignals signals;
  private final List<ExtraCommand> commands;

  private BatonApp(Builder b) {
    this.name = Objects.requireNonNull(b.name, "name");
    this.version = b.version;
    this.description = b.description;
    this.schema = new ConfigSchema(b.displayName, b.helpUrl, b.iconUrl);
    this.connectorFields = List.copyOf(b.fields);
    this.connectorRelations = List.copyOf(b.relations);
    this.shape = b.shape;
    this.connectorFactory = Objects.requireNonNull(b.connectorFactory, "connectorFactory");
    this.environment = b.environment;
    this.syncJobs = b.syncJobs;
    this.signals = b.signals;
    this.commands = List.copyOf(b.commands);
    checkFieldNames();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Runs the command line {@code args} and exits the JVM with its exit code. */
  public void runAndExit(String... args) {
    System.exit(run(args));
  }

  /** Runs the command line {@code args}; returns the exit code. */
  public int run(String... args) {
    if (args.length > 0) {
      for (ExtraCommand extra : commands) {
        if (extra.name().equals(args[0])) {
          return extra.run(environment, Arrays.copyOfRange(args, 1, args.length));
        }
      }
    }
    List<ConfigField> fields = allFields();
    SecretRedactor redactor = SecretRedactor.of(fields, args, environment.env());
    ErrorReporter errors = new ErrorReporter(environment.err(), redactor);
    CommandLine commandLine = CommandLineSpec.build(name, version, description, fields, commands);

    ParseResult parsed;
    try {
      parsed = commandLine.parseArgs(args);
    } catch (ParameterException e) {
      return errors.fail(CommandLineProblems.describe(e));
    }
    ParseResult command = CommandLineSpec.innermost(parsed);
    if (helpRequested(parsed)) {
      command.commandSpec().commandLine().usage(environment.out());
      return EXIT_OK;
    }
    if (versionRequested(parsed)) {
      environment.out().println(name + " version " + version);
      return EXIT_OK;
    }
    String subcommand = command == parsed ? "" : command.commandSpec().name();
    if (subcommand.equals(CommandLineSpec.HELP)) {
      return help(commandLine, command, errors);
    }
    if (subcommand.equals(HealthCheckCommand.NAME)) {
      try {
        return new HealthCheckCommand(environment).run(CommandLineSpec.typedFlags(parsed));
      } catch (RuntimeException e) {
        return errors.fail(e);
      }
    }
    if (subcommand.equals(CommandLineSpec.CONFIG)) {
      print(
          ProtoJsonPrinter.print(
              schema.build(DefaultFields.fields(), connectorFields, connectorRelations, shape)));
      return EXIT_OK;
    }

    ResolvedConfig config;
    try {
      config = resolve(fields, CommandLineSpec.typedFlags(parsed));
    } catch (ConfigException e) {
      return errors.fail(e.getMessage());
    }
    redactor.addAll(config.secrets());
    LogSetup.configure(
        config.string(DefaultFields.LOG_LEVEL),
        LogFormat.of(config.string(DefaultFields.LOG_FORMAT), environment.stdoutIsTerminal()),
        environment.err());
    config.warnings().forEach(LOG::warn);
    try {
      if (subcommand.equals(CommandLineSpec.CAPABILITIES)) {
        Connector connector = connectorFactory.create(config);
        print(ProtoJsonPrinter.printAsAny(CapabilitiesFactory.derive(connector, shape)));
        return EXIT_OK;
      }
      RunMode mode = RunMode.select(config);
      Connector connector = connectorFactory.create(config);
      if (mode.kind() == RunMode.Kind.SERVICE) {
        return new ServiceCommand(environment, shape).run(connector, config);
      }
      if (mode.kind() == RunMode.Kind.ONE_SHOT) {
        return new ProvisionCommand(environment).run(mode, connector, config)
            ? EXIT_OK
            : errors.fail(mode.notSupportedMessage());
      }
      return new SyncCommand(environment, syncJobs, signals, errors).run(connector, config);
    } catch (RuntimeException e) {
      return errors.fail(e);
    }
  }

  private ResolvedConfig resolve(List<ConfigField> fields, java.util.Map<String, Object> flags) {
    List<FieldRelation> relations = new ArrayList<>(connectorRelations);
    relations.addAll(DefaultFields.relations());
    return new ConfigResolver(fields, relations)
        .resolve(
            flags,
            environment.env(),
            ConfigFile.locate(environment.env(), environment.workingDirectory()));
  }

  /** Connector fields first (their errors are the ones people hit), then the generic ones. */
  private List<ConfigField> allFields() {
    List<ConfigField> all = new ArrayList<>(connectorFields);
    all.addAll(DefaultFields.fields());
    return all;
  }

  private int help(CommandLine root, ParseResult command, ErrorReporter errors) {
    String topic = command.matchedPositionalValue(0, "");
    if (topic.isEmpty()) {
      root.usage(environment.out());
      return EXIT_OK;
    }
    for (ExtraCommand extra : commands) {
      if (extra.name().equals(topic)) {
        return extra.run(environment, "--help");
      }
    }
    CommandLine sub = root.getSubcommands().get(topic);
    if (sub == null) {
      return errors.fail("unknown help topic \"" + topic + "\"");
    }
    sub.usage(environment.out());
    return EXIT_OK;
  }

  private void print(String document) {
    environment.out().print(document);
    environment.out().flush();
  }

  private static boolean helpRequested(ParseResult parsed) {
    for (ParseResult level = parsed; level != null; level = level.subcommand()) {
      if (level.isUsageHelpRequested()) {
        return true;
      }
    }
    return false;
  }

  private static boolean versionRequested(ParseResult parsed) {
    for (ParseResult level = parsed; level != null; level = level.subcommand()) {
      if (level.isVersionHelpRequested()) {
        return true;
      }
    }
    return false;
  }

  private void checkFieldNames() {
    Set<String> names = new HashSet<>();
    for (ConfigField field : allFields()) {
      if (!names.add(field.name())) {
        throw new IllegalArgumentException("configuration field declared twice: " + field.name());
      }
    }
    Set<String> commandNames = new HashSet<>(CommandLineSpec.BUILT_IN);
    for (ExtraCommand extra : commands) {
      if (!commandNames.add(extra.name())) {
        throw new IllegalArgumentException("subcommand declared twice: " + extra.name());
      }
    }
    for (FieldRelation relation : connectorRelations) {
      for (String fieldName : relation.fieldNames()) {
        if (!names.contains(fieldName)) {
          throw new IllegalArgumentException("relation names an unknown field: " + fieldName);
        }
      }
    }
  }

  /** Configures a {@link BatonApp}; only {@code name} and {@code connectorFactory} are required. */
  public static final class Builder {
    private String name;
    private String version = "dev";
    private String description = "";
    private String displayName = "";
    private String helpUrl = "";
    private String iconUrl = "";
    private final List<ConfigField> fields = new ArrayList<>();
    private final List<FieldRelation> relations = new ArrayList<>();
    private GoSdkShape shape = GoSdkShape.V0_25_0;
    private ConnectorFactory connectorFactory;
    private RunEnvironment environment = RunEnvironment.system();
    private SyncJob.Factory syncJobs = SyncJob.engine();
    private ShutdownSignals signals = ShutdownSignals.jvm(Duration.ofSeconds(60));
    private final List<ExtraCommand> commands = new ArrayList<>();

    private Builder() {}

    /** The binary name, e.g. {@code baton-metabase}. */
    public Builder name(String value) {
      this.name = value;
      return this;
    }

    /** Printed by {@code --version} as {@code <name> version <version>}. */
    public Builder version(String value) {
      this.version = value;
      return this;
    }

    /** One paragraph at the top of {@code --help}. */
    public Builder description(String value) {
      this.description = value;
      return this;
    }

    /** The {@code config} schema's display name, e.g. {@code Metabase}. */
    public Builder displayName(String value) {
      this.displayName = value;
      return this;
    }

    public Builder helpUrl(String value) {
      this.helpUrl = value;
      return this;
    }

    public Builder iconUrl(String value) {
      this.iconUrl = value;
      return this;
    }

    /**
     * Registers a connector: its name, display name, description, help and icon URLs, its settings
     * and relations, and its factory.
     */
    public Builder connector(ConnectorDefinition definition) {
      name(definition.name());
      description(definition.description());
      displayName(definition.displayName());
      helpUrl(definition.helpUrl());
      iconUrl(definition.iconUrl());
      definition.settings().forEach(setting -> field(setting.field()));
      relations(definition.relations());
      return connectorFactory(definition::create);
    }

    /** The connector's own fields, in schema order; the SDK appends its generic ones. */
    public Builder fields(List<ConfigField> value) {
      this.fields.addAll(value);
      return this;
    }

    public Builder field(ConfigField value) {
      this.fields.add(value);
      return this;
    }

    /** Relations between the connector's fields (exported as schema constraints). */
    public Builder relations(List<FieldRelation> value) {
      this.relations.addAll(value);
      return this;
    }

    /**
     * Which Go SDK generation's {@code capabilities}/{@code config} output to imitate (default
     * v0.25.0).
     */
    public Builder goSdkShape(GoSdkShape value) {
      this.shape = value;
      return this;
    }

    /** Adds a subcommand (listed in {@code --help}); one line per command in the launcher. */
    public Builder command(ExtraCommand value) {
      this.commands.add(value);
      return this;
    }

    public Builder connectorFactory(ConnectorFactory value) {
      this.connectorFactory = value;
      return this;
    }

    /** For tests: environment variables, working directory, output streams, terminal detection. */
    public Builder environment(RunEnvironment value) {
      this.environment = value;
      return this;
    }

    /** For tests: how sync jobs are made (default: the SDK's sync engine). */
    public Builder syncJobs(SyncJob.Factory value) {
      this.syncJobs = value;
      return this;
    }

    /**
     * For tests: how SIGINT/SIGTERM reach a running sync (default: JVM shutdown hooks, 60 s wait).
     */
    public Builder shutdownSignals(ShutdownSignals value) {
      this.signals = value;
      return this;
    }

    public BatonApp build() {
      return new BatonApp(this);
    }
  }
}
