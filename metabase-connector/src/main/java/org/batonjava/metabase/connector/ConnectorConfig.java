package org.batonjava.metabase.connector;

import java.time.Duration;
import java.util.Objects;
import org.batonjava.sdk.crypto.Secret;

/**
 * Everything the connector needs, already parsed (the CLI runtime turns flags, {@code BATON_*}
 * variables and {@code .baton.yaml} into this; the connector never reads flags itself). {@link
 * #toString()} shows the key as {@code <secret>}.
 *
 * @param baseUrl {@code --metabase-base-url}
 * @param apiKey {@code --metabase-api-key}
 * @param withPaidPlan {@code --metabase-with-paid-plan}: adds the group {@code manager} entitlement
 * @param variant which connector (or {@link MetabaseVariant#AUTO})
 * @param httpTimeout {@code --http-timeout-seconds} (default 300 s): connect and request timeout
 * @param extendedAccess {@code --metabase-extended-access}: also sync what the Go connectors do not
 *     model (API keys, collections); on by default only with {@link MetabaseVariant#AUTO}
 * @param force {@code --force}: add group memberships even where an identity provider's group sync
 *     would undo them at the next SSO login (only checked with extended access)
 */
public record ConnectorConfig(
    String baseUrl,
    Secret apiKey,
    boolean withPaidPlan,
    MetabaseVariant variant,
    Duration httpTimeout,
    boolean extendedAccess,
    boolean force,
    int pageConcurrency) {

  /** The default of {@code --http-timeout-seconds}, as in baton-sdk. */
  public static final Duration DEFAULT_HTTP_TIMEOUT = Duration.ofMinutes(5);

  /** The default of {@code --metabase-page-concurrency}. */
  public static final int DEFAULT_PAGE_CONCURRENCY = 4;

  public ConnectorConfig {
    baseUrl = baseUrl == null ? "" : baseUrl;
    Objects.requireNonNull(apiKey, "apiKey");
    Objects.requireNonNull(variant, "variant");
    httpTimeout = httpTimeout == null ? DEFAULT_HTTP_TIMEOUT : httpTimeout;
    if (httpTimeout.isZero() || httpTimeout.isNegative()) {
      throw new IllegalArgumentException("--http-timeout-seconds must be at least 1");
    }
    if (pageConcurrency < 1) {
      throw new IllegalArgumentException("--metabase-page-concurrency must be at least 1");
    }
  }

  /** With the default page concurrency. */
  public ConnectorConfig(
      String baseUrl,
      Secret apiKey,
      boolean withPaidPlan,
      MetabaseVariant variant,
      Duration httpTimeout,
      boolean extendedAccess,
      boolean force) {
    this(
        baseUrl,
        apiKey,
        withPaidPlan,
        variant,
        httpTimeout,
        extendedAccess,
        force,
        DEFAULT_PAGE_CONCURRENCY);
  }

  /** Without {@code --force}. */
  public ConnectorConfig(
      String baseUrl,
      Secret apiKey,
      boolean withPaidPlan,
      MetabaseVariant variant,
      Duration httpTimeout,
      boolean extendedAccess) {
    this(baseUrl, apiKey, withPaidPlan, variant, httpTimeout, extendedAccess, false);
  }

  /**
   * Extended access as the variant's default: on with {@code auto}, off for the Go-named variants.
   */
  public ConnectorConfig(
      String baseUrl,
      Secret apiKey,
      boolean withPaidPlan,
      MetabaseVariant variant,
      Duration httpTimeout) {
    this(baseUrl, apiKey, withPaidPlan, variant, httpTimeout, variant == MetabaseVariant.AUTO);
  }

  /** A configuration with the default HTTP timeout. */
  public static ConnectorConfig of(
      MetabaseVariant variant, String baseUrl, Secret apiKey, boolean withPaidPlan) {
    return new ConnectorConfig(baseUrl, apiKey, withPaidPlan, variant, DEFAULT_HTTP_TIMEOUT);
  }

  public ConnectorConfig withHttpTimeout(Duration timeout) {
    return new ConnectorConfig(
        baseUrl, apiKey, withPaidPlan, variant, timeout, extendedAccess, force, pageConcurrency);
  }

  /** The same configuration with API keys and collections switched on or off. */
  public ConnectorConfig withExtendedAccess(boolean on) {
    return new ConnectorConfig(
        baseUrl, apiKey, withPaidPlan, variant, httpTimeout, on, force, pageConcurrency);
  }

  /** The same configuration with {@code --force} on or off. */
  public ConnectorConfig withForce(boolean on) {
    return new ConnectorConfig(
        baseUrl, apiKey, withPaidPlan, variant, httpTimeout, extendedAccess, on);
  }
}
