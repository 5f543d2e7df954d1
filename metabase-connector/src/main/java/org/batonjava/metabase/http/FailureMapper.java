package org.batonjava.metabase.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.Status;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLException;
import org.batonjava.sdk.connector.ConnectorException;
import org.batonjava.sdk.connector.FailureWords;
import org.batonjava.sdk.connector.JsonErrorText;
import org.batonjava.sdk.crypto.Secret;

/**
 * The one place that turns a failed Metabase call into a {@link ConnectorException}: the HTTP
 * status picks the gRPC code (and so whether the sync engine retries), Metabase's own message (a
 * plain string or a JSON body with {@code message} / {@code errors}) is quoted, and the text says
 * what to fix. Nothing else in the project parses error bodies. Every message passes through {@link
 * #redact} so the API key can never leak, even if a proxy echoes it.
 */
public final class FailureMapper {
  static final String KEY_REJECTED =
      "the Metabase API key was rejected; check --metabase-api-key / BATON_METABASE_API_KEY";
  static final String NOT_ADMIN = "the API key must belong to the Administrators group";
  static final String NOT_METABASE = "the URL does not look like a Metabase API";

  private static final int MAX_QUOTE = 300;
  private static final int SHORTEST_HIDDEN = 3;

  private final BaseUrl baseUrl;
  private final Secret apiKey;
  private final List<Secret> alsoHidden;
  private final Duration timeout;
  private final Clock clock;

  public FailureMapper(BaseUrl baseUrl, Secret apiKey, Duration timeout, Clock clock) {
    this(baseUrl, apiKey, List.of(), timeout, clock);
  }

  private FailureMapper(
      BaseUrl baseUrl, Secret apiKey, List<Secret> alsoHidden, Duration timeout, Clock clock) {
    this.baseUrl = baseUrl;
    this.apiKey = apiKey;
    this.alsoHidden = List.copyOf(alsoHidden);
    this.timeout = timeout;
    this.clock = clock;
  }

  /**
   * A mapper that also removes {@code secrets} (e.g. a password sent in a request body) from every
   * message, in case Metabase or a proxy echoes the request in its error.
   */
  public FailureMapper alsoHiding(List<Secret> secrets) {
    if (secrets.isEmpty()) {
      return this;
    }
    List<Secret> all = new ArrayList<>(alsoHidden);
    all.addAll(secrets);
    return new FailureMapper(baseUrl, apiKey, all, timeout, clock);
  }

