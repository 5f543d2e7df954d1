package org.batonjava.metabase.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.Status;
import java.net.URLEncoder;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.batonjava.sdk.connector.ConnectorException;
import org.batonjava.sdk.crypto.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one HTTP-failure mapping: codes, Metabase's own words, Retry-After, and redaction. */
class FailureMapperTest {
  private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
  private static final String KEY = "mb_MapperKey000000000000000000000000000000000000";
  private final FailureMapper mapper =
      new FailureMapper(
          BaseUrl.parse("https://mb.example.com/"),
          Secret.of(KEY),
          Duration.ofMinutes(5),
          Clock.fixed(NOW, ZoneOffset.UTC));
  private final ApiCall call = new ApiCall("GET", "/api/user?limit=100&status=all");

  private static HttpHeaders headers(Map<String, String> values) {
    Map<String, List<String>> map = new java.util.HashMap<>();
    values.forEach((k, v) -> map.put(k, List.of(v)));
    return HttpHeaders.of(map, (a, b) -> true);
  }

  private ConnectorException map(
      int status, String contentType, String body, Map<String, String> extra) {
    Map<String, String> h = new java.util.HashMap<>(extra);
    h.put("Content-Type", contentType);
    return mapper.fromStatus(call, status, headers(h), body.getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "400|INVALID_ARGUMENT|false",
        "401|UNAUTHENTICATED|false",
        "402|FAILED_PRECONDITION|false",
        "403|PERMISSION_DENIED|false",
        "404|NOT_FOUND|false",
        "408|DEADLINE_EXCEEDED|true",
        "409|ABORTED|false",
        "429|RESOURCE_EXHAUSTED|true",
        "500|UNAVAILABLE|true",
        "501|UNIMPLEMENTED|false",
        "502|UNAVAILABLE|true",
        "503|UNAVAILABLE|true",
        "504|UNAVAILABLE|true"
      })
  void statusesMapToCodes(int status, Status.Code code, boolean retried) {
    ConnectorException e = map(status, "text/plain", "Something.", Map.of());
    assertThat(e.code()).isEqualTo(code);
    assertThat(e.transientFailure()).isEqualTo(retried);
    assertThat(e.getMessage())
        .endsWith(
            "(GET /api/user?limit=100&status=all: HTTP "
                + status
                + ", Metabase said \"Something.\")");
  }

