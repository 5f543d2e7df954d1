package org.batonjava.sdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import org.batonjava.sdk.connector.ConnectorException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The root command with the SDK's real sync engine behind it. */
class EngineSyncTest {
  @TempDir Path dir;
  CliHarness cli;

  @BeforeEach
  void setUp() {
    cli = new CliHarness(dir).withRequiredEnv();
    cli.realJobs = SyncJob.engine();
  }

  @Test
  void syncWritesTheFileAndPrintsNothingOnStdout() {
    int code = cli.run("-f", "metabase.c1z", "--log-format", "json");

    assertThat(code).as(cli.err()).isZero();
    assertThat(dir.resolve("metabase.c1z")).isRegularFile();
    assertThat(cli.out()).isEmpty();
    assertThat(cli.err()).contains("\"msg\":\"Sync complete.", "\"msg\":\"Sync saved.\"");
    assertThat(cli.closedRegistrations).isEqualTo(1);
  }

  @Test
  void validationFailureFromTheEngineIsOneErrorLine() {
    cli.connector =
        new FakeMetabaseConnector(
            false,
            new ConnectorException(
                Status.Code.UNAUTHENTICATED, "Metabase rejected the API key (401)"));

    int code = cli.run("--log-level", "error");

    assertThat(code).isEqualTo(1);
    assertThat(cli.err()).isEqualTo("error: Metabase rejected the API key (401)\n");
    assertThat(cli.out()).isEmpty();
    assertThat(Files.exists(dir.resolve("sync.c1z"))).isFalse();
  }
}
