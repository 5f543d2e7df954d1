package org.batonjava.sdk.cli;

import java.util.List;
import java.util.Set;
import org.batonjava.sdk.config.ConfigField;
import org.batonjava.sdk.config.FieldRelation;
import org.batonjava.sdk.config.StandardSettings;

/**
 * The generic settings the SDK adds to every connector (Go baton-sdk {@code pkg/field} default
 * fields), in the order the Go v0.25.0 SDK exports the ops ones to the {@code config} schema.
 * Settings that configure features this SDK does not have (OpenTelemetry, the session store,
 * debug-level expiry) are accepted so that existing command lines, environments and schemas keep
 * working; they have no effect.
 */
public final class DefaultFields {
  public static final String FILE = "file";
  public static final String LOG_LEVEL = "log-level";
  public static final String LOG_FORMAT = "log-format";
  public static final String CLIENT_ID = "client-id";
  public static final String CLIENT_SECRET = "client-secret";
  public static final String PROVISIONING = "provisioning";
  public static final String SYNC_RESOURCE_TYPES = "sync-resource-types";
  public static final String SKIP_ENTITLEMENTS_AND_GRANTS = "skip-entitlements-and-grants";
  public static final String WORKERS = "workers";
  public static final String TASK_CONCURRENCY = "task-concurrency";
  public static final String HTTP_TIMEOUT_SECONDS = StandardSettings.HTTP_TIMEOUT_SECONDS.name();
  public static final String C1Z_TEMP_DIR = "c1z-temp-dir";
  public static final String HEALTH_CHECK = "health-check";
  public static final String HEALTH_CHECK_PORT = "health-check-port";
  public static final String HEALTH_CHECK_BIND_ADDRESS = "health-check-bind-address";
  public static final String GRANT_ENTITLEMENT = "grant-entitlement";
  public static final String GRANT_PRINCIPAL = "grant-principal";
  public static final String GRANT_PRINCIPAL_TYPE = "grant-principal-type";
  public static final String REVOKE_GRANT = "revoke-grant";
  public static final String CREATE_ACCOUNT_LOGIN = "create-account-login";
  public static final String CREATE_ACCOUNT_EMAIL = "create-account-email";
  public static final String CREATE_ACCOUNT_PROFILE = "create-account-profile";
  public static final String CREATE_ACCOUNT_RESOURCE_TYPE = "create-account-resource-type";
  public static final String CREATE_ACCOUNT_RECIPIENT = "create-account-recipient";
  public static final String CREATE_ACCOUNT_OUTPUT = "create-account-output";
  public static final String INVOKE_ACTION = "invoke-action";
  public static final String INVOKE_ACTION_ARGS = "invoke-action-args";
  public static final String LIST_ACTION_SCHEMAS = "list-action-schemas";

  /** The default fields the Go v0.5.6 SDK exported; later ones appeared with v0.25.0. */
  static final Set<String> EXPORTED_BY_V0_5_6 =
      Set.of(
          LOG_LEVEL,
          "log-level-debug-expires-at",
          "otel-collector-endpoint",
          "otel-collector-endpoint-tls-cert-path",
          "otel-collector-endpoint-tls-cert",
          "otel-collector-endpoint-tls-insecure",
          "otel-tracing-disabled",
          "otel-logging-disabled");

