package org.batonjava.sdk.service.e2e;

import java.nio.file.Path;
import java.time.Duration;
import org.batonjava.sdk.crypto.Secret;
import org.batonjava.sdk.service.ServiceConfig;
import org.batonjava.sdk.service.ServiceRunner;
import org.batonjava.sdk.service.TerminationSignals;

/**
 * A service-mode connector process for {@link SigtermProcessTest}: configured from the environment
 * like the Go binary ({@code BATON_CLIENT_ID}, {@code BATON_CLIENT_SECRET}, {@code BATON_HOST_ID},
 * {@code SSL_CERT_FILE}), a {@link TestConnector} whose syncs take a few seconds, SIGTERM/SIGINT
 * routed to {@link ServiceRunner#shutdown()}. {@code main} simply returns when the runner stops, so
 * the exit status shows whether anything keeps the JVM alive.
 */
public final class ServiceProcess {
  private ServiceProcess() {}

  public static void main(String[] args) {
    TestConnector connector = new TestConnector();
    connector.users = 60;
    connector.pageDelay = Duration.ofMillis(100);
    ServiceConfig config =
        ServiceConfig.builder(
                System.getenv("BATON_CLIENT_ID"), Secret.of(System.getenv("BATON_CLIENT_SECRET")))
            .environment(System.getenv())
            .c1zTempDir(Path.of(args[0]))
            .minPollInterval(Duration.ofMillis(100))
            .build();
    ServiceRunner runner = new ServiceRunner(connector, config);
    TerminationSignals.install(runner);
    runner.run();
    System.err.println("run() returned");
  }
}
