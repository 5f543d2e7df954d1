package org.batonjava.sdk.service.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.batonjava.c1sim.FakeConductorOne;
import org.batonjava.c1sim.RegisteredClient;
import org.batonjava.sdk.crypto.Secret;
import org.batonjava.sdk.service.ServiceConfig;
import org.batonjava.sdk.service.ServiceRunner;

/**
 * A fake ConductorOne plus a real {@link ServiceRunner} (on its own thread, in this JVM) with a
 * {@link TestConnector}, connected over TLS through the fake's CA; polls every 100 ms by default.
 */
final class ServiceHarness implements AutoCloseable {
  final FakeConductorOne c1;
  final RegisteredClient client;
  final TestConnector connector = new TestConnector();
  final Path tempDir;
  private ServiceRunner runner;
  private Thread thread;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();

  ServiceHarness(Path dir) throws Exception {
    Path certs = Files.createDirectories(dir.resolve("certs"));
    this.tempDir = Files.createDirectories(dir.resolve("c1z-temp"));
    this.c1 = FakeConductorOne.start(certs);
    this.client = c1.registerClient("test-connector");
  }

  /** The configuration every test starts from. */
  ServiceConfig.Builder config() {
    return ServiceConfig.builder(client.clientId(), Secret.of(client.clientSecret()))
        .caCertificate(c1.caCertificate())
        .c1zTempDir(tempDir)
        .hostId("test-host")
        .minPollInterval(Duration.ofMillis(100));
  }

  /** Starts the runner with the default configuration changed by {@code customize}. */
  ServiceRunner start(UnaryOperator<ServiceConfig.Builder> customize) {
    runner = new ServiceRunner(connector, customize.apply(config()).build());
    thread =
        new Thread(
            () -> {
              try {
                runner.run();
              } catch (Throwable t) {
                failure.set(t);
              }
            },
            "service-runner");
    thread.start();
    return runner;
  }

  ServiceRunner start() {
    return start(b -> b);
  }

  ServiceRunner runner() {
    return runner;
  }

  /** Waits for {@link ServiceRunner#run()} to return; returns what it threw, or null. */
  Throwable awaitExit(Duration timeout) throws InterruptedException {
    thread.join(timeout.toMillis());
    if (thread.isAlive()) {
      throw new AssertionError("ServiceRunner.run() did not return within " + timeout);
    }
    return failure.get();
  }

  boolean running() {
    return thread != null && thread.isAlive();
  }

  @Override
  public void close() {
    connector.unblock.countDown();
    if (runner != null) {
      runner.shutdown();
      try {
        thread.join(30_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    c1.close();
  }
}
