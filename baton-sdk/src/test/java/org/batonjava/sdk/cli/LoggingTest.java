package org.batonjava.sdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * {@code --log-format} and {@code --log-level}: logs on stderr only, in the chosen format and
 * level.
 */
class LoggingTest {
  @TempDir Path dir;
  CliHarness cli;

  @BeforeEach
  void setUp() {
    cli = new CliHarness(dir).withRequiredEnv();
    cli.sync =
        options -> {
          LoggerFactory.getLogger("test.sync").atDebug().addKeyValue("page", 3).log("debug detail");
          LoggerFactory.getLogger("test.sync").warn("a warning");
          return CliHarness.report();
        };
  }

  @Test
  void jsonIsTheDefaultWhenStdoutIsNotATerminal() {
    cli.stdoutIsTerminal = false;

    assertThat(cli.run()).isZero();

    assertThat(cli.out()).as("a sync prints nothing on stdout").isEmpty();
    String[] lines = cli.err().split("\n");
    assertThat(lines).hasSize(2);
    JsonNode warning = GoOutputs.parse(lines[0]);
    assertThat(warning.get("level").asText()).isEqualTo("warn");
    assertThat(warning.get("msg").asText()).isEqualTo("a warning");
    assertThat(warning.get("logger").asText()).isEqualTo("test.sync");
    assertThat(warning.get("ts").asText())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    JsonNode complete = GoOutputs.parse(lines[1]);
    assertThat(complete.get("level").asText()).isEqualTo("info");
    assertThat(complete.get("msg").asText()).isEqualTo("Sync saved.");
    assertThat(complete.get("resources").asLong()).isEqualTo(10);
    assertThat(complete.get("entitlements").asLong()).isEqualTo(7);
    assertThat(complete.get("grants").asLong()).isEqualTo(25);
    assertThat(complete.get("file").asText()).isEqualTo(dir.resolve("sync.c1z").toString());
  }

  @Test
  void consoleIsTheDefaultOnATerminal() {
    cli.stdoutIsTerminal = true;

    assertThat(cli.run()).isZero();

    String[] lines = cli.err().split("\n");
    assertThat(lines).hasSize(2);
    assertThat(lines[0]).matches("\\S+Z\twarn\ttest\\.sync\ta warning");
    assertThat(lines[1]).matches("\\S+Z\tinfo\t\\S+\tSync saved\\.\t\\{.*\"resources\":10.*\\}");
  }

  @Test
  void explicitFormatBeatsTerminalDetection() {
    cli.stdoutIsTerminal = true;
    cli.env.put("BATON_LOG_FORMAT", "json");

    assertThat(cli.run()).isZero();

    assertThat(cli.err().split("\n"))
        .allSatisfy(line -> assertThat(line).startsWith("{\"level\":"));
  }

  @Test
  void debugLevelShowsDebugEvents() {
    assertThat(cli.run("--log-level", "debug")).isZero();

    assertThat(cli.err()).contains("\"msg\":\"debug detail\"", "\"page\":3");
  }

  @Test
  void errorLevelHidesWarningsAndInfo() {
    assertThat(cli.run("--log-level=ERROR")).isZero();

    assertThat(cli.err()).isEmpty();
  }
}
