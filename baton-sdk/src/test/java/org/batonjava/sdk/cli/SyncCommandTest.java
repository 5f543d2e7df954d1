package org.batonjava.sdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.batonjava.sdk.connector.ConnectorException;
import org.batonjava.sdk.sync.SyncInterruptedException;
import org.batonjava.sdk.sync.SyncOptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default root run: flags become {@link SyncOptions}; validation, failures and signals are
 * handled.
 */
class SyncCommandTest {
  @TempDir Path dir;
  CliHarness cli;

  @BeforeEach
  void setUp() {
    cli = new CliHarness(dir).withRequiredEnv();
  }

  @Test
  void defaultsBecomeASequentialFullSyncIntoSyncC1z() {
    assertThat(cli.run()).as(cli.err()).isZero();

    SyncOptions options = cli.syncs.get(0);
    assertThat(options.file()).isEqualTo(dir.resolve("sync.c1z"));
    assertThat(options.resourceTypes()).isEmpty();
    assertThat(options.skipEntitlementsAndGrants()).isFalse();
    assertThat(options.workers()).isEqualTo(1);
    assertThat(options.store().tempDir()).isEmpty();
    assertThat(cli.out()).isEmpty();
  }

  @Test
  void flagsShapeTheSync() throws IOException {
    Files.createDirectories(dir.resolve("tmp"));

    int code =
        cli.run(
            "-f",
            "out/metabase.c1z",
            "--sync-resource-types",
            "user",
            "--skip-entitlements-and-grants",
            "--workers",
            "3",
            "--c1z-temp-dir",
            "tmp");

    assertThat(code).as(cli.err()).isZero();
    SyncOptions options = cli.syncs.get(0);
    assertThat(options.file()).isEqualTo(dir.resolve("out/metabase.c1z"));
    assertThat(options.resourceTypes()).containsExactly("user");
    assertThat(options.skipEntitlementsAndGrants()).isTrue();
    assertThat(options.workers()).isEqualTo(3);
    assertThat(options.store().tempDir()).contains(dir.resolve("tmp"));
  }

  @Test
  void workersFlagMapping() {
    assertThat(SyncCommand.workers(0, 8)).isEqualTo(1);
    assertThat(SyncCommand.workers(1, 8)).isEqualTo(1);
    assertThat(SyncCommand.workers(-1, 8)).isEqualTo(4);
    assertThat(SyncCommand.workers(-1, 2)).isEqualTo(2);
    assertThat(SyncCommand.workers(-1, 1)).isEqualTo(1);
    assertThat(SyncCommand.workers(6, 2)).isEqualTo(6);

    cli.processors = 3;
    assertThat(cli.run("--workers", "-1")).isZero();
    assertThat(cli.syncs.get(0).workers()).isEqualTo(3);
  }

  @Test
  void missingTempDirIsAConfigurationError() {
    assertThat(cli.run("--c1z-temp-dir", "nope")).isEqualTo(1);

    assertThat(cli.err())
        .isEqualTo(
            "error: --c1z-temp-dir "
                + dir.resolve("nope")
                + " does not exist or is not a directory (from the command line)\n");
    assertThat(cli.syncs).isEmpty();
  }

  @Test
  void unknownResourceTypeIsRejectedBeforeSyncing() {
    assertThat(cli.run("--sync-resource-types", "user,dashboard")).isEqualTo(1);

    assertThat(cli.err())
        .isEqualTo(
            "error: --sync-resource-types names an unknown resource type \"dashboard\"; this connector syncs "
                + "group, user\n");
  }

  @Test
  void syncFailureIsOneLineAndDebugAddsTheStackTraceToTheLog() {
    cli.sync =
        options -> {
          throw new ConnectorException(
              Status.Code.UNAVAILABLE, "Metabase did not answer after 5 tries\nretry later");
        };

    assertThat(cli.run()).isEqualTo(1);
    assertThat(cli.err()).isEqualTo("error: Metabase did not answer after 5 tries retry later\n");
    assertThat(cli.closedRegistrations).isEqualTo(1);

    assertThat(cli.run("--log-level", "debug")).isEqualTo(1);
    assertThat(cli.err())
        .contains("\"stacktrace\":\"org.batonjava.sdk.connector.ConnectorException");
    assertThat(cli.err()).endsWith("\nerror: Metabase did not answer after 5 tries retry later\n");
  }

  @Test
  void exceptionWithoutMessageStillSaysSomething() {
    cli.sync =
        options -> {
          throw new NullPointerException();
        };

    assertThat(cli.run()).isEqualTo(1);

    assertThat(cli.err())
        .isEqualTo(
            "error: an unexpected internal error (run with --log-level debug for details)\n");
  }

  @Test
  void aSignalCancelsTheRunningJobAndTheErrorIsReportedBeforeTheProcessMayEnd() {
    cli.sync =
        options -> {
          assertThat(cli.registeredCancels).hasSize(1);
          assertThat(cli.closedRegistrations).as("registered while running").isZero();
          cli.registeredCancels.get(0).run(); // what the SIGTERM hook does
          throw new SyncInterruptedException(
              "sync interrupted; run the same command again to resume it");
        };

    assertThat(cli.run()).isEqualTo(1);

    assertThat(cli.cancels).isEqualTo(1);
    assertThat(cli.closedRegistrations).isEqualTo(1);
    assertThat(cli.err())
        .isEqualTo("error: sync interrupted; run the same command again to resume it\n");
  }
}