  /** A non-2xx answer. */
  public ConnectorException fromStatus(ApiCall call, int status, HttpHeaders headers, byte[] body) {
    boolean html = looksLikeHtml(headers, body);
    String quoted = html ? "" : metabaseMessage(body, this::redact);
    String where =
        " ("
            + call
            + ": HTTP "
            + status
            + (quoted.isEmpty() ? "" : ", Metabase said \"" + quoted + "\"")
            + ")";
    Optional<Duration> retryAfter = retryAfter(headers);
    if (status == 401) {
      return error(Status.Code.UNAUTHENTICATED, KEY_REJECTED + where, retryAfter);
    }
    if (status == 403) {
      return error(
          Status.Code.PERMISSION_DENIED,
          NOT_ADMIN + " (Admin → Authentication → API keys)" + where,
          retryAfter);
    }
    if (status == 429) {
      return error(
          Status.Code.RESOURCE_EXHAUSTED,
          "Metabase (or a proxy in front of it) is rate limiting requests"
              + retryAfter.map(d -> "; it asked to wait " + d.toSeconds() + " s").orElse("")
              + where,
          retryAfter);
    }
    if (status >= 500) {
      Status.Code code = status == 501 ? Status.Code.UNIMPLEMENTED : Status.Code.UNAVAILABLE;
      String what =
          html
              ? "Metabase (or a proxy in front of it) failed with an error page"
              : "Metabase failed to answer";
      return error(code, what + where, retryAfter);
    }
    if (html) {
      return error(
          Status.Code.FAILED_PRECONDITION,
          NOT_METABASE + " (got an HTML page); check --metabase-base-url (" + baseUrl + ")" + where,
          retryAfter);
    }
    if (status >= 300 && status < 400) {
      String location = headers.firstValue("Location").map(l -> " to " + abbreviate(l)).orElse("");
      return error(
          Status.Code.FAILED_PRECONDITION,
          "Metabase answered with a redirect"
              + location
              + "; set --metabase-base-url to the final address (e.g. https:// instead of http://)"
              + where,
          retryAfter);
    }
    return switch (status) {
      case 404 ->
          error(
              Status.Code.NOT_FOUND,
              "Metabase has no such object or endpoint"
                  + where
                  + (baseUrl.endsWithApi()
                      ? "; --metabase-base-url ends with /api: give the Metabase address without it"
                          + " (the connector adds /api itself)"
                      : ""),
              retryAfter);
      case 402 ->
          error(
              Status.Code.FAILED_PRECONDITION,
              "this needs a paid Metabase plan (a premium feature is missing)" + where,
              retryAfter);
      case 408 ->
          error(
              Status.Code.DEADLINE_EXCEEDED, "Metabase timed out the request" + where, retryAfter);
      case 409 ->
          error(
              Status.Code.ABORTED,
              "someone else changed the same data in Metabase at the same time; read it again and retry"
                  + where,
              retryAfter);
      default ->
          status >= 400
              ? error(
                  Status.Code.INVALID_ARGUMENT, "Metabase rejected the request" + where, retryAfter)
              : error(Status.Code.UNKNOWN, "unexpected answer from Metabase" + where, retryAfter);
    };
  }

  /** A 2xx answer whose body is not JSON (an HTML page, a plain-text page, nothing). */
  public ConnectorException notJson(ApiCall call, int status, HttpHeaders headers, byte[] body) {
    String contentType = headers.firstValue("Content-Type").orElse("no content type");
    String got =
        looksLikeHtml(headers, body)
            ? "got an HTML page"
            : body.length == 0 ? "got an empty answer" : "got " + contentType + " instead of JSON";
    return error(
        Status.Code.FAILED_PRECONDITION,
        NOT_METABASE
            + " ("
            + got
            + "); check --metabase-base-url ("
            + baseUrl
            + ") ("
            + call
            + ": HTTP "
            + status
            + ")",
        Optional.empty());
  }

  /**
   * A 2xx JSON answer this client cannot read. A cut-off body is transient; a wrong shape is not.
   */
  public ConnectorException unreadable(ApiCall call, JsonProcessingException e) {
    if (e instanceof JsonEOFException) {
      return error(
          Status.Code.UNAVAILABLE,
          "Metabase's answer ended before it was complete (" + call + ")",
          Optional.empty());
    }
    String detail = e instanceof ShapeProblem ? e.getOriginalMessage() : JsonErrorText.describe(e);
    return error(
        Status.Code.INTERNAL,
        "could not read Metabase's answer to "
            + call
            + ": "
            + abbreviate(oneLine(detail))
            + "; is "
            + baseUrl
            + " a supported Metabase version?",
        Optional.empty());
  }

  /** The request did not get an answer at all. */
  /** The whole answer (headers and body) did not arrive within the HTTP timeout. Retryable. */
  public ConnectorException wholeAnswerTimeout(ApiCall call) {
    return error(
        Status.Code.DEADLINE_EXCEEDED,
        "Metabase at "
            + baseUrl
            + " did not send its whole answer within "
            + timeout.toSeconds()
            + " s (the answer stalled or came too slowly); raise --http-timeout-seconds if it is"
            + " just slow ("
            + call
            + ")",
        Optional.empty());
  }

