package org.batonjava.sdk.cli;

import java.util.LinkedHashSet;
import org.batonjava.sdk.connector.Connector;
import org.batonjava.sdk.connector.GoSdkShape;
import org.batonjava.sdk.service.HealthCheckOptions;
import org.batonjava.sdk.service.ServiceConfig;
import org.batonjava.sdk.service.ServiceRunner;
import org.batonjava.sdk.service.SyncSettings;
import org.batonjava.sdk.service.TerminationSignals;

/**
 * Service mode (a client id is set): polls ConductorOne for tasks until SIGTERM/SIGINT, which lets
 * running tasks finish and report before the process exits 0. Configured entirely by flags or
 * {@code BATON_*} variables, as in a Kubernetes Deployment.
 */
final class ServiceCommand {
  private final RunEnvironment environment;
  private final GoSdkShape shape;

  ServiceCommand(RunEnvironment environment, GoSdkShape shape) {
    this.environment = environment;
    this.shape = shape;
  }

  int run(Connector connector, ResolvedConfig config) {
    ServiceConfig.Builder service =
        ServiceConfig.builder(
                config.string(DefaultFields.CLIENT_ID), config.secret(DefaultFields.CLIENT_SECRET))
            .environment(environment.env())
            .provisioning(config.bool(DefaultFields.PROVISIONING))
            .taskConcurrency(config.integer(DefaultFields.TASK_CONCURRENCY))
            .healthCheck(
                config.bool(DefaultFields.HEALTH_CHECK)
                    ? HealthCheckOptions.enabled(
                        config.integer(DefaultFields.HEALTH_CHECK_PORT),
                        config.string(DefaultFields.HEALTH_CHECK_BIND_ADDRESS))
                    : HealthCheckOptions.disabled())
            .sync(
                new SyncSettings(
                    new LinkedHashSet<>(config.strings(DefaultFields.SYNC_RESOURCE_TYPES)),
                    config.bool(DefaultFields.SKIP_ENTITLEMENTS_AND_GRANTS),
                    false,
                    SyncCommand.workers(
                        config.integer(DefaultFields.WORKERS), environment.availableProcessors())))
            .capabilitiesShape(shape);
    if (config.isSet(DefaultFields.C1Z_TEMP_DIR)) {
      service.c1zTempDir(
          environment.workingDirectory().resolve(config.string(DefaultFields.C1Z_TEMP_DIR)));
    }
    ServiceRunner runner = new ServiceRunner(connector, service.build());
    TerminationSignals.install(runner);
    runner.run();
    return BatonApp.EXIT_OK;
  }
}
