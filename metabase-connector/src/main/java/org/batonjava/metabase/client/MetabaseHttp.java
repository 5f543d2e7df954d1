package org.batonjava.metabase.client;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends requests to Metabase: the URL under the base URL, the {@code X-API-KEY} header, the timeouts, and
 * the check that a successful answer really is JSON. Failures become {@link
 * org.batonjava.sdk.connector.ConnectorException}s through the {@link FailureMapper}. No retries here: the
 * sync engine retries what the mapper marks transient.
 */
public final class MetabaseHttp {
  private static final Logger LOG = LoggerFactory.getLogger(MetabaseHttp.class);

  /** The answer to one request. */
  public record Answer(ApiCall call, int status, byte[] body) {}

  private final ClientSettings settings;
  private final HttpClient http;
  private final FailureMapper failures;

  public MetabaseHttp(ClientSettings settings) {
    this(settings, Clock.systemUTC());
  }

  MetabaseHttp(ClientSettings settings, Clock clock) {
    this.settings = settings;
    this.failures = new FailureMapper(settings.baseUrl(), settings.apiKey(), settings.timeout(), clock);
    this.http = HttpClient.newBuilder()
        .connectTimeout(settings.timeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .version(HttpClient.Version.HTTP_1_1)
        .build();
    if (settings.baseUrl().plainHttp()) {
      LOG.warn("Metabase connector is using HTTP. Make sure this instance is running in a trusted or on-premise environment.");
    }
  }

  public FailureMapper failures() {
    return failures;
  }

  public BaseUrl baseUrl() {
    return settings.baseUrl();
  }

  /** {@code GET path?query}; returns a 2xx answer whose body looks like JSON, or throws. */
  public Answer getJson(String path, Map<String, String> query) {
    String encoded = encode(query);
    ApiCall call = new ApiCall("GET", encoded.isEmpty() ? path : path + "?" + encoded);
    URI uri = settings.baseUrl().resolve(path, encoded);
    HttpRequest request = HttpRequest.newBuilder(uri)
        .timeout(settings.timeout())
        .header("Accept", "application/json")
        .header("X-API-KEY", settings.apiKey().reveal())
        .header("User-Agent", settings.userAgent())
        .GET()
        .build();
    HttpResponse<byte[]> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw failures.fromIo(call, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failures.interrupted(call);
    }
    byte[] body = response.body() == null ? new byte[0] : response.body();
    int status = response.statusCode();
    LOG.debug("{} -> HTTP {} ({} bytes)", call, status, body.length);
    if (status < 200 || status > 299) {
      throw failures.fromStatus(call, status, response.headers(), body);
    }
    if (!FailureMapper.looksLikeJson(response.headers(), body)) {
      throw failures.notJson(call, status, response.headers(), body);
    }
    return new Answer(call, status, body);
  }

  /** Query parameters in alphabetical order, like Go's {@code url.Values.Encode}. */
  static String encode(Map<String, String> query) {
    StringJoiner out = new StringJoiner("&");
    new TreeMap<>(query).forEach((k, v) -> out.add(
        URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return out.toString();
  }
}
