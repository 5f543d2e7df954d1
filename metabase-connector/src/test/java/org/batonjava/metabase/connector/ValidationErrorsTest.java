package org.batonjava.metabase.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.grpc.Status;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.batonjava.metabase.sim.MetabaseSimulator;
import org.batonjava.metabase.sim.faults.FaultConfig;
import org.batonjava.sdk.connector.ConnectorException;
import org.batonjava.sdk.crypto.Secret;
import org.batonjava.sdk.sync.SyncEngine;
import org.batonjava.sdk.sync.SyncOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What validate says when the configuration cannot work: one line, the right code, never the key.
 */
class ValidationErrorsTest {
  private static final String KEY_TEXT =
      "the Metabase API key was rejected; check --metabase-api-key / BATON_METABASE_API_KEY";

  @TempDir Path dir;

  private static MetabaseConnector connector(String baseUrl, String key, MetabaseVariant variant) {
    return MetabaseConnectors.create(ConnectorConfig.of(variant, baseUrl, Secret.of(key), false));
  }

  /** Runs validate, expects a failure, checks the invariants every message keeps, returns it. */
  private static ConnectorException failure(MetabaseConnector connector, String key) {
    ConnectorException e = catchThrowableOfType(ConnectorException.class, connector::validate);
    assertThat(e).as("validate should fail").isNotNull();
    assertThat(e.getMessage()).doesNotContain("\n").doesNotContain(key);
    if (e.getCause() != null) {
      assertThat(e.getCause().getMessage()).doesNotContain(key);
    }
    return e;
  }

  @Test
  void v049AgainstZeroFiftySix() {
    try (MetabaseSimulator sim = Sims.demo("0.56", false)) {
      ConnectorException e =
          failure(Sims.connector(sim, MetabaseVariant.V049, false), sim.adminApiKey());
      assertThat(e.code()).isEqualTo(Status.Code.FAILED_PRECONDITION);
      assertThat(e.getMessage())
          .isEqualTo(
              "unsupported Metabase version: v0.56.10 (this connector supports only"
                  + " Metabase v0.49.x and v1.49.x; use the v056 variant for this server)");
      assertThat(e.transientFailure()).isFalse();
    }
  }

  @Test
  void v056AgainstZeroFortyNineAndNewest() {
    try (MetabaseSimulator sim = Sims.demo("0.49", true)) {
      ConnectorException e =
          failure(Sims.connector(sim, MetabaseVariant.V056, false), sim.adminApiKey());
      assertThat(e.code()).isEqualTo(Status.Code.FAILED_PRECONDITION);
      assertThat(e.getMessage())
          .isEqualTo(
              "unsupported Metabase version: v1.49.13 (this connector supports only"
                  + " Metabase v0.56.x and v1.56.x; use the v049 variant for this server)");
    }
    try (MetabaseSimulator sim = Sims.demo("newest", false)) {
      assertThat(
              failure(Sims.connector(sim, MetabaseVariant.V056, false), sim.adminApiKey())
                  .getMessage())
          .isEqualTo(
              "unsupported Metabase version: v0.61.2 (this connector supports only"
                  + " Metabase v0.56.x and v1.56.x; use auto mode for this server)");
    }
  }

  @Test
  void theSyncEngineStopsWithTheSameMessage() {
    try (MetabaseSimulator sim = Sims.demo("0.56", false)) {
      assertThatThrownBy(
              () ->
                  new SyncEngine(
                          Sims.connector(sim, MetabaseVariant.V049, false),
                          SyncOptions.defaults(dir.resolve("x.c1z")))
                      .run())
          .isInstanceOf(ConnectorException.class)
          .hasMessageStartingWith("unsupported Metabase version: v0.56.10");
      assertThat(sim.requestLog().count("GET /api/setting/version")).isEqualTo(1);
    }
  }

