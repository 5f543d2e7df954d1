package org.batonjava.metabase.http;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import org.batonjava.sdk.crypto.Secret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends requests to Metabase: the URL under the base URL, the {@code X-API-KEY} header, the timeouts, and
 * the check that a successful answer really is JSON. Failures become {@link
 * org.batonjava.sdk.connector.ConnectorException}s through the {@link FailureMapper}. No retries here: the
 * sync engine retries what the mapper marks transient, and a change is only repeated by a caller that has read
 * the current state again.
 */
public final class MetabaseHttp {
  private static final Logger LOG = LoggerFactory.getLogger(MetabaseHttp.class);

  /** The answer to one request. */
  @SuppressWarnings("ArrayRecordComponent") // the body as received; read once, never compared
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
    RawAnswer answer = exchange("GET", path, query, null, failures);
    if (!FailureMapper.looksLikeJson(answer.headers, answer.body)) {
      throw failures.notJson(answer.call, answer.status, answer.headers, answer.body);
    }
    return new Answer(answer.call, answer.status, answer.body);
  }

  /**
   * A change: {@code method path?query} with an optional JSON body. Returns the 2xx answer, whose body is empty
   * (e.g. {@code 204}) or looks like JSON; throws otherwise.
   *
   * @param jsonBody the request body, or null for none
   * @param inBody secrets the body carries (a password): hidden in every error message, like the API key
   */
  public Answer send(String method, String path, Map<String, String> query, byte[] jsonBody, List<Secret> inBody) {
    FailureMapper mapper = failures.alsoHiding(inBody);
    RawAnswer answer = exchange(method, path, query, jsonBody, mapper);
    if (answer.body.length > 0 && !FailureMapper.looksLikeJson(answer.headers, answer.body)) {
      throw mapper.notJson(answer.call, answer.status, answer.headers, answer.body);
    }
    return new Answer(answer.call, answer.status, answer.body);
  }

  /** One request and its 2xx answer (any body), or the mapped failure. */
  private RawAnswer exchange(String method, String path, Map<String, String> query, byte[] jsonBody,
      FailureMapper mapper) {
    String encoded = encode(query);
    ApiCall call = new ApiCall(method, encoded.isEmpty() ? path : path + "?" + encoded);
    URI uri = settings.baseUrl().resolve(path, encoded);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri)
        .timeout(settings.timeout())
        .header("Accept", "application/json")
        .header("X-API-KEY", settings.apiKey().reveal())
        .header("User-Agent", settings.userAgent());
    if (jsonBody == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofByteArray(jsonBody));
    }
    HttpResponse<byte[]> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw mapper.fromIo(call, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw mapper.interrupted(call);
    }
    byte[] body = response.body() == null ? new byte[0] : response.body();
    int status = response.statusCode();
    LOG.debug("{} -> HTTP {} ({} bytes)", call, status, body.length);
    if (status < 200 || status > 299) {
      throw mapper.fromStatus(call, status, response.headers(), body);
    }
    return new RawAnswer(call, status, response.headers(), body);
  }

  @SuppressWarnings("ArrayRecordComponent") // the body as received; read once, never compared
  private record RawAnswer(ApiCall call, int status, HttpHeaders headers, byte[] body) {}

  /** Query parameters in alphabetical order, like Go's {@code url.Values.Encode}. */
  static String encode(Map<String, String> query) {
    StringJoiner out = new StringJoiner("&");
    new TreeMap<>(query).forEach((k, v) -> out.add(
        URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return out.toString();
  }
}
