package org.batonjava.c1sim;

import c1.connectorapi.baton.v1.BatonServiceHelloRequest;
import com.sun.net.httpserver.HttpServer;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A fake ConductorOne for service-mode tests: one TLS port on loopback (a throw-away CA from {@link
 * LocalCertificateAuthority}) serving {@code POST /auth/v1/token} and the {@code BatonService} gRPC
 * API.
 *
 * <pre>{@code
 * try (FakeConductorOne c1 = FakeConductorOne.start(tempDir)) {
 *   RegisteredClient client = c1.registerClient("my-connector");   // my-connector@localhost:<port>/pcc
 *   c1.tasks().enqueue(Tasks.syncFull());
 *   // run the connector with client.clientId(), client.clientSecret() and c1.caCertificate() trusted
 *   FinishedTask done = c1.tasks().awaitFinished(id, Duration.ofSeconds(30));
 * }
 * }</pre>
 *
 * Behind the TLS port: a plaintext gRPC server and a JDK HTTP server on loopback, reached through
 * {@link TlsFrontDoor} by ALPN.
 */
public final class FakeConductorOne implements AutoCloseable {
  private final LocalCertificateAuthority ca;
  private final Server grpc;
  private final HttpServer http;
  private final TlsFrontDoor door;
  private final Map<String, RegisteredClient> clients;
  private final TokenEndpoint tokenEndpoint;
  private final IssuedTokens issued;
  private final FakeBatonService service;
  private final TaskBoard board;
  private final CallLog calls;
  private final Faults faults;

  private FakeConductorOne(
      LocalCertificateAuthority ca,
      Server grpc,
      HttpServer http,
      TlsFrontDoor door,
      Map<String, RegisteredClient> clients,
      TokenEndpoint tokenEndpoint,
      IssuedTokens issued,
      FakeBatonService service,
      TaskBoard board,
      CallLog calls,
      Faults faults) {
    this.ca = ca;
    this.grpc = grpc;
    this.http = http;
    this.door = door;
    this.clients = clients;
    this.tokenEndpoint = tokenEndpoint;
    this.issued = issued;
    this.service = service;
    this.board = board;
    this.calls = calls;
    this.faults = faults;
  }

  /** Starts on a free loopback port; certificates go to {@code workDir}. */
  public static FakeConductorOne start(Path workDir) throws IOException {
    return start(workDir, 0);
  }

  /** Starts on loopback {@code port} (0 = any free port). */
  public static FakeConductorOne start(Path workDir, int port) throws IOException {
    Clock clock = Clock.systemUTC();
    LocalCertificateAuthority ca = LocalCertificateAuthority.create(workDir);
    Map<String, RegisteredClient> clients = new ConcurrentHashMap<>();
    IssuedTokens issued = new IssuedTokens(clock);
    CallLog calls = new CallLog();
    Faults faults = new Faults();
    TaskBoard board = new TaskBoard(clock);
    FakeBatonService service = new FakeBatonService(board, calls, faults, clock);
    Server grpc =
        NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
            .addService(
                ServerInterceptors.intercept(service, new AuthInterceptor(issued, calls, clock)))
            .build()
            .start();
    TokenEndpoint tokens = new TokenEndpoint(clients, "localhost", issued, clock);
    HttpServer http =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    http.createContext("/auth/v1/token", tokens);
    http.setExecutor(
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "c1sim-http");
              t.setDaemon(true);
              return t;
            }));
    http.start();
    TlsFrontDoor door =
        TlsFrontDoor.start(ca.serverContext(), port, grpc.getPort(), http.getAddress().getPort());
    return new FakeConductorOne(
        ca, grpc, http, door, clients, tokens, issued, service, board, calls, faults);
  }

  /** The TLS port. */
  public int port() {
    return door.port();
  }

  /**
   * {@code localhost:<port>}: the host of client ids and the value for {@code BATON_C1_API_HOST}.
   */
  public String hostAndPort() {
    return "localhost:" + port();
  }

  /** The CA certificate (PEM) to trust ({@code SSL_CERT_FILE}). */
  public Path caCertificate() {
    return ca.caCertificate();
  }

  /**
   * Registers a connector: client id {@code <name>@localhost:<port>/pcc} and a fresh Ed25519 client
   * secret.
   */
  public RegisteredClient registerClient(String name) {
    return registerClient(name, hostAndPort());
  }

  /**
   * Registers a connector whose client id names {@code clientIdHost} (e.g. an unreachable {@code
   * localhost:1}, to test {@code BATON_C1_API_HOST}); assertions must still carry the audience
   * {@code localhost}.
   */
  public RegisteredClient registerClient(String name, String clientIdHost) {
    RegisteredClient client = RegisteredClient.create(name, clientIdHost);
    clients.put(client.clientId(), client);
    return client;
  }

  public TokenEndpoint tokenEndpoint() {
    return tokenEndpoint;
  }

  /** Every access token issued so far. */
  public Set<String> issuedTokens() {
    return issued.all();
  }

  public TaskBoard tasks() {
    return board;
  }

  public CallLog calls() {
    return calls;
  }

  public Faults faults() {
    return faults;
  }

  /** The {@code next_poll} of GetTask answers (200 ms by default). */
  public void nextPoll(Duration value) {
    service.nextPoll(value);
  }

  /** The {@code next_heartbeat} of GetTask and Heartbeat answers (1 s by default). */
  public void nextHeartbeat(Duration value) {
    service.nextHeartbeat(value);
  }

  /** The last accepted Hello. */
  public Optional<BatonServiceHelloRequest> lastHello() {
    return service.lastHello();
  }

  @Override
  public void close() {
    door.close();
    http.stop(0);
    if (http.getExecutor() instanceof java.util.concurrent.ExecutorService pool) {
      pool.shutdownNow();
    }
    grpc.shutdownNow();
    try {
      grpc.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
