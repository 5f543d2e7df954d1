package org.batonjava.metabase.app;

import static org.assertj.core.api.Assertions.assertThat;

import c1.connector.v2.AccountInfo;
import c1.connector.v2.CreateAccountResponse;
import c1.connector.v2.Entitlement;
import c1.connector.v2.GrantAlreadyExists;
import c1.connector.v2.GrantManagerServiceGrantResponse;
import c1.connector.v2.Resource;
import c1.connectorapi.baton.v1.Task;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.batonjava.c1sim.ChosenPasswords;
import org.batonjava.c1sim.FakeConductorOne;
import org.batonjava.c1sim.FinishedTask;
import org.batonjava.c1sim.RegisteredClient;
import org.batonjava.c1sim.Tasks;
import org.batonjava.c1sim.UploadRecord;
import org.batonjava.metabase.sim.MetabaseSimulator;
import org.batonjava.metabase.sim.data.Dataset;
import org.batonjava.sdk.c1z.C1zOptions;
import org.batonjava.sdk.c1z.C1zStore;
import org.batonjava.sdk.c1z.SyncRun;
import org.batonjava.sdk.connector.Annotations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged connector as a Kubernetes pod runs it: {@code bin/baton-metabase-v056} with no
 * arguments, configured only by {@code BATON_*} variables, talking TLS + gRPC to the fake
 * ConductorOne and HTTP to the Metabase simulator; it syncs and uploads, provisions, creates an
 * account with a password chosen in ConductorOne, answers its health probes, and drains on SIGTERM.
 */
class ServiceModeIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path ROOT =
      Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();

  @TempDir Path dir;

  @Test
  void syncProvisionHealthAndSigterm() throws Exception {
    Files.createDirectories(dir.resolve("c1"));
    try (MetabaseSimulator sim =
            MetabaseSimulator.builder()
                .version("0.56")
                .paid(false)
                .dataset(Dataset.demo())
                .port(0)
                .start();
        FakeConductorOne c1 = FakeConductorOne.start(dir.resolve("c1"))) {
      RegisteredClient client = c1.registerClient("baton-metabase-v056");
      int healthPort;
      try (ServerSocket s = new ServerSocket(0)) {
        healthPort = s.getLocalPort();
      }
      Task sync = Tasks.syncFull();
      c1.tasks().enqueue(sync);

      ProcessBuilder pb =
          new ProcessBuilder(ROOT.resolve("bin/baton-metabase-v056").toString())
              .directory(dir.toFile());
      pb.environment().keySet().removeIf(k -> k.startsWith("BATON_"));
      pb.environment().put("BATON_CLIENT_ID", client.clientId());
      pb.environment().put("BATON_CLIENT_SECRET", client.clientSecret());
      pb.environment().put("BATON_METABASE_BASE_URL", sim.baseUrl());
      pb.environment().put("BATON_METABASE_API_KEY", sim.adminApiKey());
      pb.environment().put("BATON_PROVISIONING", "true");
      pb.environment().put("BATON_HOST_ID", "baton-metabase-v056");
      pb.environment().put("BATON_HEALTH_CHECK", "true");
      pb.environment().put("BATON_HEALTH_CHECK_PORT", Integer.toString(healthPort));
      pb.environment().put("BATON_LOG_FORMAT", "json");
      pb.environment().put("SSL_CERT_FILE", c1.caCertificate().toString());
      Path log = dir.resolve("connector.log");
      Process connector = pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
      try {
        FinishedTask synced = c1.tasks().awaitFinished(sync.getId(), Duration.ofSeconds(90));
        assertThat(synced.success()).as(synced.message() + "\n" + Files.readString(log)).isTrue();
        UploadRecord upload = c1.tasks().uploads(sync.getId()).get(0);
        Path c1z = dir.resolve("uploaded.c1z");
        Files.write(c1z, upload.content());
        Entitlement analysts;
        Resource ken;
        try (C1zStore store = C1zStore.openReadOnly(c1z, C1zOptions.defaults().withTempDir(dir))) {
          SyncRun run = store.syncRuns().latestFinished().orElseThrow();
          assertThat(store.reader().getResource(run.id(), "database", "2")).isPresent();
          assertThat(
                  store.reader().getGrant(run.id(), "database:2:query-builder-and-native:group:4"))
              .isPresent();
          assertThat(store.reader().getGrant(run.id(), "group:3:member:user:4")).isPresent();
          analysts = store.reader().getEntitlement(run.id(), "group:3:member").orElseThrow();
          ken = store.reader().getResource(run.id(), "user", "7").orElseThrow();
        }

        // Provisioning: user 7 joins Analysts; a second grant is idempotent.
        Task grant = Tasks.grant(analysts, ken);
        c1.tasks().enqueue(grant);
        assertThat(c1.tasks().awaitFinished(grant.getId(), Duration.ofSeconds(30)).success())
            .isTrue();
        Task again = Tasks.grant(analysts, ken);
        c1.tasks().enqueue(again);
        FinishedTask second = c1.tasks().awaitFinished(again.getId(), Duration.ofSeconds(30));
        assertThat(second.success()).isTrue();
        assertThat(
                Annotations.has(
                    second.response(GrantManagerServiceGrantResponse.class).getAnnotationsList(),
                    GrantAlreadyExists.class))
            .isTrue();

        // Account creation with a password an administrator chose in ConductorOne (sent encrypted
        // to the client
        // secret): the new Metabase user logs in with exactly that password, and nothing is sent
        // back.
        String chosen = "Chosen in C1: \"pässword\" 42!";
        Task create =
            Tasks.createAccount(
                AccountInfo.newBuilder()
                    .setProfile(
                        Struct.newBuilder()
                            .putFields(
                                "email",
                                Value.newBuilder().setStringValue("chosen@example.com").build())
                            .putFields(
                                "first_name", Value.newBuilder().setStringValue("Chosen").build())
                            .putFields(
                                "last_name", Value.newBuilder().setStringValue("Person").build()))
                    .build(),
                ChosenPasswords.encryptedFor(chosen, client),
                List.of());
        c1.tasks().enqueue(create);
        FinishedTask created = c1.tasks().awaitFinished(create.getId(), Duration.ofSeconds(30));
        assertThat(created.success()).as(created.message()).isTrue();
        assertThat(created.response(CreateAccountResponse.class).getEncryptedDataList()).isEmpty();
        HttpClient http = HttpClient.newHttpClient();
        String login =
            "{\"username\":\"chosen@example.com\",\"password\":"
                + JSON.writeValueAsString(chosen)
                + "}";
        HttpResponse<String> session =
            http.send(
                HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/api/session"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(login))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(session.statusCode()).as(session.body()).isEqualTo(200);

        // Health probes as Kubernetes asks them.
        for (String path : new String[] {"/live", "/ready", "/health"}) {
          HttpResponse<String> r =
              http.send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + healthPort + path))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
          assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
        }
      } finally {
        connector.destroy(); // SIGTERM, as Kubernetes sends
      }
      assertThat(connector.waitFor(60, TimeUnit.SECONDS)).isTrue();
      String output = Files.readString(log, StandardCharsets.UTF_8);
      assertThat(connector.exitValue()).as(output).isZero();
      assertThat(output)
          .doesNotContain(client.clientSecret())
          .doesNotContain(sim.adminApiKey())
          .doesNotContain("pässword");
    }
  }
}
