package org.batonjava.sdk.service;

import c1.connectorapi.baton.v1.Task.TaskTypeCase;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.batonjava.sdk.connector.Connector;
import org.batonjava.sdk.crypto.CredentialEncryptor;
import org.batonjava.sdk.provision.GrantRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Service mode: the connector as a long-running process that takes its work from ConductorOne,
 * speaking the same protocol as the Go Baton SDK (v0.25.0).
 *
 * <pre>{@code
 * ServiceRunner runner = new ServiceRunner(connector, ServiceConfig.builder(clientId, clientSecret)
 *     .environment(System.getenv()).provisioning(true).taskConcurrency(3).build());
 * TerminationSignals.install(runner);
 * runner.run();          // returns after shutdown(); exit 0
 * }</pre>
 *
 * <p>{@link #run()}: token exchange and startup {@code Hello} (retried with backoff; fatal errors
 * throw {@link ServiceException}), the health server when enabled, then the poll loop with {@code
 * task-concurrency} slots until {@link #shutdown()}. Credentials are parsed in the constructor,
 * before any network use; malformed ones throw {@link InvalidCredentialsException}.
 *
 * <p>{@link #shutdown()} (better than Go, which dies on SIGTERM): stops polling at once, lets
 * running tasks finish within {@link ServiceConfig#shutdownGrace()} and send their {@code
 * FinishTask}, cancels whatever still runs after that (a sync then finishes with {@code
 * CANCELLED}), and returns when {@link #run()} has returned.
 */
public final class ServiceRunner {
  /** How long cancelled tasks get to report after the grace period. */
  static final Duration AFTER_CANCEL_WAIT = Duration.ofSeconds(40);

  private static final Logger LOG = LoggerFactory.getLogger(ServiceRunner.class);

  private final Connector connector;
  private final ServiceConfig config;
  private final CredentialSealer sealer;
  private final ClientCredentials credentials;
  private final C1Endpoint endpoint;
  private final StopSignal stop = new StopSignal();
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicBoolean stopLogged = new AtomicBoolean();
  private final CountDownLatch finished = new CountDownLatch(1);
  private volatile boolean ready;
  private volatile HealthServer health;

  /** A runner encrypting generated credentials with the SDK's {@link CredentialEncryptor}. */
  public ServiceRunner(Connector connector, ServiceConfig config) {
    this(connector, config, new CredentialEncryptor()::encrypt);
  }

  public ServiceRunner(Connector connector, ServiceConfig config, CredentialSealer sealer) {
    this.connector = connector;
    this.config = config;
    this.sealer = sealer;
    this.credentials = ClientCredentials.parse(config.clientId(), config.clientSecret());
    try {
      this.endpoint = C1Endpoint.resolve(credentials, config.hostOverride());
    } catch (IllegalArgumentException e) {
      throw new ServiceException("BATON_C1_API_HOST: " + e.getMessage(), e);
    }
  }

  /** Runs until {@link #shutdown()}; throws {@link ServiceException} when it cannot start. */
  public void run() {
    if (!started.compareAndSet(false, true)) {
      throw new IllegalStateException("a ServiceRunner runs once");
    }
    ExecutorService pool = null;
    ScheduledExecutorService heartbeats = null;
    BatonServiceClient client = null;
    try {
      Path tempDir = config.c1zTempDir().orElse(Path.of(System.getProperty("java.io.tmpdir")));
      if (!Files.isDirectory(tempDir) || !Files.isWritable(tempDir)) {
        throw new ServiceException(
            "--c1z-temp-dir " + tempDir + " must be an existing, writable folder");
      }
      TrustMaterial trust;
      try {
        trust = TrustMaterial.load(config.caCertificates());
      } catch (IllegalArgumentException | IllegalStateException e) {
        throw new ServiceException(e.getMessage(), e);
      }
      HttpClient http =
          HttpClient.newBuilder()
              .sslContext(trust.sslContext())
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(30))
              .build();
      TokenSource tokens =
          new TokenSource(
              credentials,
              new ClientAssertion(credentials, Clock.systemUTC(), new SecureRandom()),
              endpoint.tokenUri(),
              http,
              Clock.systemUTC());
      client =
          BatonServiceClient.connect(
              endpoint, trust, new BearerCredentials(tokens), credentials.clientName());
      HostInfo host = HostInfo.probe(config.hostId());
      HelloRequests hellos = new HelloRequests(connector, config.capabilitiesShape(), host);
      LOG.info(
          "Service mode: ConductorOne at {}:{}, host id {}, {} task slot(s), provisioning {}{}",
          endpoint.host(),
          endpoint.port(),
          host.hostId(),
          config.taskConcurrency(),
          config.provisioning() ? "enabled" : "disabled",
          config.batchedPolling() ? ", batched polling (GetTasks)" : "");
      if (!new StartupHello(client, hellos, stop).run()) {
        LOG.info("Stopped before connecting to ConductorOne");
        return;
      }
      if (config.healthCheck().enabled()) {
        health = HealthServer.start(config.healthCheck(), connector, () -> ready);
      }
      pool = Executors.newFixedThreadPool(config.taskConcurrency(), daemonThreads("baton-task"));
      heartbeats = Executors.newSingleThreadScheduledExecutor(daemonThreads("baton-heartbeat"));
      TaskRunner runner =
          new TaskRunner(
              handlers(client, hellos, host.hostId(), tempDir, heartbeats),
              new TaskFinisher(client, host.hostId()));
      ready = true;
      Semaphore slots = new Semaphore(config.taskConcurrency());
      if (config.batchedPolling()) {
        new BatchedTaskPoller(
                client,
                host.hostId(),
                config.taskConcurrency(),
                slots,
                pool,
                runner::run,
                stop,
                config.minPollInterval())
            .run();
      } else {
        new TaskPoller(
                client, host.hostId(), slots, pool, runner::run, stop, config.minPollInterval())
            .run();
      }
      ready = false;
      drain(pool, runner, config.taskConcurrency() - slots.availablePermits());
    } finally {
      ready = false;
      if (pool != null) {
        pool.shutdownNow();
      }
      if (heartbeats != null) {
        heartbeats.shutdownNow();
      }
      if (health != null) {
        health.close();
      }
      if (client != null) {
        client.close();
      }
      finished.countDown();
    }
  }

  /**
   * Stops taking tasks, lets running ones finish (within the grace period) and report, and returns
   * when {@link #run()} has returned. Safe to call from any thread, more than once, and before
   * {@link #run()}.
   */
  public void shutdown() {
    if (stopLogged.compareAndSet(false, true)) {
      LOG.info(
          "Shutdown requested: no new tasks will be taken; running tasks get up to {} s to finish",
          config.shutdownGrace().toSeconds());
    }
    ready = false;
    stop.raise();
    if (!started.get()) {
      return;
    }
    try {
      long bound = config.shutdownGrace().plus(AFTER_CANCEL_WAIT).plusSeconds(20).toMillis();
      if (!finished.await(bound, TimeUnit.MILLISECONDS)) {
        LOG.warn("Service did not stop within {} ms", bound);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Whether the runner is connected and taking tasks ({@code /ready}). */
  public boolean ready() {
    return ready;
  }

  /** The health server's address, once it runs. */
  public Optional<InetSocketAddress> healthAddress() {
    return Optional.ofNullable(health).map(HealthServer::address);
  }

  /**
   * Waits for the {@code running} tasks the poller handed out (each holds a slot until it has
   * finished).
   */
  private void drain(ExecutorService pool, TaskRunner runner, int running) {
    LOG.info("Stopped polling for tasks; waiting for {} running task(s)", running);
    pool.shutdown();
    try {
      if (!pool.awaitTermination(config.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn(
            "Grace period of {} s is over; cancelling task(s) {}",
            config.shutdownGrace().toSeconds(),
            runner.running().stream().map(TaskContext::taskId).collect(Collectors.joining(", ")));
        runner.cancelAll("service is shutting down");
        if (!pool.awaitTermination(AFTER_CANCEL_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
          LOG.error(
              "Task(s) {} did not stop; abandoning them (ConductorOne will time them out)",
              runner.running().stream().map(TaskContext::taskId).collect(Collectors.joining(", ")));
          return;
        }
      }
      LOG.info("All tasks finished; service stopped");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Map<TaskTypeCase, TaskHandler> handlers(
      BatonServiceClient client,
      HelloRequests hellos,
      String hostId,
      Path tempDir,
      ScheduledExecutorService heartbeats) {
    boolean provisioning = config.provisioning();
    GrantRequests grants = new GrantRequests(connector);
    ActionTasks actions = new ActionTasks(connector);
    Map<TaskTypeCase, TaskHandler> h = new EnumMap<>(TaskTypeCase.class);
    h.put(TaskTypeCase.HELLO, new HelloTask(client, hellos));
    h.put(
        TaskTypeCase.SYNC_FULL,
        new FullSyncTask(
            connector,
            config.sync(),
            tempDir,
            client,
            hostId,
            heartbeats,
            new C1zUploader(client, hostId)));
    h.put(TaskTypeCase.GRANT, new GrantTask(grants, provisioning));
    h.put(TaskTypeCase.REVOKE, new RevokeTask(grants, provisioning));
    h.put(
        TaskTypeCase.CREATE_ACCOUNT,
        new CreateAccountTask(connector, sealer, provisioning, credentials.key()));
    h.put(
        TaskTypeCase.CREATE_RESOURCE,
        new UnimplementedWriteTask(provisioning, "creating resources"));
    h.put(
        TaskTypeCase.DELETE_RESOURCE,
        new UnimplementedWriteTask(provisioning, "deleting resources"));
    h.put(
        TaskTypeCase.ROTATE_CREDENTIALS,
        new UnimplementedWriteTask(provisioning, "rotating credentials"));
    h.put(
        TaskTypeCase.ISSUE_CREDENTIAL,
        new UnimplementedWriteTask(provisioning, "issuing credentials"));
    h.put(TaskTypeCase.ACTION_LIST_SCHEMAS, actions::listSchemas);
    h.put(TaskTypeCase.ACTION_GET_SCHEMA, actions::getSchema);
    h.put(TaskTypeCase.ACTION_INVOKE, actions::invoke);
    h.put(TaskTypeCase.ACTION_STATUS, actions::status);
    return h;
  }

  private static ThreadFactory daemonThreads(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
