package org.batonjava.sdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flag beats {@code BATON_*} environment beats the YAML file beats the default. */
class ConfigPrecedenceTest {
  @TempDir Path dir;
  CliHarness cli;

  @BeforeEach
  void setUp() {
    cli = new CliHarness(dir);
  }

  @Test
  void flagBeatsEnvironmentBeatsFileBeatsDefault() throws IOException {
    Files.writeString(
        dir.resolve(".baton.yaml"),
        """
        metabase-base-url: https://from-file
        metabase-api-key: key-from-file
        http-timeout-seconds: 100
        task-concurrency: 7
        workers: 2
        """);
    cli.env.put("BATON_HTTP_TIMEOUT_SECONDS", "200");
    cli.env.put("BATON_TASK_CONCURRENCY", "9");

    int code = cli.run("--http-timeout-seconds", "300", "--metabase-base-url=https://from-flag");

    assertThat(code).as(cli.err()).isZero();
    ResolvedConfig config = cli.config;
    assertThat(config.string("metabase-base-url")).isEqualTo("https://from-flag");
    assertThat(config.origin("metabase-base-url").kind()).isEqualTo(ValueOrigin.Kind.COMMAND_LINE);
    assertThat(config.integer("http-timeout-seconds")).isEqualTo(300);
    assertThat(config.integer("task-concurrency")).isEqualTo(9);
    assertThat(config.origin("task-concurrency").label()).isEqualTo("BATON_TASK_CONCURRENCY");
    assertThat(config.integer("workers")).isEqualTo(2);
    assertThat(config.origin("workers").label()).isEqualTo(dir.resolve(".baton.yaml").toString());
    assertThat(config.secret("metabase-api-key").reveal()).isEqualTo("key-from-file");
    assertThat(config.integer("health-check-port")).isEqualTo(8081);
    assertThat(config.origin("health-check-port").kind()).isEqualTo(ValueOrigin.Kind.DEFAULT);
    assertThat(config.string("file")).isEqualTo("sync.c1z");
    assertThat(config.bool("metabase-with-paid-plan")).isFalse();
  }

  @Test
  void configPathVariableNamesTheFileRelativeToTheWorkingDirectory() throws IOException {
    Files.createDirectories(dir.resolve("conf"));
    Files.writeString(
        dir.resolve("conf/metabase.yml"),
        "metabase-base-url: https://from-yml\nmetabase-api-key: k-123\n");
    Files.writeString(dir.resolve(".baton.yaml"), "metabase-base-url: https://ignored\n");
    cli.env.put("BATON_CONFIG_PATH", "conf/metabase.yml");

    assertThat(cli.run()).as(cli.err()).isZero();

    assertThat(cli.config.string("metabase-base-url")).isEqualTo("https://from-yml");
  }

  @Test
  void configPathMustBeYaml() {
    cli.withRequiredEnv().env.put("BATON_CONFIG_PATH", "settings.json");

    assertThat(cli.run()).isEqualTo(1);

    assertThat(cli.err())
        .isEqualTo(
            "error: BATON_CONFIG_PATH must name a .yaml or .yml file, got \"settings.json\"\n");
  }

  @Test
  void configPathMustExist() {
    cli.withRequiredEnv().env.put("BATON_CONFIG_PATH", "missing.yaml");

    assertThat(cli.run()).isEqualTo(1);

    assertThat(cli.err())
        .isEqualTo(
            "error: config file "
                + dir.resolve("missing.yaml")
                + " (from BATON_CONFIG_PATH) does not exist\n");
  }

  @Test
  void brokenYamlIsReportedWithoutQuotingTheFile() throws IOException {
    Files.writeString(dir.resolve(".baton.yaml"), "metabase-api-key: [unclosed-SECRETVALUE\n");
    cli.withRequiredEnv();

    assertThat(cli.run()).isEqualTo(1);

    assertThat(cli.err())
        .startsWith("error: config file " + dir.resolve(".baton.yaml") + " is not valid YAML");
    assertThat(cli.err()).doesNotContain("SECRETVALUE").hasLineCount(1);
  }