  private static final List<ConfigField> FIELDS =
      List.of(
          ConfigField.string(FILE)
              .shortName('f')
              .defaultValue("sync.c1z")
              .notExported()
              .description("The path to the c1z file to sync with")
              .build(),
          ConfigField.string(LOG_LEVEL)
              .defaultValue("info")
              .oneOf("debug", "info", "warn", "error")
              .ops()
              .description("The log level: debug, info, warn, error")
              .build(),
          ConfigField.string("log-level-debug-expires-at")
              .ops()
              .description("The timestamp indicating when debug-level logging should expire")
              .build(),
          ConfigField.integer("session-store-maximum-size")
              .defaultValue(15_728_640)
              .ops()
              .hidden()
              .description("The maximum size of the local in-memory session store cache in bytes.")
              .build(),
          ConfigField.string("otel-collector-endpoint")
              .ops()
              .description(
                  "The endpoint of the OpenTelemetry collector to send observability data to (used for "
                      + "both tracing and logging if specific endpoints are not provided)")
              .build(),
          ConfigField.string("otel-collector-endpoint-tls-cert-path")
              .ops()
              .hidden()
              .description(
                  "Path to a file containing a PEM-encoded certificate to use as a CA for TLS "
                      + "connections to the OpenTelemetry collector")
              .build(),
          ConfigField.string("otel-collector-endpoint-tls-cert")
              .ops()
              .hidden()
              .description(
                  "A PEM-encoded certificate to use as a CA for TLS connections to the OpenTelemetry "
                      + "collector")
              .build(),
          ConfigField.bool("otel-collector-endpoint-tls-insecure")
              .ops()
              .hidden()
              .description("Allow insecure connections to the OpenTelemetry collector")
              .build(),
          ConfigField.bool("otel-tracing-disabled")
              .ops()
              .hidden()
              .description("Disable OpenTelemetry tracing")
              .build(),
          ConfigField.bool("otel-logging-disabled")
              .ops()
              .hidden()
              .description("Disable OpenTelemetry logging")
              .build(),
          ConfigField.bool(HEALTH_CHECK)
              .ops()
              .description("Enable the HTTP health check endpoint")
              .build(),
          ConfigField.integer(HEALTH_CHECK_PORT)
              .defaultValue(8081)
              .ops()
              .description("Port for the HTTP health check endpoint")
              .build(),
          ConfigField.string(HEALTH_CHECK_BIND_ADDRESS)
              .defaultValue("127.0.0.1")
              .ops()
              .hidden()
              .description("Bind address for health check server (127.0.0.1 for localhost-only)")
              .build(),
          StandardSettings.HTTP_TIMEOUT_SECONDS.field(),
          ConfigField.string(LOG_FORMAT)
              .oneOf("json", "console")
              .notExported()
              .description(
                  "The output format for logs: json, console (default: console when stdout is a "
                      + "terminal, else json)")
              .build(),
          ConfigField.string(CLIENT_ID)
              .notExported()
              .description(
                  "The client ID used to authenticate with ConductorOne (selects service mode)")
              .build(),
          ConfigField.string(CLIENT_SECRET)
              .secret()
              .notExported()
              .description("The client secret used to authenticate with ConductorOne")
              .build(),
          ConfigField.bool(PROVISIONING)
              .shortName('p')
              .notExported()
              .description("This must be set in order for provisioning actions to be enabled")
              .build(),
          ConfigField.stringList(SYNC_RESOURCE_TYPES)
              .notExported()
              .description("The resource type IDs to sync")
              .build(),
          ConfigField.bool(SKIP_ENTITLEMENTS_AND_GRANTS)
              .notExported()
              .description("This must be set to skip syncing of entitlements and grants")
              .build(),
          ConfigField.integer(WORKERS)
              .defaultValue(0)
              .atLeast(-1)
              .notExported()
              .description("Parallel sync workers: -1 for automatic, 0 or 1 for sequential")
              .build(),
          ConfigField.integer(TASK_CONCURRENCY)
              .defaultValue(3)
              .range(1, 100)
              .notExported()
              .description("How many ConductorOne tasks run at the same time in service mode")
              .build(),
          ConfigField.string(C1Z_TEMP_DIR)
              .notExported()
              .hidden()
              .description(
                  "The directory to store temporary files in. It must exist, and write access is "
                      + "required. Defaults to the OS temporary directory.")
              .build(),
          ConfigField.string(GRANT_ENTITLEMENT)
              .notExported()
              .hidden()
              .description("The id of the entitlement to grant to the supplied principal")
              .build(),
          ConfigField.string(GRANT_PRINCIPAL)
              .notExported()
              .hidden()
              .description("The id of the resource to grant the entitlement to")
              .build(),
          ConfigField.string(GRANT_PRINCIPAL_TYPE)
              .notExported()
              .hidden()
              .description("The resource type of the principal to grant the entitlement to")
              .build(),
          ConfigField.string(REVOKE_GRANT)
              .notExported()
              .hidden()
              .description("The grant to revoke")
              .build(),
          ConfigField.string(CREATE_ACCOUNT_LOGIN)
              .notExported()
              .hidden()
              .description("The login of the account to create")
              .build(),
          ConfigField.string(CREATE_ACCOUNT_EMAIL)
              .notExported()
              .hidden()
              .description("The email of the account to create")
              .build(),
          ConfigField.string(CREATE_ACCOUNT_PROFILE)
              .notExported()
              .hidden()
              .description("JSON-formatted profile of the account to create")
              .build(),
          ConfigField.string(CREATE_ACCOUNT_RESOURCE_TYPE)
              .notExported()
              .hidden()
              .description(
                  "The resource type of the account to create (default: the only one, else user)")
              .build(),
          ConfigField.string(CREATE_ACCOUNT_RECIPIENT)
              .notExported()
              .description(
                  "Who may read the new account's password: an age1... recipient, an ssh-ed25519/ssh-rsa"
                      + " public key, a public JWK, or a file holding one. Without it the password is encrypted to a"
                      + " throw-away key, as the Go SDK does, and cannot be recovered")
              .build(),
          ConfigField.string(CREATE_ACCOUNT_OUTPUT)
              .notExported()
              .description(
                  "With --create-account-recipient: write the encrypted password to this file (mode 0600)"
                      + " instead of stdout")
              .build(),
          ConfigField.string(INVOKE_ACTION)
              .notExported()
              .hidden()
              .description("The name of the action to invoke")
              .build(),
          ConfigField.string(INVOKE_ACTION_ARGS)
              .defaultValue("{}")
              .notExported()
              .hidden()
              .description("JSON-formatted arguments of the action to invoke")
              .build(),
          ConfigField.bool(LIST_ACTION_SCHEMAS)
              .notExported()
              .hidden()
              .description("List the schemas of the connector's actions")
              .build());

  private static final List<FieldRelation> RELATIONS =
      List.of(
          FieldRelation.requiredTogether(CLIENT_ID, CLIENT_SECRET),
          FieldRelation.requiredTogether(GRANT_ENTITLEMENT, GRANT_PRINCIPAL, GRANT_PRINCIPAL_TYPE));

  private DefaultFields() {}

  /** The generic fields, in Go's schema-export order for the exported ones. */
  public static List<ConfigField> fields() {
    return FIELDS;
  }

  /** Client id and secret together; the three grant flags together. */
  public static List<FieldRelation> relations() {
    return RELATIONS;
  }
}
