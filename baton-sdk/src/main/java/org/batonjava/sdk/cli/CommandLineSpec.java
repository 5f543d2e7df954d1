package org.batonjava.sdk.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.batonjava.sdk.config.ConfigField;
import org.batonjava.sdk.config.FieldKind;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/**
 * The picocli model of the connector binary: the root command (sync / provisioning / service), the
 * {@code capabilities}, {@code config} and {@code help} subcommands, and one option per {@link
 * ConfigField} on each of them (Go's flags are persistent, so they may come before or after the
 * subcommand). Options carry no picocli defaults: only what was typed is read back, and {@link
 * ConfigResolver} applies the other sources.
 */
final class CommandLineSpec {
  static final String CAPABILITIES = "capabilities";
  static final String CONFIG = "config";
  static final String HELP = "help";

  /** The subcommands every binary has; an extra command cannot take one of these names. */
  static final Set<String> BUILT_IN = Set.of(CAPABILITIES, CONFIG, HELP, HealthCheckCommand.NAME);

  private CommandLineSpec() {}

  static CommandLine build(
      String name, String version, String description, List<ConfigField> fields) {
    return build(name, version, description, fields, List.of());
  }

  /**
   * As above, with {@code extras} listed among the subcommands (in name order, as cobra lists
   * them).
   */
  static CommandLine build(
      String name,
      String version,
      String description,
      List<ConfigField> fields,
      List<ExtraCommand> extras) {
    CommandSpec root = command(name, fields);
    root.version(name + " version " + version);
    root.usageMessage()
        .synopsisHeading("Usage:%n")
        .customSynopsis("  " + name + " [flags]", "  " + name + " [command]")
        .description(escape(description))
        .commandListHeading("%nAvailable Commands:%n")
        .optionListHeading("%nFlags:%n")
        .footer("%nUse \"" + name + " [command] --help\" for more information about a command.");
    Map<String, CommandLine> subcommands = new TreeMap<>();
    subcommands.put(
        CAPABILITIES, subcommand(name, CAPABILITIES, "Get connector capabilities", fields));
    subcommands.put(CONFIG, subcommand(name, CONFIG, "Get the connector config schema", fields));
    CommandLine healthCheck =
        subcommand(
            name,
            HealthCheckCommand.NAME,
            "Query a running connector's health server" + " (exit 0 only when it answers 200)",
            fields);
    healthCheck
        .getCommandSpec()
        .addOption(
            OptionSpec.builder("--" + HealthCheckCommand.ENDPOINT)
                .type(String.class)
                .paramLabel("health|ready|live")
                .description("The endpoint to query (default health)")
                .build());
    healthCheck
        .getCommandSpec()
        .addOption(
            OptionSpec.builder("--" + HealthCheckCommand.TIMEOUT)
                .type(String.class)
                .paramLabel("seconds")
                .description("How long to wait (default 5)")
                .build());
    subcommands.put(HealthCheckCommand.NAME, healthCheck);
    CommandSpec help = CommandSpec.create().name(HELP);
    help.usageMessage().description("Help about any command");
    help.addPositional(
        PositionalParamSpec.builder()
            .arity("0..1")
            .paramLabel("[command]")
            .type(String.class)
            .build());
    subcommands.put(HELP, new CommandLine(help));
    for (ExtraCommand extra : extras) {
      CommandSpec spec = CommandSpec.create().name(extra.name());
      spec.usageMessage().description(escape(extra.summary()));
      subcommands.put(extra.name(), new CommandLine(spec));
    }
    subcommands.forEach(root::addSubcommand);

    CommandLine commandLine = new CommandLine(root);
    commandLine.setOverwrittenOptionsAllowed(true);
    commandLine.setExpandAtFiles(false);
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    return commandLine;
  }

  /**
   * The options typed on the command line at any level, by field name; the innermost level wins.
   */
  static Map<String, Object> typedFlags(ParseResult result) {
    Map<String, Object> flags = new LinkedHashMap<>();
    for (ParseResult level = result; level != null; level = level.subcommand()) {
      for (OptionSpec option : level.matchedOptions()) {
        if (option.usageHelp() || option.versionHelp()) {
          continue;
        }
        flags.put(option.longestName().substring(2), option.getValue());
      }
    }
    return flags;
  }

  /** The innermost subcommand's parse result. */
  static ParseResult innermost(ParseResult result) {
    ParseResult level = result;
    while (level.subcommand() != null) {
      level = level.subcommand();
    }
    return level;
  }

  private static CommandLine subcommand(
      String app, String name, String description, List<ConfigField> fields) {
    CommandSpec spec = command(name, fields);
    spec.usageMessage()
        .synopsisHeading("Usage:%n")
        .customSynopsis("  " + app + " " + name + " [flags]")
        .description(description)
        .optionListHeading("%nFlags:%n");
    return new CommandLine(spec);
  }

  private static CommandSpec command(String name, List<ConfigField> fields) {
    CommandSpec spec = CommandSpec.create().name(name);
    spec.interpolateVariables(false);
    spec.usageMessage().sortOptions(true).abbreviateSynopsis(true);
    for (ConfigField field : fields) {
      spec.addOption(option(field));
    }
    spec.addOption(
        OptionSpec.builder("-h", "--help").usageHelp(true).description("help for " + name).build());
    spec.addOption(
        OptionSpec.builder("-v", "--version")
            .versionHelp(true)
            .description("version for " + name)
            .build());
    return spec;
  }

  private static OptionSpec option(ConfigField field) {
    List<String> names = new ArrayList<>();
    if (!field.shortName().isEmpty()) {
      names.add("-" + field.shortName());
    }
    names.add(field.flag());
    OptionSpec.Builder option =
        OptionSpec.builder(names.toArray(String[]::new))
            .description(escape(helpText(field)))
            .hidden(field.hidden())
            .paramLabel(field.kind().label())
            .hideParamSyntax(false);
    switch (field.kind()) {
      case BOOL -> option.type(boolean.class).arity("0..1");
      case STRING_LIST ->
          option.type(List.class).auxiliaryTypes(String.class).splitRegex(",").arity("1");
      default -> option.type(String.class).arity("1");
    }
    return option.build();
  }

  /**
   * Description, the environment variable and (never for secrets) the default, like cobra with
   * viper.
   */
  static String helpText(ConfigField field) {
    StringBuilder text = new StringBuilder(field.description());
    if (field.required()) {
      text.append(" (required)");
    }
    text.append(" ($").append(field.envVar()).append(")");
    if (!field.secret() && !field.defaultText().isEmpty() && !"false".equals(field.defaultText())) {
      text.append(" (default ");
      text.append(
          field.kind() == FieldKind.STRING
              ? "\"" + field.defaultText() + "\""
              : field.defaultText());
      text.append(")");
    }
    return text.toString();
  }

  private static String escape(String text) {
    return text.replace("%", "%%");
  }
}
