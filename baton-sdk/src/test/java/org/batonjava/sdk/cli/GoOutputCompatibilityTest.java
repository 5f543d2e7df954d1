package org.batonjava.sdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.batonjava.sdk.connector.GoSdkShape;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code config} and {@code capabilities} print what the three Go Metabase connectors print
 * (compared as parsed JSON; where the Go file has standard two-space formatting, byte for byte
 * too).
 */
class GoOutputCompatibilityTest {
  @TempDir Path dir;
  CliHarness cli;

  @BeforeEach
  void setUp() {
    cli = new CliHarness(dir);
  }

  @Test
  void configMatchesUnversionedConnector() {
    cli.shape = GoSdkShape.V0_25_0;

    assertThat(cli.run("config")).as(cli.err()).isZero();

    assertThat(GoOutputs.parse(cli.out()))
        .isEqualTo(GoOutputs.json("baton-metabase.config_schema.json"));
    assertThat(cli.out()).isEqualTo(GoOutputs.text("baton-metabase.config_schema.json"));
    assertThat(cli.err()).isEmpty();
  }

  @Test
  void configMatchesV049Connector() {
    cli.shape = GoSdkShape.V0_5_6;
    cli.displayName = "Metabase-v049";

    assertThat(cli.run("config")).as(cli.err()).isZero();

    assertThat(GoOutputs.parse(cli.out()))
        .isEqualTo(GoOutputs.json("baton-metabase-v049.config_schema.json"));
    assertThat(cli.out()).isEqualTo(GoOutputs.text("baton-metabase-v049.config_schema.json"));
  }

  @Test
  void configMatchesV056Connector() {
    cli.shape = GoSdkShape.V0_5_6;
    cli.displayName = "Metabase-v056";

    assertThat(cli.run("config")).as(cli.err()).isZero();

    assertThat(GoOutputs.parse(cli.out()))
        .isEqualTo(GoOutputs.json("baton-metabase-v056.config_schema.json"));
  }

  @Test
  void configNeedsNoConfigurationAndIgnoresBrokenSettings() {
    cli.env.put("BATON_LOG_LEVEL", "verbose");
    cli.env.put("BATON_CONFIG_PATH", "not-yaml.txt");

    assertThat(cli.run("config")).as(cli.err()).isZero();
    assertThat(cli.out()).startsWith("{\n  \"fields\": [");
  }

  @Test
  void capabilitiesMatchUnversionedConnector() {
    cli.withRequiredEnv();
    cli.shape = GoSdkShape.V0_25_0;
    cli.connector = new FakeMetabaseConnector(false);

    assertThat(cli.run("capabilities")).as(cli.err()).isZero();

    assertThat(GoOutputs.parse(cli.out()))
        .isEqualTo(GoOutputs.json("baton-metabase.baton_capabilities.json"));
    assertThat(cli.out()).isEqualTo(GoOutputs.text("baton-metabase.baton_capabilities.json"));
    assertThat(cli.out())
        .startsWith(
            "{\n  \"@type\": \"type.googleapis.com/c1.connector.v2.ConnectorCapabilities\",");
  }

  @Test
  void capabilitiesMatchV049Connector() {
    cli.withRequiredEnv();
    cli.shape = GoSdkShape.V0_5_6;
    cli.connector = new FakeMetabaseConnector(true);

    assertThat(cli.run("capabilities")).as(cli.err()).isZero();

    assertThat(GoOutputs.parse(cli.out()))
        .isEqualTo(GoOutputs.json("baton-metabase-v049.baton_capabilities.json"));
    assertThat(cli.out()).isEqualTo(GoOutputs.text("baton-metabase-v049.baton_capabilities.json"));
  }

  @Test
  void capabilitiesMatchV056Connector() {
    cli.withRequiredEnv();
    cli.shape = GoSdkShape.V0_5_6;
    cli.connector = new FakeMetabaseConnector(true);

    assertThat(cli.run("capabilities")).as(cli.err()).isZero();

    assertThat(GoOutputs.parse(cli.out()))
        .isEqualTo(GoOutputs.json("baton-metabase-v056.baton_capabilities.json"));
  }

  @Test
  void capabilitiesDoNotValidateOrSync() {
    cli.withRequiredEnv();
    FakeMetabaseConnector connector = new FakeMetabaseConnector(false);
    cli.connector = connector;

    assertThat(cli.run("capabilities")).isZero();

    assertThat(connector.validations).isZero();
    assertThat(cli.syncs).isEmpty();
  }
}