  public ConnectorException fromIo(ApiCall call, IOException e) {
    String suffix = " (" + call + ")";
    if (e instanceof HttpConnectTimeoutException) {
      return error(
          Status.Code.UNAVAILABLE,
          "could not connect to Metabase at "
              + baseUrl
              + " within "
              + timeout.toSeconds()
              + " s; check --metabase-base-url and the network"
              + suffix,
          Optional.empty(),
          e);
    }
    if (e instanceof HttpTimeoutException) {
      return error(
          Status.Code.DEADLINE_EXCEEDED,
          "Metabase at "
              + baseUrl
              + " did not answer within "
              + timeout.toSeconds()
              + " s; raise --http-timeout-seconds if it is just slow"
              + suffix,
          Optional.empty(),
          e);
    }
    Throwable ssl = find(e, SSLException.class);
    if (ssl != null) {
      return error(
          Status.Code.FAILED_PRECONDITION,
          "the TLS connection to "
              + baseUrl.authority()
              + " failed ("
              + abbreviate(oneLine(String.valueOf(ssl.getMessage())))
              + "); check that its certificate is trusted by this"
              + " Java runtime and that the URL scheme is right (https vs http)"
              + suffix,
          Optional.empty(),
          e);
    }
    if (find(e, UnresolvedAddressException.class) != null
        || find(e, UnknownHostException.class) != null) {
      return error(
          Status.Code.UNAVAILABLE,
          "could not resolve the host name of " + baseUrl + "; check --metabase-base-url" + suffix,
          Optional.empty(),
          e);
    }
    if (e instanceof ConnectException) {
      return error(
          Status.Code.UNAVAILABLE,
          "could not connect to Metabase at "
              + baseUrl
              + " (connection refused); check --metabase-base-url and that Metabase is running"
              + suffix,
          Optional.empty(),
          e);
    }
    String detail = FailureWords.of(e);
    return error(
        Status.Code.UNAVAILABLE,
        "the connection to Metabase at "
            + baseUrl
            + " broke before the answer was complete ("
            + abbreviate(oneLine(detail))
            + ")"
            + suffix,
        Optional.empty(),
        e);
  }

  /** The calling thread was interrupted while waiting for Metabase. */
  public ConnectorException interrupted(ApiCall call) {
    return error(
        Status.Code.CANCELLED,
        "interrupted while waiting for Metabase (" + call + ")",
        Optional.empty());
  }

  /**
   * Replaces the API key (and any other secret this mapper hides) wherever and however escaped it
   * appears.
   */
  public String redact(String text) {
    String out = hide(text, apiKey);
    for (Secret s : alsoHidden) {
      out = hide(out, s);
    }
    return out;
  }

  /**
   * Removes {@code secret} in every spelling an echo can give it (see {@link EchoForms}). Values
   * shorter than three characters are left alone: they are no secret, and replacing them would
   * mangle the words of every message (an API key "k" would turn "check" into
   * "chec&lt;redacted&gt;").
   */
  private static String hide(String text, Secret secret) {
    if (secret.length() < SHORTEST_HIDDEN) {
      return text;
    }
    String out = text;
    for (String form : EchoForms.of(secret.reveal())) {
      out = out.replace(form, "<redacted>");
    }
    return out;
  }

  /** Whether a body is an HTML page (by content type or by its first character). */
  static boolean looksLikeHtml(HttpHeaders headers, byte[] body) {
    String contentType = headers.firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
    if (contentType.contains("html")) {
      return true;
    }
    int first = firstNonBlank(body);
    return first >= 0 && body[first] == '<';
  }

  /** Whether a body can be JSON at all (first non-blank character). */
  static boolean looksLikeJson(HttpHeaders headers, byte[] body) {
    if (looksLikeHtml(headers, body)) {
      return false;
    }
    int first = firstNonBlank(body);
    return first >= 0 && "{[\"-0123456789tfn".indexOf(body[first]) >= 0;
  }

