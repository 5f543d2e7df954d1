package org.batonjava.metabase.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import c1.connector.v2.AccountInfo;
import c1.connector.v2.CreateAccountResponse;
import c1.connector.v2.LocalCredentialOptions;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.batonjava.metabase.sim.MetabaseSimulator;
import org.batonjava.sdk.c1z.C1zOptions;
import org.batonjava.sdk.c1z.C1zStore;
import org.batonjava.sdk.connector.AccountCreation;
import org.batonjava.sdk.connector.AccountCreator;
import org.batonjava.sdk.connector.ConnectorException;
import org.batonjava.sdk.crypto.CredentialEncryptor;
import org.batonjava.sdk.crypto.OneShotEncryptionConfig;
import org.batonjava.sdk.crypto.Secret;
import org.batonjava.sdk.provision.AccountRequests;
import org.batonjava.sdk.provision.ActionRequests;
import org.batonjava.sdk.provision.OneShotProvisioning;
import org.batonjava.sdk.sync.SyncEngine;
import org.batonjava.sdk.sync.SyncOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Runs every provisioning path (sync, one-shot grants and revokes, account creation through the
 * connector and through the SDK's encrypting dispatch, actions, failures) with debug logging, then
 * looks for the API key and every generated password in all log output (messages, exceptions, stack
 * traces), in every file written (the c1z, also decompressed) and in the responses handed back.
 */
class SecretLeakTest {
  private static final ObjectMapper JSON = new ObjectMapper();

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

  @Test
  void neitherTheKeyNorAPasswordAppearsInLogsFilesOrResponses() throws Exception {
    List<String> secrets = new ArrayList<>();
    List<byte[]> responses = new ArrayList<>();
    for (String version : new String[] {"0.49", "newest"}) {
      try (MetabaseSimulator sim = Sims.demo(version, true)) {
        secrets.add(sim.adminApiKey());
        RecordingConnector connector =
            new RecordingConnector(Sims.connector(sim, MetabaseVariant.AUTO, false));
        connector.validate();
        Path file = dir.resolve("sync-" + version + ".c1z");
        C1zOptions store = C1zOptions.defaults().withTempDir(dir);
        new SyncEngine(connector, SyncOptions.defaults(file).withStore(store)).run();

        OneShotProvisioning oneShot = new OneShotProvisioning(connector, file, store);
        oneShot.grant("group:3:member", "5", "user");
        oneShot.grant("group:4:manager", "5", "user");
        oneShot.revoke("group:6:member:user:7");
        oneShot.grant(
            "database:2:" + (version.equals("0.49") ? "write" : "query-builder-and-native"),
            "5",
            "group");

        AccountRequests accounts = new AccountRequests(connector, new CredentialEncryptor());
        for (String email :
            new String[] {
              "sdk.path@example.com", "sdk.path@example.com", "linus.torvalds@example.com"
            }) {
          CreateAccountResponse r =
              accounts.create(
                  "",
                  account(email),
                  LocalCredentialOptions.newBuilder()
                      .setRandomPassword(
                          LocalCredentialOptions.RandomPassword.newBuilder().setLength(24))
                      .build(),
                  List.of(OneShotEncryptionConfig.generate()));
          responses.add(r.toByteArray());
          LoggerFactory.getLogger(SecretLeakTest.class).debug("create account response: {}", r);
        }
        AccountCreation direct =
            ((AccountCreator) connector.resourceSyncers().get(0))
                .createAccount(
                    account("direct@example.com"), LocalCredentialOptions.getDefaultInstance());
        LoggerFactory.getLogger(SecretLeakTest.class).debug("created {}", direct);
        ActionRequests actions = new ActionRequests(connector);
        actions.invoke("disable_user", "{\"userId\":\"3\"}");
        actions.invoke("enable_user", "{\"userId\":\"3\"}");
        try {
          actions.invoke("enable_user", "{\"userId\":\"999\"}");
        } catch (ConnectorException expected) {
          LoggerFactory.getLogger(SecretLeakTest.class)
              .warn("failed: {}", expected.getMessage(), expected);
        }
        secrets.addAll(connector.passwords);
        assertThat(connector.passwords).as("one password per created account").hasSize(2);
        try (C1zStore open = C1zStore.openReadOnly(file, C1zOptions.defaults().withTempDir(dir))) {
          assertThat(open.syncRuns().latestFinished()).isPresent();
          assertNoSecretInFiles(
              secrets); // the decompressed database is in dir while the store is open
        }
      }
    }
    secrets.addAll(passwordEchoedBackInAnError());

    assertThat(secrets)
        .hasSizeGreaterThanOrEqualTo(7)
        .allSatisfy(s -> assertThat(s).hasSizeGreaterThanOrEqualTo(20));
    assertThat(events.list).hasSizeGreaterThan(50);
    for (ILoggingEvent e : events.list) {
      String text = e.getFormattedMessage() + "\n" + throwableText(e.getThrowableProxy());
      for (String s : secrets) {
        assertThat(text).as("log line %s", e.getFormattedMessage()).doesNotContain(s);
      }
    }
    for (byte[] response : responses) {
      String text = new String(response, StandardCharsets.ISO_8859_1);
      secrets.forEach(s -> assertThat(text).doesNotContain(s));
    }
    assertNoSecretInFiles(secrets);
  }

  /**
   * A key that cannot be sent in an HTTP header (a newline, CR-LF, a non-ASCII character) is
   * refused when the connector is built, naming the setting; the JDK's own message, which quotes
   * the header value, never gets out.
   */
  @Test
  void aKeyThatCannotBeSentInAHeaderIsRefusedWithoutBeingPrinted() {
    for (String key :
        List.of(
            "mb_HeaderKey0123456789\n",
            "mb_Header\r\nKey0123456789",
            "mb_HeaderKey\u00e90123456789",
            "mb_Header Key0123456789")) {
      assertThatThrownBy(
              () ->
                  MetabaseConnectors.create(
                      ConnectorConfig.of(
                          MetabaseVariant.UNVERSIONED,
                          "http://127.0.0.1:9",
                          Secret.of(key),
                          false)))
          .isInstanceOfSatisfying(
              ConnectorException.class,
              e ->
                  assertThat(e.getMessage())
                      .startsWith(
                          "--metabase-api-key (BATON_METABASE_API_KEY) contains a space, a control character or a"
                              + " non-ASCII character")
                      .doesNotContain("HeaderKey")
                      .doesNotContain("0123456789")
                      .doesNotContain("invalid header"));
    }
  }

  /**
   * A server that quotes the whole request body in its error (as a careless proxy might), in three
   * shapes: inside a JSON {@code message} (the password comes back JSON-escaped), as plain text (as
   * sent) and as a JSON body quoted inside JSON (escaped twice). The password in the body of {@code
   * POST /api/user} must not come back in the exception or the logs in any of them, whatever
   * symbols it holds. Returns the passwords it received.
   */
  private List<String> passwordEchoedBackInAnError() throws IOException {
    List<String> received = new CopyOnWriteArrayList<>();
    HttpServer echo =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    echo.createContext(
        "/",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          byte[] answer;
          int status;
          String contentType = "application/json";
          if (exchange.getRequestMethod().equals("POST")) {
            received.add(JSON.readTree(body).path("password").asText());
            status = 400;
            String sent = new String(body, StandardCharsets.UTF_8);
            String echoed =
                switch (received.size() % 3) {
                  case 1 -> JSON.writeValueAsString(Map.of("message", "could not create " + sent));
                  case 2 -> {
                    contentType = "text/plain";
                    yield "could not create " + sent;
                  }
                  default ->
                      JSON.writeValueAsString(
                          Map.of(
                              "message",
                              "could not create "
                                  + JSON.writeValueAsString(Map.of("request", sent))));
                };
            answer = echoed.getBytes(StandardCharsets.UTF_8);
          } else {
            status = 200;
            answer = "{\"data\":[],\"total\":0}".getBytes(StandardCharsets.UTF_8);
          }
          exchange.getResponseHeaders().set("Content-Type", contentType);
          exchange.sendResponseHeaders(status, answer.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
          }
        });
    echo.start();
    try {
      MetabaseConnector connector =
          MetabaseConnectors.create(
              ConnectorConfig.of(
                  MetabaseVariant.UNVERSIONED,
                  "http://127.0.0.1:" + echo.getAddress().getPort(),
                  Secret.of("mb_EchoServerKey000000000000000000"),
                  false));
      for (int shape = 1; shape <= 3; shape++) {
        int attempt = shape;
        assertThatThrownBy(
                () ->
                    ((AccountCreator) connector.resourceSyncers().get(0))
                        .createAccount(
                            account("echo@example.com"),
                            LocalCredentialOptions.getDefaultInstance()))
            .isInstanceOfSatisfying(
                ConnectorException.class,
                e -> {
                  LoggerFactory.getLogger(SecretLeakTest.class)
                      .warn("failed: {}", e.getMessage(), e);
                  assertThat(e.getMessage()).contains("could not create").contains("<redacted>");
                  assertThat(received).hasSize(attempt);
                  String password = received.get(attempt - 1);
                  assertThat(e.getMessage())
                      .doesNotContain(password)
                      .doesNotContain(
                          new String(JsonStringEncoder.getInstance().quoteAsString(password)));
                });
      }
    } finally {
      echo.stop(0);
    }
    return received;
  }

  private void assertNoSecretInFiles(List<String> secrets) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    assertThat(files).isNotEmpty();
    for (Path f : files) {
      String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
      for (String s : secrets) {
        assertThat(content).as("file %s", f).doesNotContain(s);
      }
    }
  }

  private static AccountInfo account(String email) {
    return AccountInfo.newBuilder()
        .setProfile(
            Struct.newBuilder()
                .putFields("email", Value.newBuilder().setStringValue(email).build())
                .putFields("first_name", Value.newBuilder().setStringValue("Secret").build())
                .putFields("last_name", Value.newBuilder().setStringValue("Keeper").build()))
        .build();
  }

  private static String throwableText(IThrowableProxy t) {
    StringBuilder out = new StringBuilder();
    for (IThrowableProxy c = t; c != null; c = c.getCause()) {
      out.append(c.getClassName()).append(": ").append(c.getMessage()).append('\n');
      for (StackTraceElementProxy frame : c.getStackTraceElementProxyArray()) {
        out.append(frame.getSTEAsString()).append('\n');
      }
      for (IThrowableProxy s : c.getSuppressed()) {
        out.append(throwableText(s));
      }
    }
    return out.toString();
  }
}
