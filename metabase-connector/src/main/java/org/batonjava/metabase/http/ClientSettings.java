package org.batonjava.metabase.http;

import java.time.Duration;
import java.util.Objects;
import org.batonjava.sdk.crypto.Secret;

/**
 * How to reach Metabase.
 *
 * @param baseUrl where Metabase is
 * @param apiKey sent as {@code X-API-KEY}; never logged or put in a message
 * @param timeout connect timeout and whole-request timeout ({@code --http-timeout-seconds})
 * @param userAgent the {@code User-Agent} header
 */
public record ClientSettings(BaseUrl baseUrl, Secret apiKey, Duration timeout, String userAgent) {
  public ClientSettings {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(apiKey, "apiKey");
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("the HTTP timeout must be positive");
    }
  }
}
