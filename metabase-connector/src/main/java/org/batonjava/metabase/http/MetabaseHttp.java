package org.batonjava.metabase.http;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.batonjava.sdk.connector.ConnectorException;
import org.batonjava.sdk.crypto.Secret;
import org.batonjava.sdk.crypto.SecretForms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends requests to Metabase: the URL under the base URL, the {@code X-API-KEY} header, the
 * timeouts, and the check that a successful answer really is JSON. Failures become {@link
 * org.batonjava.sdk.connector.ConnectorException}s through the {@link FailureMapper}. No retries
 * here: the sync engine retries what the mapper marks transient, and a change is only repeated by a
 * caller that has read the current state again.
 */
public final class MetabaseHttp {
  private static final Logger LOG = LoggerFactory.getLogger(MetabaseHttp.class);
  // How much of a streamed answer is looked at to tell JSON from an error page.
  private static final int PEEK = 512;
  // Closes streamed answers that outlive the HTTP timeout; its one thread starts with the first.
  private static final ScheduledThreadPoolExecutor DEADLINES = deadlines();
  private static final String UNSENDABLE_KEY =
      "--metabase-api-key (BATON_METABASE_API_KEY) contains a space, a"
          + " control character or a non-ASCII character, which cannot be sent in an HTTP header; copy the key again"
          + " (the value is not shown)";

  /** The answer to one request. */
  @SuppressWarnings("ArrayRecordComponent") // the body as received; read once, never compared
  public record Answer(ApiCall call, int status, byte[] body) {}

  private final ClientSettings settings;
  private final FailureMapper failures;

  /**
   * Built on the first request: making an {@link HttpClient} initialises the JDK's TLS stack (the
   * trust store, the crypto providers), a third of a second that {@code capabilities} and the other
   * commands that never call Metabase should not pay.
   */
  private volatile HttpClient http;

  public MetabaseHttp(ClientSettings settings) {
    this(settings, Clock.systemUTC());
  }

  MetabaseHttp(ClientSettings settings, Clock clock) {
    if (!SecretForms.allPlain(settings.apiKey().reveal())) {
      throw ConnectorException.invalidArgument(UNSENDABLE_KEY);
    }
    this.settings = settings;
    this.failures =
        new FailureMapper(settings.baseUrl(), settings.apiKey(), settings.timeout(), clock);
    if (settings.baseUrl().plainHttp()) {
      LOG.warn(
          "Metabase connector is using HTTP. Make sure this instance is running in a trusted or on-premise environment.");
    }
  }

