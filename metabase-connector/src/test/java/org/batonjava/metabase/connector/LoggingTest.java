package org.batonjava.metabase.connector;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.util.List;
import org.batonjava.metabase.sim.MetabaseSimulator;
import org.batonjava.metabase.sim.faults.FaultConfig;
import org.batonjava.sdk.connector.ConnectorException;
import org.batonjava.sdk.crypto.Secret;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The plain-http warning appears once, and the API key never appears in any log line. */
class LoggingTest {
  private static final String HTTP_WARNING =
      "Metabase connector is using HTTP. Make sure this instance is running in a trusted or on-premise environment.";

  @TempDir Path dir;
  private final ListAppender<ILoggingEvent> events = new ListAppender<>();
  private Logger root;
  private Level previous;

  @BeforeEach
  void capture() {
    root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    previous = ((Logger) LoggerFactory.getLogger("org.batonjava")).getLevel();
    ((Logger) LoggerFactory.getLogger("org.batonjava")).setLevel(Level.DEBUG);
    events.start();
    root.addAppender(events);
  }

  @AfterEach
  void release() {
    root.detachAppender(events);
    ((Logger) LoggerFactory.getLogger("org.batonjava")).setLevel(previous);
  }

  private List<String> warnings() {
    return events.list.stream()
        .filter(e -> e.getLevel() == Level.WARN)
        .map(ILoggingEvent::getFormattedMessage)
        .toList();
  }

  @Test
  void plainHttpIsWarnedAboutOnceAndTheKeyIsNeverLogged() {
    try (MetabaseSimulator sim = Sims.demo("0.56", true)) {
      MetabaseConnector connector = Sims.connector(sim, MetabaseVariant.AUTO, false);
      SyncedFile.expanded(connector, dir);
      SyncedFile.expanded(connector, dir);
      // a failing sync logs the failure too (the sync engine's retries); the key must not be there
      // either
      sim.faults()
          .set(FaultConfig.builder().errorRate(1.0).errorStatuses(java.util.List.of(500)).build());
      try {
        connector
            .resourceSyncers()
            .get(0)
            .list(java.util.Optional.empty(), org.batonjava.sdk.connector.PageRequest.first(""));
      } catch (ConnectorException expected) {
        LoggerFactory.getLogger(LoggingTest.class)
            .warn("failed: {}", expected.getMessage(), expected);
      }
      assertThat(warnings().stream().filter(HTTP_WARNING::equals)).hasSize(1);
      assertThat(events.list).isNotEmpty();
      for (ILoggingEvent e : events.list) {
        assertThat(e.getFormattedMessage()).doesNotContain(sim.adminApiKey());
        if (e.getThrowableProxy() != null) {
          assertThat(e.getThrowableProxy().getMessage()).doesNotContain(sim.adminApiKey());
        }
      }
      assertThat(events.list)
          .anyMatch(
              e ->
                  e.getLevel() == Level.DEBUG
                      && e.getFormattedMessage().startsWith("GET /api/user"));
    }
  }

  @Test
  void httpsIsNotWarnedAbout() {
    MetabaseConnectors.create(
        ConnectorConfig.of(
            MetabaseVariant.V056, "https://metabase.example.com", Secret.of("k"), false));
    assertThat(warnings()).doesNotContain(HTTP_WARNING);
  }

  @Test
  void granularPermissionsAreLoggedAtDebug() {
    try (MetabaseSimulator sim = Sims.demo("0.56", false)) {
      new SimAdmin(sim)
          .setPermissions(
              3,
              2,
              "{\"view-data\":\"unrestricted\",\"create-queries\":{\"public\":{\"11\":\"query-builder\"}}}");
      SyncedFile.connectorOutput(Sims.connector(sim, MetabaseVariant.V056, false), dir);
      assertThat(events.list)
          .anyMatch(
              e ->
                  e.getLevel() == Level.DEBUG
                      && e.getFormattedMessage()
                          .equals(
                              "database 2: group 3 has granular (per schema/table) create-queries permissions; no database-level entitlement"));
    }
  }
}