  @Test
  void booleansFromTheEnvironmentAcceptTrueFalseOneZeroInAnyCase() {
    cli.withRequiredEnv();
    for (String truthy : new String[] {"true", "TRUE", "True", "1"}) {
      cli.env.put("BATON_METABASE_WITH_PAID_PLAN", truthy);
      assertThat(cli.run()).as(cli.err()).isZero();
      assertThat(cli.config.bool("metabase-with-paid-plan")).as(truthy).isTrue();
    }
    for (String falsy : new String[] {"false", "FALSE", "0"}) {
      cli.env.put("BATON_METABASE_WITH_PAID_PLAN", falsy);
      assertThat(cli.run()).as(cli.err()).isZero();
      assertThat(cli.config.bool("metabase-with-paid-plan")).as(falsy).isFalse();
    }
  }

  @Test
  void booleanFlagsWorkBareAndWithAValue() {
    cli.withRequiredEnv().env.put("BATON_METABASE_WITH_PAID_PLAN", "true");

    cli.run("--metabase-with-paid-plan=false");
    assertThat(cli.config.bool("metabase-with-paid-plan")).isFalse();

    cli.env.remove("BATON_METABASE_WITH_PAID_PLAN");
    cli.run("--metabase-with-paid-plan");
    assertThat(cli.config.bool("metabase-with-paid-plan")).isTrue();
  }

  @Test
  void emptyEnvironmentValuesCountAsUnset() throws IOException {
    Files.writeString(dir.resolve(".baton.yaml"), "log-level: warn\n");
    cli.withRequiredEnv().env.put("BATON_LOG_LEVEL", "");

    assertThat(cli.run()).as(cli.err()).isZero();

    assertThat(cli.config.string("log-level")).isEqualTo("warn");
  }

  @Test
  void listsComeCommaSeparatedFromTheEnvironmentAndAsYamlLists() throws IOException {
    cli.withRequiredEnv().env.put("BATON_SYNC_RESOURCE_TYPES", "user, group");
    assertThat(cli.run()).as(cli.err()).isZero();
    assertThat(cli.config.strings("sync-resource-types")).containsExactly("user", "group");

    cli.env.remove("BATON_SYNC_RESOURCE_TYPES");
    Files.writeString(dir.resolve(".baton.yaml"), "sync-resource-types:\n  - group\n  - user\n");
    assertThat(cli.run()).as(cli.err()).isZero();
    assertThat(cli.config.strings("sync-resource-types")).containsExactly("group", "user");

    assertThat(cli.run("--sync-resource-types", "user,group", "--sync-resource-types=user"))
        .isZero();
    assertThat(cli.config.strings("sync-resource-types")).containsExactly("user", "group", "user");
  }

  @Test
  void unknownYamlKeysAreIgnored() throws IOException {
    Files.writeString(dir.resolve(".baton.yaml"), "not-a-flag: 1\nnested:\n  x: y\n");
    cli.withRequiredEnv();

    assertThat(cli.run()).as(cli.err()).isZero();
  }

  @Test
  void flagsMayFollowTheSubcommand() {
    cli.withRequiredEnv();

    assertThat(cli.run("capabilities", "--metabase-base-url", "https://after"))
        .as(cli.err())
        .isZero();
    assertThat(cli.config.string("metabase-base-url")).isEqualTo("https://after");

    assertThat(cli.run("--metabase-base-url", "https://before", "capabilities"))
        .as(cli.err())
        .isZero();
    assertThat(cli.config.string("metabase-base-url")).isEqualTo("https://before");
  }

  @Test
  void resolvedConfigMasksSecretsAndGuardsAccessors() {
    cli.withRequiredEnv();
    cli.run();

    assertThat(cli.config.toString())
        .contains("metabase-api-key=<secret>")
        .doesNotContain("TOPSECRET");
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> cli.config.string("metabase-api-key"))
        .withMessageNotContaining("TOPSECRET");
  }
}