  private static ScheduledThreadPoolExecutor deadlines() {
    ScheduledThreadPoolExecutor timer =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "metabase-http-deadlines");
              t.setDaemon(true);
              return t;
            });
    timer.setRemoveOnCancelPolicy(true);
    return timer;
  }

  private HttpClient http() {
    HttpClient client = http;
    if (client == null) {
      synchronized (this) {
        client = http;
        if (client == null) {
          client =
              HttpClient.newBuilder()
                  .connectTimeout(settings.timeout())
                  .followRedirects(HttpClient.Redirect.NEVER)
                  .version(HttpClient.Version.HTTP_1_1)
                  .build();
          http = client;
        }
      }
    }
    return client;
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
   * A change: {@code method path?query} with an optional JSON body. Returns the 2xx answer, whose
   * body is empty (e.g. {@code 204}) or looks like JSON; throws otherwise.
   *
   * @param jsonBody the request body, or null for none
   * @param inBody secrets the body carries (a password): hidden in every error message, like the
   *     API key
   */
  public Answer send(
      String method, String path, Map<String, String> query, byte[] jsonBody, List<Secret> inBody) {
    FailureMapper mapper = failures.alsoHiding(inBody);
    RawAnswer answer = exchange(method, path, query, jsonBody, mapper);
    if (answer.body.length > 0 && !FailureMapper.looksLikeJson(answer.headers, answer.body)) {
      throw mapper.notJson(answer.call, answer.status, answer.headers, answer.body);
    }
    return new Answer(answer.call, answer.status, answer.body);
  }

  /**
   * {@code GET path?query} whose 2xx answer is read as a stream (see {@link StreamedAnswer}); a
   * failure status or a body that is not JSON throws, as for {@link #getJson}.
   */
  public StreamedAnswer getJsonStream(String path, Map<String, String> query) {
    long start = System.nanoTime();
    String encoded = encode(query);
    ApiCall call = new ApiCall("GET", encoded.isEmpty() ? path : path + "?" + encoded);
    HttpRequest request = request("GET", settings.baseUrl().resolve(path, encoded), null);
    AtomicBoolean headersArrived = new AtomicBoolean();
    CompletableFuture<HttpResponse<InputStream>> pending =
        http()
            .sendAsync(
                request,
                info -> {
                  headersArrived.set(true);
                  return HttpResponse.BodySubscribers.ofInputStream();
                });
    HttpResponse<InputStream> response = await(pending, headersArrived, call, failures);
    long left = settings.timeout().toNanos() - (System.nanoTime() - start);
    AtomicBoolean passed = new AtomicBoolean();
    InputStream raw = response.body();
    ScheduledFuture<?> deadline =
        DEADLINES.schedule(
            () -> {
              passed.set(true);
              try {
                raw.close();
              } catch (IOException ignored) {
                // The reader fails on its next read either way.
              }
            },
            Math.max(left, 0),
            TimeUnit.NANOSECONDS);
    StreamedAnswer answer =
        new StreamedAnswer(call, new BufferedInputStream(raw, 1 << 16), deadline, passed);
    try {
      int status = response.statusCode();
      InputStream body = answer.body();
      if (status < 200 || status > 299) {
        byte[] whole = body.readAllBytes();
        LOG.debug("{} -> HTTP {} ({} bytes)", call, status, whole.length);
        throw failures.fromStatus(call, status, response.headers(), whole);
      }
      body.mark(PEEK);
      byte[] head = body.readNBytes(PEEK);
      body.reset();
      if (!FailureMapper.looksLikeJson(response.headers(), head)) {
        throw failures.notJson(call, status, response.headers(), body.readAllBytes());
      }
      LOG.debug("{} -> HTTP {} (read as a stream)", call, status);
      return answer;
    } catch (IOException e) {
      answer.close();
      throw passed.get() ? failures.wholeAnswerTimeout(call) : failures.fromIo(call, e);
    } catch (RuntimeException e) {
      answer.close();
      throw e;
    }
  }

  /** One request and its 2xx answer (any body), or the mapped failure. */
  private RawAnswer exchange(
      String method,
      String path,
      Map<String, String> query,
      byte[] jsonBody,
      FailureMapper mapper) {
    String encoded = encode(query);
    ApiCall call = new ApiCall(method, encoded.isEmpty() ? path : path + "?" + encoded);
    HttpRequest built = request(method, settings.baseUrl().resolve(path, encoded), jsonBody);
    HttpResponse<byte[]> response = sendWithinDeadline(built, call, mapper);
    byte[] body = response.body() == null ? new byte[0] : response.body();
    int status = response.statusCode();
    LOG.debug("{} -> HTTP {} ({} bytes)", call, status, body.length);
    if (status < 200 || status > 299) {
      throw mapper.fromStatus(call, status, response.headers(), body);
    }
    return new RawAnswer(call, status, response.headers(), body);
  }

  /** The request, with the key, agent and (for a body) content type. */
  private HttpRequest request(String method, URI uri, byte[] jsonBody) {
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(uri)
              .timeout(settings.timeout())
              .header("Accept", "application/json")
              .header("X-API-KEY", settings.apiKey().reveal())
              .header("User-Agent", settings.userAgent());
      if (jsonBody == null) {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      } else {
        request
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofByteArray(jsonBody));
      }
      return request.build();
    } catch (IllegalArgumentException e) {
      // The JDK's message quotes the rejected header value, which may be the key: never pass it on.
      throw ConnectorException.invalidArgument(UNSENDABLE_KEY);
    }
  }

  /**
   * Sends the request and waits for the whole answer, body included, at most the HTTP timeout. The
   * client's own request timeout only covers the wait for the response headers; a server that then
   * sends the body slowly would hold the connector forever. Past the deadline the exchange is
   * cancelled (which closes the connection) and the call fails with a retryable {@code
   * DEADLINE_EXCEEDED}.
   */
  private HttpResponse<byte[]> sendWithinDeadline(
      HttpRequest request, ApiCall call, FailureMapper mapper) {
    AtomicBoolean headersArrived = new AtomicBoolean();
    CompletableFuture<HttpResponse<byte[]>> pending =
        http()
            .sendAsync(
                request,
                info -> {
                  headersArrived.set(true);
                  return HttpResponse.BodySubscribers.ofByteArray();
                });
    return await(pending, headersArrived, call, mapper);
  }

  /**
   * The response of {@code pending} within the HTTP timeout (for a byte-array body the whole
   * answer, for a stream its headers), or the mapped failure; past the timeout the exchange is
   * cancelled.
   */
  private <T> HttpResponse<T> await(
      CompletableFuture<HttpResponse<T>> pending,
      AtomicBoolean headersArrived,
      ApiCall call,
      FailureMapper mapper) {
    try {
      return pending.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      pending.cancel(true);
      throw headersArrived.get()
          ? mapper.wholeAnswerTimeout(call)
          : mapper.fromIo(call, new HttpTimeoutException("request timed out"));
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw mapper.fromIo(call, io);
      }
      if (cause instanceof IllegalArgumentException) {
        throw ConnectorException.invalidArgument(UNSENDABLE_KEY);
      }
      throw mapper.fromIo(
          call, new IOException(cause == null ? "request failed" : cause.getMessage(), cause));
    } catch (InterruptedException e) {
      pending.cancel(true);
      Thread.currentThread().interrupt();
      throw mapper.interrupted(call);
    }
  }

  @SuppressWarnings("ArrayRecordComponent") // the body as received; read once, never compared
  private record RawAnswer(ApiCall call, int status, HttpHeaders headers, byte[] body) {}

  /** Query parameters in alphabetical order, like Go's {@code url.Values.Encode}. */
  static String encode(Map<String, String> query) {
    StringJoiner out = new StringJoiner("&");
    new TreeMap<>(query)
        .forEach(
            (k, v) ->
                out.add(
                    URLEncoder.encode(k, StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return out.toString();
  }
}
