package org.batonjava.sdk.connector;

/**
 * Which generation of the Go baton-sdk a connector's {@code capabilities} and {@code config} output
 * imitates. The three Go Metabase connectors were built with two SDK generations whose output
 * differs in shape (not in meaning), and a drop-in replacement prints what the Go binary it
 * replaces prints.
 *
 * <ul>
 *   <li>{@link #V0_25_0}: every resource type capability carries {@code "permissions": {}}; the
 *       config schema exports the v0.25.0 ops fields (session store, health check, HTTP timeout, …)
 *       first, in the SDK's order, then the connector's fields in declaration order.
 *   <li>{@link #V0_5_6}: no {@code permissions} key; the config schema exports only the ops fields
 *       v0.5.6 had (log level, OpenTelemetry) and sorts all exported fields by name.
 * </ul>
 *
 * The CLI accepts the same flags in both shapes; only the two printed documents differ.
 */
public enum GoSdkShape {
  V0_5_6,
  V0_25_0;

  /** Whether each resource type capability carries an (empty) {@code permissions} message. */
  public boolean emptyPermissionsPerResourceType() {
    return this == V0_25_0;
  }

  /** Whether the exported config fields are sorted by name instead of kept in declaration order. */
  public boolean sortsConfigFieldsByName() {
    return this == V0_5_6;
  }
}