  @Test
  void metabaseMessagesArePlainStringsOrJson() {
    assertThat(FailureMapper.metabaseMessage("Not found.".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("Not found.");
    assertThat(
            FailureMapper.metabaseMessage(
                "{\"message\":\"Not able to reactivate an active user\"}"
                    .getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("Not able to reactivate an active user");
    assertThat(
            FailureMapper.metabaseMessage(
                ("{\"errors\":{\"email\":\"value must be a valid email address.\"},"
                        + "\"specific-errors\":{\"email\":[\"should be a valid email address, received: \\\"nope\\\"\"]}}")
                    .getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("email: value must be a valid email address.");
    assertThat(
            FailureMapper.metabaseMessage(
                "{\"message\":\"boom\",\"trace\":[\"a\",\"b\"],\"via\":[]}"
                    .getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("boom");
    assertThat(FailureMapper.metabaseMessage("\"quoted\"".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("quoted");
    assertThat(
            FailureMapper.metabaseMessage("line one\n   line two".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("line one line two");
    assertThat(FailureMapper.metabaseMessage("x".repeat(1000).getBytes(StandardCharsets.UTF_8)))
        .hasSize(301);
    assertThat(FailureMapper.metabaseMessage(new byte[0])).isEmpty();
  }

  @Test
  void retryAfterInSecondsOrAsADate() {
    assertThat(
            map(429, "text/plain", "Too Many Requests", Map.of("Retry-After", "12")).retryAfter())
        .contains(Duration.ofSeconds(12));
    assertThat(
            map(503, "text/plain", "", Map.of("Retry-After", "Thu, 01 Jan 2026 12:00:30 GMT"))
                .retryAfter())
        .contains(Duration.ofSeconds(30));
    assertThat(map(503, "text/plain", "", Map.of("Retry-After", "soon")).retryAfter()).isEmpty();
    assertThat(map(503, "text/plain", "", Map.of()).retryAfter()).isEmpty();
  }

  @Test
  void keyAndAdminMessages() {
    assertThat(map(401, "text/plain", "Unauthenticated", Map.of()).getMessage())
        .isEqualTo(
            "the Metabase API key was rejected; check --metabase-api-key / BATON_METABASE_API_KEY"
                + " (GET /api/user?limit=100&status=all: HTTP 401, Metabase said \"Unauthenticated\")");
    assertThat(
            map(403, "text/plain", "You don't have permissions to do that.", Map.of()).getMessage())
        .startsWith("the API key must belong to the Administrators group");
  }

  @Test
  void htmlErrorPages() {
    ConnectorException notFound = map(404, "text/html", "<html><h1>404</h1></html>", Map.of());
    assertThat(notFound.code()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(notFound.getMessage())
        .startsWith(
            "the URL does not look like a Metabase API (got an HTML page); check"
                + " --metabase-base-url (https://mb.example.com)")
        .doesNotContain("<html>");
    ConnectorException badGateway = map(502, "text/html", "<html>Bad Gateway</html>", Map.of());
    assertThat(badGateway.code()).isEqualTo(Status.Code.UNAVAILABLE);
    assertThat(badGateway.getMessage())
        .startsWith("Metabase (or a proxy in front of it) failed with an error page");
    assertThat(
            FailureMapper.looksLikeHtml(
                headers(Map.of()), "  <!doctype html>".getBytes(StandardCharsets.UTF_8)))
        .isTrue();
    assertThat(
            FailureMapper.looksLikeJson(
                headers(Map.of()), " {\"a\":1}".getBytes(StandardCharsets.UTF_8)))
        .isTrue();
    assertThat(
            FailureMapper.looksLikeJson(headers(Map.of()), "OK".getBytes(StandardCharsets.UTF_8)))
        .isFalse();
  }

  @Test
  void theKeyNeverSurvivesInAMessage() {
    ConnectorException e =
        map(400, "application/json", "{\"message\":\"header was " + KEY + "\"}", Map.of());
    assertThat(e.getMessage()).doesNotContain(KEY).contains("header was <redacted>");
    assertThat(mapper.redact("a " + KEY + " b " + KEY)).isEqualTo("a <redacted> b <redacted>");
  }

  @Test
  void secretsSentInABodyAreHiddenEvenWhereTheQuoteIsCut() {
    String password = "Pw-0123456789-abcdefghij";
    FailureMapper hiding = mapper.alsoHiding(List.of(Secret.of(password)));
    // the password straddles the 300-character cut of the quoted message: no part of it may survive
    String body = "{\"message\":\"" + "x".repeat(290) + password + " and " + KEY + "\"}";
    ConnectorException e =
        hiding.fromStatus(
            new ApiCall("POST", "/api/user"),
            400,
            headers(Map.of()),
            body.getBytes(StandardCharsets.UTF_8));
    assertThat(e.getMessage())
        .doesNotContain(password)
        .doesNotContain(password.substring(0, 10))
        .contains("x".repeat(290) + "<redacted>");
    assertThat(
            mapper
                .fromStatus(call, 400, headers(Map.of()), password.getBytes(StandardCharsets.UTF_8))
                .getMessage())
        .as("only the mapper given the secret hides it")
        .contains(password);
    assertThat(hiding.alsoHiding(List.of()).redact(password + KEY))
        .isEqualTo("<redacted><redacted>");
  }

  @Test
  void aOneOrTwoCharacterKeyDoesNotMangleTheMessage() {
    FailureMapper tiny =
        new FailureMapper(
            BaseUrl.parse("https://mb.example.com/"),
            Secret.of("k"),
            Duration.ofMinutes(5),
            Clock.fixed(NOW, ZoneOffset.UTC));
    assertThat(tiny.redact("check the key")).isEqualTo("check the key");
    assertThat(tiny.alsoHiding(List.of(Secret.of("abc"))).redact("abcd")).isEqualTo("<redacted>d");
  }

  @Test
  void aSecretIsHiddenInEveryEscapedFormAnEchoCanGiveIt() throws Exception {
    ObjectMapper json = new ObjectMapper();
    for (String password :
        List.of("TQ8\"me>4-m|#DNsx=m,t", "back\\slash/and\"quote", "é-ünïcode\u2028€+ &x")) {
      FailureMapper hiding = mapper.alsoHiding(List.of(Secret.of(password)));
      String sent = json.writeValueAsString(Map.of("email", "a@example.com", "password", password));
      List<String> echoes =
          List.of(
              json.writeValueAsString(Map.of("message", "could not create " + sent)),
              "could not create " + sent,
              json.writeValueAsString(
                  Map.of("message", json.writeValueAsString(Map.of("request", sent)))),
              "bad query password=" + URLEncoder.encode(password, StandardCharsets.UTF_8),
              "{\"message\":\"" + unicodeEscapeAll(password) + "\"}");
      for (String echo : echoes) {
        String message =
            hiding
                .fromStatus(
                    new ApiCall("POST", "/api/user"),
                    400,
                    headers(Map.of()),
                    echo.getBytes(StandardCharsets.UTF_8))
                .getMessage();
        assertThat(message)
            .as("echo %s", echo)
            .contains("<redacted>")
            .doesNotContain(password)
            .doesNotContain(new String(JsonStringEncoder.getInstance().quoteAsString(password)));
      }
    }
  }

  private static String unicodeEscapeAll(String s) {
    StringBuilder out = new StringBuilder();
    s.chars()
        .forEach(
            c ->
                out.append(
                    Character.isLetterOrDigit(c) && c < 0x80
                        ? String.valueOf((char) c)
                        : String.format("\\u%04x", c)));
    return out.toString();
  }
}
