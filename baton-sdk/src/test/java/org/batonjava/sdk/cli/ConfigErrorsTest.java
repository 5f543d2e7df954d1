package org.batonjava.sdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every configuration mistake ends with exactly one {@code error:} line on stderr and exit code 1.
 */
class ConfigErrorsTest {
  private static final String API_KEY = "mb_TOPSECRETKEY";

  @TempDir Path dir;
  CliHarness cli;

  @BeforeEach
  void setUp() {
    cli = new CliHarness(dir);
  }

  private void assertOneLineFailure(int code, String expectedLine) {
    assertThat(code).isEqualTo(1);
    assertThat(cli.err()).isEqualTo("error: " + expectedLine + "\n");
    assertThat(cli.out()).isEmpty();
    assertThat(cli.syncs).isEmpty();
  }

  @Test
  void missingRequiredFieldNamesFlagAndVariable() {
    cli.env.put("BATON_METABASE_API_KEY", API_KEY);

    assertOneLineFailure(
        cli.run(), "--metabase-base-url is required (or set BATON_METABASE_BASE_URL)");
  }

  @Test
  void emptyRequiredFieldCountsAsMissing() {
    cli.env.put("BATON_METABASE_BASE_URL", "https://metabase.example.com");

    assertOneLineFailure(
        cli.run("--metabase-api-key="),
        "--metabase-api-key is required (or set BATON_METABASE_API_KEY)");
  }

  @Test
  void capabilitiesNeedsTheConfigurationToo() {
    assertOneLineFailure(
        cli.run("capabilities"),
        "--metabase-base-url is required (or set BATON_METABASE_BASE_URL)");
  }

  @Test
  void clientIdAndSecretGoTogether() {
    cli.withRequiredEnv();

    assertOneLineFailure(
        cli.run("--client-id", "abc@acme.conductor.one/pcc"),
        "--client-secret is required when --client-id is set (or set BATON_CLIENT_SECRET)");
  }

  @Test
  void clientSecretAloneIsRejectedWithoutEchoingIt() {
    cli.withRequiredEnv().env.put("BATON_CLIENT_SECRET", "a:b:v1:SECRETJWK");

    assertOneLineFailure(
        cli.run(), "--client-id is required when --client-secret is set (or set BATON_CLIENT_ID)");
    assertThat(cli.err()).doesNotContain("SECRETJWK");
  }

  @Test
  void grantFlagsGoTogether() {
    cli.withRequiredEnv();

    assertOneLineFailure(
        cli.run("--grant-entitlement", "group:1:member", "--grant-principal", "7"),
        "--grant-principal-type is required when --grant-entitlement is set (or set BATON_GRANT_PRINCIPAL_TYPE)");
  }

  @Test
  void intRangeFromTheEnvironment() {
    cli.withRequiredEnv().env.put("BATON_HTTP_TIMEOUT_SECONDS", "0");

    assertOneLineFailure(
        cli.run(),
        "--http-timeout-seconds must be between 1 and 1800, got \"0\" (from BATON_HTTP_TIMEOUT_SECONDS)");
  }

  @Test
  void intRangeFromTheCommandLine() {
    cli.withRequiredEnv();

    assertOneLineFailure(
        cli.run("--http-timeout-seconds", "1801"),
        "--http-timeout-seconds must be between 1 and 1800, got \"1801\" (from the command line)");
  }

  @Test
  void workersBelowMinusOne() {
    cli.withRequiredEnv();

    assertOneLineFailure(
        cli.run("--workers", "-2"),
        "--workers must be at least -1, got \"-2\" (from the command line)");
  }

  @Test
  void notANumber() {
    cli.withRequiredEnv().env.put("BATON_TASK_CONCURRENCY", "many");

    assertOneLineFailure(
        cli.run(),
        "--task-concurrency must be a whole number, got \"many\" (from BATON_TASK_CONCURRENCY)");
  }

  @Test
  void unknownLogLevel() {
    cli.withRequiredEnv().env.put("BATON_LOG_LEVEL", "verbose");

    assertOneLineFailure(
        cli.run(),
        "--log-level must be one of debug, info, warn, error, got \"verbose\" (from BATON_LOG_LEVEL)");
  }

  @Test
  void unknownLogFormat() {
    cli.withRequiredEnv();

    assertOneLineFailure(
        cli.run("--log-format", "xml"),
        "--log-format must be one of json, console, got \"xml\" (from the command line)");
  }

  @Test
  void badBooleanInTheEnvironment() {
    cli.withRequiredEnv().env.put("BATON_METABASE_WITH_PAID_PLAN", "yes please");

    assertOneLineFailure(
        cli.run(),
        "--metabase-with-paid-plan must be true or false, got \"yes please\" (from BATON_METABASE_WITH_PAID_PLAN)");
  }