  @Test
  void paidBuildsOfTheRightLinePass() {
    try (MetabaseSimulator sim = Sims.demo("0.49", true)) {
      MetabaseConnector c = Sims.connector(sim, MetabaseVariant.V049, true);
      c.validate();
      assertThat(c.serverProfile().version().orElseThrow().tag()).isEqualTo("v1.49.13");
    }
    try (MetabaseSimulator sim = Sims.demo("0.56", true)) {
      MetabaseConnector c = Sims.connector(sim, MetabaseVariant.V056, false);
      c.validate();
      assertThat(c.serverProfile().paidPlan()).as("v056 follows the flag, like Go").isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(MetabaseVariant.class)
  void wrongKey(MetabaseVariant variant) {
    try (MetabaseSimulator sim = Sims.demo("0.56", false)) {
      String wrong = "mb_ThisIsNotTheRightKey000000000000000000000000";
      ConnectorException e = failure(connector(sim.baseUrl(), wrong, variant), wrong);
      if (variant == MetabaseVariant.V049) {
        // v049 reads /api/setting/version first, which needs the key too
        assertThat(e.getMessage()).contains("GET /api/setting/version");
      }
      assertThat(e.code()).isEqualTo(Status.Code.UNAUTHENTICATED);
      assertThat(e.getMessage())
          .startsWith(KEY_TEXT)
          .contains("HTTP 401")
          .contains("Unauthenticated");
    }
  }

  @ParameterizedTest
  @EnumSource(MetabaseVariant.class)
  void keyOfANonAdministrator(MetabaseVariant variant) {
    try (MetabaseSimulator sim = Sims.demo("0.56", false)) {
      String analystKey = new SimAdmin(sim).createApiKey("Analyst key", 3);
      ConnectorException e = failure(connector(sim.baseUrl(), analystKey, variant), analystKey);
      assertThat(e.code()).isEqualTo(Status.Code.PERMISSION_DENIED);
      assertThat(e.getMessage()).startsWith("the API key must belong to the Administrators group");
    }
  }

  @Test
  void aNonAdministratorKeyFailsTheSyncWithTheSameMessage() {
    try (MetabaseSimulator sim = Sims.demo("0.56", false)) {
      String analystKey = new SimAdmin(sim).createApiKey("Analyst key", 3);
      MetabaseConnector c = connector(sim.baseUrl(), analystKey, MetabaseVariant.UNVERSIONED);
      assertThatThrownBy(
              () ->
                  c.resourceSyncers()
                      .get(1)
                      .list(
                          java.util.Optional.empty(),
                          org.batonjava.sdk.connector.PageRequest.first("")))
          .isInstanceOfSatisfying(
              ConnectorException.class,
              e -> assertThat(e.code()).isEqualTo(Status.Code.PERMISSION_DENIED))
          .hasMessage(
              "the API key must belong to the Administrators group (Admin → Authentication → API keys)"
                  + " (GET /api/permissions/group: HTTP 403, Metabase said \"You don't have permissions to do that.\")");
    }
  }

  @Test
  void nothingListening() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    ConnectorException e =
        failure(
            connector("http://127.0.0.1:" + port, "mb_key12345", MetabaseVariant.V056),
            "mb_key12345");
    assertThat(e.code()).isEqualTo(Status.Code.UNAVAILABLE);
    assertThat(e.transientFailure()).isTrue();
    assertThat(e.getMessage())
        .isEqualTo(
            "could not connect to Metabase at http://127.0.0.1:"
                + port
                + " (connection refused); check --metabase-base-url and that Metabase is running (GET /api/setting/version)");
  }

  @Test
  void serverGoneAfterItWasUp() {
    MetabaseSimulator sim = Sims.demo("0.56", false);
    MetabaseConnector c = Sims.connector(sim, MetabaseVariant.AUTO, false);
    c.validate();
    sim.close();
    ConnectorException e =
        catchThrowableOfType(
            ConnectorException.class,
            () ->
                c.resourceSyncers()
                    .get(0)
                    .list(
                        java.util.Optional.empty(),
                        org.batonjava.sdk.connector.PageRequest.first("")));
    assertThat(e.code()).isEqualTo(Status.Code.UNAVAILABLE);
    assertThat(e.getMessage()).contains("could not connect to Metabase at " + sim.baseUrl());
  }

  @Test
  void metabaseStillStarting() {
    try (MetabaseSimulator sim = Sims.demo("0.56", false)) {
      sim.faults()
          .set(
              FaultConfig.builder()
                  .errorRate(1.0)
                  .errorStatuses(List.of(503))
                  .retryAfterSeconds(7)
                  .build());
      ConnectorException e =
          failure(Sims.connector(sim, MetabaseVariant.V056, false), sim.adminApiKey());
      assertThat(e.code()).isEqualTo(Status.Code.UNAVAILABLE);
      assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
      assertThat(e.getMessage())
          .isEqualTo(
              "Metabase failed to answer (GET /api/setting/version: HTTP 503,"
                  + " Metabase said \"Metabase is still initializing. Please sit tight...\")");
    }
  }

  @Test
  void rateLimited() {
    try (MetabaseSimulator sim = Sims.demo("0.56", false)) {
      sim.faults()
          .set(
              FaultConfig.builder()
                  .errorRate(1.0)
                  .errorStatuses(List.of(429))
                  .retryAfterSeconds(3)
                  .build());
      ConnectorException e =
          failure(Sims.connector(sim, MetabaseVariant.UNVERSIONED, false), sim.adminApiKey());
      assertThat(e.code()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
      assertThat(e.transientFailure()).isTrue();
      assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
      assertThat(e.getMessage())
          .startsWith(
              "Metabase (or a proxy in front of it) is rate limiting requests; it asked to wait 3 s");
    }
  }

  @Test
  void slowerThanTheTimeout() {
    try (MetabaseSimulator sim = Sims.demo("0.56", false)) {
      sim.faults().set(FaultConfig.builder().latencyMs(2500).build());
      MetabaseConnector c =
          MetabaseConnectors.create(
              ConnectorConfig.of(
                      MetabaseVariant.V056, sim.baseUrl(), Secret.of(sim.adminApiKey()), false)
                  .withHttpTimeout(Duration.ofSeconds(1)));
      ConnectorException e = failure(c, sim.adminApiKey());
      assertThat(e.code()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
      assertThat(e.getMessage())
          .isEqualTo(
              "Metabase at "
                  + sim.baseUrl()
                  + " did not answer within 1 s;"
                  + " raise --http-timeout-seconds if it is just slow (GET /api/setting/version)");
    }
  }

  /**
   * An https URL pointing at a plain-http server, which answers the TLS hello with an HTTP error.
   */
  @Test
  void httpsAgainstAPlainHttpServer() throws Exception {
    try (ServerSocket plain = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      Thread answering =
          new Thread(
              () -> {
                while (!plain.isClosed()) {
                  try (Socket s = plain.accept()) {
                    s.getOutputStream()
                        .write(
                            "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
                                .getBytes(StandardCharsets.US_ASCII));
                  } catch (IOException closed) {
                    return;
                  }
                }
              });
      answering.setDaemon(true);
      answering.start();
      String key = "mb_TlsKey12345";
      MetabaseConnector c =
          MetabaseConnectors.create(
              ConnectorConfig.of(
                      MetabaseVariant.V056,
                      "https://127.0.0.1:" + plain.getLocalPort(),
                      Secret.of(key),
                      false)
                  .withHttpTimeout(Duration.ofSeconds(10)));
      ConnectorException e = failure(c, key);
      assertThat(e.code()).isEqualTo(Status.Code.FAILED_PRECONDITION);
      assertThat(e.getMessage())
          .startsWith("the TLS connection to 127.0.0.1:" + plain.getLocalPort() + " failed (")
          .contains(
              "check that its certificate is trusted by this Java runtime and that the URL scheme is right");
    }
  }

  @ParameterizedTest
  @EnumSource(MetabaseVariant.class)
  void aWebPageInsteadOfTheApi(MetabaseVariant variant) {
    try (FakeServer web =
        new FakeServer(
            r ->
                FakeServer.Reply.of(
                    200,
                    "text/html; charset=utf-8",
                    "<!DOCTYPE html><html><body>Welcome to nginx!</body></html>"))) {
      ConnectorException e =
          failure(connector(web.baseUrl(), "mb_key12345", variant), "mb_key12345");
      assertThat(e.code()).isEqualTo(Status.Code.FAILED_PRECONDITION);
      assertThat(e.getMessage())
          .startsWith(
              "the URL does not look like a Metabase API (got an HTML page);"
                  + " check --metabase-base-url ("
                  + web.baseUrl()
                  + ")");
    }
  }

  @ParameterizedTest
  @EnumSource(MetabaseVariant.class)
  void aBaseUrlEndingInApiGetsAHint(MetabaseVariant variant) {
    try (MetabaseSimulator sim = Sims.demo("0.56", false)) {
      ConnectorException e =
          failure(
              connector(sim.baseUrl() + "/api/", sim.adminApiKey(), variant), sim.adminApiKey());
      assertThat(e.getMessage())
          .startsWith("Metabase has no such object or endpoint (GET /api/")
          .endsWith(
              "; --metabase-base-url ends with /api: give the Metabase address without it (the connector adds"
                  + " /api itself)");
    }
  }

  @Test
  void plainTextInsteadOfJson() {
    try (FakeServer web = new FakeServer(r -> FakeServer.Reply.of(200, "text/plain", "OK"))) {
      ConnectorException e =
          failure(
              connector(web.baseUrl(), "mb_key12345", MetabaseVariant.UNVERSIONED), "mb_key12345");
      assertThat(e.getMessage())
          .startsWith("the URL does not look like a Metabase API (got text/plain instead of JSON)");
    }
  }

  @Test
  void aRedirect() {
    try (FakeServer web =
        new FakeServer(
            r ->
                new FakeServer.Reply(
                    302, "text/plain", "", Map.of("Location", "https://sso.example.com/login")))) {
      ConnectorException e =
          failure(
              connector(web.baseUrl(), "mb_key12345", MetabaseVariant.UNVERSIONED), "mb_key12345");
      assertThat(e.code()).isEqualTo(Status.Code.FAILED_PRECONDITION);
      assertThat(e.getMessage())
          .startsWith(
              "Metabase answered with a redirect to https://sso.example.com/login;"
                  + " set --metabase-base-url to the final address");
    }
  }

  @Test
  void aProxyThatEchoesTheKeyDoesNotLeakIt() {
    String key = "mb_EchoedKey0000000000000000000000000000000000";
    try (FakeServer proxy =
        new FakeServer(
            r ->
                FakeServer.Reply.of(
                    400,
                    "application/json",
                    "{\"message\":\"bad header X-API-KEY=" + r.apiKey() + "\"}"))) {
      ConnectorException e =
          failure(connector(proxy.baseUrl(), key, MetabaseVariant.UNVERSIONED), key);
      assertThat(e.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(e.getMessage()).contains("bad header X-API-KEY=<redacted>");
    }
  }

  @Test
  void autoModeRefusesMetabaseWithoutApiKeys() {
    try (MetabaseSimulator sim = Sims.demo("0.56", false)) {
      sim.faults().set(FaultConfig.builder().versionTag("v0.48.6").build());
      ConnectorException e =
          failure(Sims.connector(sim, MetabaseVariant.AUTO, false), sim.adminApiKey());
      assertThat(e.code()).isEqualTo(Status.Code.FAILED_PRECONDITION);
      assertThat(e.getMessage())
          .isEqualTo(
              "unsupported Metabase version: v0.48.6 (Metabase has API keys from 0.49 on; upgrade to 0.49 or newer)");
      sim.faults().set(FaultConfig.builder().versionTag("vUNKNOWN").build());
      assertThat(
              failure(Sims.connector(sim, MetabaseVariant.AUTO, false), sim.adminApiKey())
                  .getMessage())
          .isEqualTo("unexpected version format: vUNKNOWN");
    }
  }

  @Test
  void aBasePathSurvivesAndTheKeyTravelsInItsHeader() {
    String key = "mb_BasePathKey000000000000000000000000000000000";
    try (FakeServer behindProxy =
        new FakeServer(
            r ->
                r.path().equals("/mb/api/user/current")
                    ? FakeServer.Reply.of(
                        200,
                        "application/json",
                        "{\"id\":\"11\",\"first_name\":\"Key\",\"is_superuser\":true}")
                    : FakeServer.Reply.of(404, "text/plain", "API endpoint does not exist."))) {
      connector(behindProxy.baseUrl() + "/mb/", key, MetabaseVariant.UNVERSIONED).validate();
      FakeServer.Received r = behindProxy.requests.get(0);
      assertThat(r.path()).isEqualTo("/mb/api/user/current");
      assertThat(r.apiKey()).isEqualTo(key);
      assertThat(r.accept()).isEqualTo("application/json");
      assertThat(r.userAgent()).startsWith("baton-metabase-java/");
    }
  }
}
