package org.batonjava.sdk.cli;

import java.nio.file.Path;
import org.batonjava.sdk.c1z.C1zOptions;
import org.batonjava.sdk.connector.Connector;
import org.batonjava.sdk.provision.ActionRequests;
import org.batonjava.sdk.provision.GrantRequests;
import org.batonjava.sdk.provision.OneShotProvisioning;

/**
 * The one-shot provisioning runs: grant, revoke, create an account, invoke an action, list action
 * schemas. Ids are looked up in the latest finished sync of {@code --file}, which is only read.
 * Each prints one line on stdout (what changed, or that nothing needed to) and exits 0.
 */
final class ProvisionCommand {
  private final RunEnvironment environment;

  ProvisionCommand(RunEnvironment environment) {
    this.environment = environment;
  }

  /**
   * Runs {@code mode}; returns false when the mode is not a provisioning run this command knows.
   */
  boolean run(RunMode mode, Connector connector, ResolvedConfig config) {
    switch (mode.flag()) {
      case DefaultFields.GRANT_ENTITLEMENT -> {
        GrantRequests.Outcome o =
            provisioning(connector, config)
                .grant(
                    config.string(DefaultFields.GRANT_ENTITLEMENT),
                    config.string(DefaultFields.GRANT_PRINCIPAL),
                    config.string(DefaultFields.GRANT_PRINCIPAL_TYPE));
        println(o.message());
      }
      case DefaultFields.REVOKE_GRANT -> {
        GrantRequests.Outcome o =
            provisioning(connector, config).revoke(config.string(DefaultFields.REVOKE_GRANT));
        println(o.message());
      }
      case DefaultFields.INVOKE_ACTION -> {
        String name = config.string(DefaultFields.INVOKE_ACTION);
        ActionRequests actions = new ActionRequests(connector);
        String result =
            ActionRequests.json(
                actions.invoke(name, config.string(DefaultFields.INVOKE_ACTION_ARGS)));
        println("action " + name + " complete: " + result);
      }
      case DefaultFields.LIST_ACTION_SCHEMAS ->
          println(new ActionRequests(connector).schemasJson());
      case DefaultFields.CREATE_ACCOUNT_PROFILE, DefaultFields.CREATE_ACCOUNT_LOGIN ->
          new AccountCreationCommand(environment).run(connector, config);
      default -> {
        return false;
      }
    }
    return true;
  }

  private OneShotProvisioning provisioning(Connector connector, ResolvedConfig config) {
    Path file = environment.workingDirectory().resolve(config.string(DefaultFields.FILE));
    C1zOptions options = C1zOptions.defaults();
    if (config.isSet(DefaultFields.C1Z_TEMP_DIR)) {
      options =
          options.withTempDir(
              environment.workingDirectory().resolve(config.string(DefaultFields.C1Z_TEMP_DIR)));
    }
    return new OneShotProvisioning(connector, file, options);
  }

  private void println(String line) {
    environment.out().println(line);
    environment.out().flush();
  }
}
