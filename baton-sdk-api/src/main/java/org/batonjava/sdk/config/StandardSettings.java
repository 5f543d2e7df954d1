package org.batonjava.sdk.config;

/**
 * Settings the CLI runtime declares for every connector that a connector may also read. They are
 * declared here once; the runtime lists them among its generic flags, so a connector must not
 * declare them again.
 */
public final class StandardSettings {
  /**
   * {@code --http-timeout-seconds} (ops; default 300, 1 to 1800): timeout of the connector's HTTP
   * client.
   */
  public static final Setting<Long> HTTP_TIMEOUT_SECONDS =
      Setting.integer(
          ConfigField.integer("http-timeout-seconds")
              .defaultValue(300)
              .range(1, 1800)
              .ops()
              .description("HTTP client timeout in seconds (max 1800)")
              .build());

  private StandardSettings() {}
}