  @Test
  void unknownFlagDoesNotEchoTheFollowingValue() {
    cli.withRequiredEnv();

    assertOneLineFailure(
        cli.run("--metabase-api-kye", "mb_TYPOEDSECRET"),
        "unknown flag: --metabase-api-kye (see baton-metabase --help)");
    assertOneLineFailure(
        cli.run("--metabase-api-kye=mb_TYPOEDSECRET"),
        "unknown flag: --metabase-api-kye (see baton-metabase --help)");
  }

  @Test
  void unknownCommand() {
    assertOneLineFailure(cli.run("synk"), "unknown command \"synk\" for \"baton-metabase\"");
  }

  @Test
  void flagWithoutItsValue() {
    assertOneLineFailure(cli.run("--file"), "flag needs an argument: --file");
  }

  @Test
  void serviceModeWithAMalformedSecretIsOneLineWithoutTheSecret() {
    cli.withRequiredEnv();
    cli.env.put("BATON_CLIENT_ID", "abc@acme.conductor.one/pcc");
    cli.env.put("BATON_CLIENT_SECRET", "a:b:v1:SECRETJWK");

    assertThat(cli.run()).isEqualTo(1);
    assertThat(cli.err())
        .startsWith("error: ")
        .contains("client secret")
        .hasLineCount(1)
        .doesNotContain("SECRETJWK");
    assertThat(cli.syncs).isEmpty();
  }

  @Test
  void serviceModeWithABadGetTasksSwitchIsOneLine() {
    cli.withRequiredEnv();
    cli.env.put("BATON_CLIENT_ID", "abc@acme.conductor.one/pcc");
    cli.env.put("BATON_CLIENT_SECRET", "secret-token:conductorone.com:v1:e30");
    cli.env.put("BATON_GET_TASKS", "yes");

    assertOneLineFailure(
        cli.run(), "BATON_GET_TASKS must be true or false (or 1/0, t/f), got \"yes\"");
  }

  @Test
  void oneShotProvisioningNeedsASyncedFileAndNamesUnknownIds() {
    cli.withRequiredEnv();

    assertOneLineFailure(
        cli.run(
            "--grant-entitlement",
            "group:1:member",
            "--grant-principal",
            "7",
            "--grant-principal-type",
            "user"),
        workingFile() + ": does not exist or is empty; run a sync first or check the --file path");
    cli.realJobs = SyncJob.engine();
    assertThat(cli.run()).as(cli.err()).isZero();
    cli.realJobs = null;
    assertOneLineFailure(
        cli.run(
            "--grant-entitlement",
            "group:1:member",
            "--grant-principal",
            "7",
            "--grant-principal-type",
            "user"),
        "entitlement group:1:member is not in the latest sync of "
            + workingFile()
            + "; check the id (baton -f "
            + workingFile()
            + " entitlements) or sync again");
    assertOneLineFailure(
        cli.run("--revoke-grant", "g1"),
        "grant g1 is not in the latest sync of "
            + workingFile()
            + "; check the id (baton -f "
            + workingFile()
            + " grants) or sync again");
    assertOneLineFailure(
        cli.run("--invoke-action", "disable_everything"),
        "unknown action disable_everything; this connector offers enable_user");
  }

  @Test
  void oneShotActionsPrintOneLine() {
    cli.withRequiredEnv();

    assertThat(cli.run("--invoke-action", "enable_user", "--invoke-action-args", "{\"user_id\":1}"))
        .as(cli.err())
        .isZero();
    assertThat(cli.out()).isEqualTo("action enable_user complete: {}\n");
    assertThat(cli.run("--list-action-schemas")).isZero();
    assertThat(cli.out()).contains("\"name\": \"enable_user\"");
    assertThat(cli.syncs).isEmpty();
  }

  private String workingFile() {
    return cli.workingDirectory.resolve("sync.c1z").toString();
  }

  @Test
  void createAccountEmailAloneStillSyncsLikeGo() {
    cli.withRequiredEnv();

    assertThat(cli.run("--create-account-email", "ann@example.com")).as(cli.err()).isZero();
    assertThat(cli.syncs).hasSize(1);
  }

  @Test
  void secretValuesNeverReachAnyOutput() {
    cli.withRequiredEnv();
    cli.realJobs = SyncJob.engine();
    cli.connector =
        new FakeMetabaseConnector(
            false,
            org.batonjava.sdk.connector.ConnectorException.invalidArgument(
                "key " + API_KEY + " was refused"));

    int code = cli.run("--log-level", "debug", "--metabase-api-key", API_KEY);

    assertThat(code).isEqualTo(1);
    assertThat(cli.out()).isEmpty();
    assertThat(cli.err()).doesNotContain("TOPSECRET");
    assertThat(cli.err()).endsWith("error: key <secret> was refused\n");
  }
}