  private static int firstNonBlank(byte[] body) {
    for (int i = 0; i < body.length; i++) {
      if (!Character.isWhitespace(body[i])) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Metabase's own words in an error body: a plain string, {@code {"message": ...}}, or {@code
   * {"errors": {"field": "text"}}} (schema errors; {@code specific-errors} is left out).
   */
  static String metabaseMessage(byte[] body) {
    return metabaseMessage(body, UnaryOperator.identity());
  }

  /**
   * As {@link #metabaseMessage(byte[])}, hiding secrets before the text is shortened (so no part of
   * one remains).
   */
  static String metabaseMessage(byte[] body, UnaryOperator<String> redactor) {
    String text = new String(body, StandardCharsets.UTF_8).trim();
    if (text.isEmpty()) {
      return "";
    }
    try {
      JsonNode node = ErrorBodies.JSON.readTree(text);
      if (node != null) {
        String fromJson = messageOf(node);
        if (fromJson != null) {
          return abbreviate(oneLine(redactor.apply(fromJson)));
        }
      }
    } catch (JsonProcessingException notJson) {
      // a plain-text body, the common case
    }
    return abbreviate(oneLine(redactor.apply(text)));
  }

  private static String messageOf(JsonNode node) {
    if (node.isTextual()) {
      return node.asText();
    }
    if (!node.isObject()) {
      return node.toString();
    }
    if (node.path("message").isTextual()) {
      return node.get("message").asText();
    }
    JsonNode errors = node.get("errors");
    if (errors != null && errors.isObject()) {
      StringBuilder out = new StringBuilder();
      for (Map.Entry<String, JsonNode> e : errors.properties()) {
        if (out.length() > 0) {
          out.append("; ");
        }
        out.append(e.getKey())
            .append(": ")
            .append(e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString());
      }
      return out.toString();
    }
    if (errors != null && errors.isTextual()) {
      return errors.asText();
    }
    return node.toString();
  }

  private Optional<Duration> retryAfter(HttpHeaders headers) {
    Optional<String> value = headers.firstValue("Retry-After").map(String::trim);
    if (value.isEmpty() || value.get().isEmpty()) {
      return Optional.empty();
    }
    try {
      long seconds = Long.parseLong(value.get());
      return Optional.of(Duration.ofSeconds(Math.max(0, seconds)));
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(value.get(), DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration wait = Duration.between(clock.instant(), at.toInstant());
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
      } catch (DateTimeParseException notADate) {
        return Optional.empty();
      }
    }
  }

  private ConnectorException error(
      Status.Code code, String message, Optional<Duration> retryAfter) {
    return new ConnectorException(code, redact(message), retryAfter, null);
  }

  private ConnectorException error(
      Status.Code code, String message, Optional<Duration> retryAfter, Throwable cause) {
    // The cause is kept for stack traces only; its own message (which could quote a URL) is not
    // reused.
    return new ConnectorException(
        code, redact(message), retryAfter, new RedactedCause(cause, this));
  }

  private static Throwable find(Throwable t, Class<? extends Throwable> type) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return c;
      }
    }
    return null;
  }

  static String oneLine(String s) {
    return s.replaceAll("\\s+", " ").trim();
  }

  static String abbreviate(String s) {
    return s.length() <= MAX_QUOTE ? s : s.substring(0, MAX_QUOTE) + "…";
  }

  /** A cause whose message went through {@link #redact}; keeps the original stack trace. */
  private static final class RedactedCause extends IOException {
    private static final long serialVersionUID = 1L;

    RedactedCause(Throwable original, FailureMapper mapper) {
      super(
          original.getClass().getName()
              + ": "
              + mapper.redact(String.valueOf(original.getMessage())));
      setStackTrace(original.getStackTrace());
    }
  }

  /** The mapper, made on the first error body read, not when a connector is created. */
  private static final class ErrorBodies {
    static final ObjectMapper JSON = new ObjectMapper();
  }
}
