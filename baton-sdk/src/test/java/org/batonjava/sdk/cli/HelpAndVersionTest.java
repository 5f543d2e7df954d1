package org.batonjava.sdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -h/--help}, {@code help [command]} and {@code -v/--version}: stdout, exit 0, no
 * configuration needed.
 */
class HelpAndVersionTest {
  @TempDir Path dir;
  CliHarness cli;

  @BeforeEach
  void setUp() {
    cli = new CliHarness(dir);
  }

  @Test
  void versionLineLikeCobra() {
    assertThat(cli.run("--version")).isZero();
    assertThat(cli.out()).isEqualTo("baton-metabase version v1.2.3\n");

    assertThat(cli.run("-v")).isZero();
    assertThat(cli.out()).isEqualTo("baton-metabase version v1.2.3\n");
    assertThat(cli.err()).isEmpty();
  }

  @Test
  void helpListsVisibleFlagsWithTheirEnvironmentVariables() {
    assertThat(cli.run("--help")).isZero();

    String help = cli.out();
    assertThat(help).startsWith("Usage:\n  baton-metabase [flags]\n  baton-metabase [command]\n");
    assertThat(help)
        .contains(
            "--metabase-base-url",
            "$BATON_METABASE_BASE_URL",
            "--metabase-api-key",
            "$BATON_METABASE_API_KEY")
        .contains(
            "-f, --file",
            "(default \"sync.c1z\")",
            "-p, --provisioning",
            "--log-level",
            "(default \"info\")")
        .contains("--http-timeout-seconds", "(default 300)", "--client-secret")
        .contains("capabilities", "config");
    assertThat(help)
        .as("hidden flags stay hidden")
        .doesNotContain(
            "--grant-entitlement",
            "--c1z-temp-dir",
            "--invoke-action",
            "--health-check-bind-address");
    assertThat(cli.err()).isEmpty();
  }

  @Test
  void helpNeverShowsASecretValue() {
    cli.withRequiredEnv().env.put("BATON_CLIENT_SECRET", "a:b:v1:SECRETJWK");

    assertThat(cli.run("-h")).isZero();

    assertThat(cli.out()).doesNotContain("TOPSECRET", "SECRETJWK");
  }

  @Test
  void helpWinsOverMissingConfiguration() {
    assertThat(cli.run("capabilities", "--help")).isZero();
    assertThat(cli.out()).startsWith("Usage:\n  baton-metabase capabilities [flags]\n");
    assertThat(cli.config).isNull();
  }

  @Test
  void helpSubcommand() {
    assertThat(cli.run("help")).isZero();
    assertThat(cli.out()).startsWith("Usage:\n  baton-metabase [flags]");

    assertThat(cli.run("help", "config")).isZero();
    assertThat(cli.out()).startsWith("Usage:\n  baton-metabase config [flags]");

    assertThat(cli.run("help", "nope")).isEqualTo(1);
    assertThat(cli.err()).isEqualTo("error: unknown help topic \"nope\"\n");
  }
}
