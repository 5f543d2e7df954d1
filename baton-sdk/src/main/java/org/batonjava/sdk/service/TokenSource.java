package org.batonjava.sdk.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.batonjava.sdk.connector.FailureWords;
import org.batonjava.sdk.crypto.Secret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Access tokens for ConductorOne: OAuth2 client credentials with a signed client assertion, posted
 * to {@code https://<host>/auth/v1/token}. One token is shared by every call and fetched again,
 * with a new assertion, when it is within 10 s of expiry (as Go's oauth2 reuse token source does).
 * No retries: a failure surfaces as {@code UNAUTHENTICATED} on the call that needed the token.
 */
final class TokenSource {
  static final Duration EXPIRY_MARGIN = Duration.ofSeconds(10);
  static final String USER_AGENT = "baton-c1-credential-provider baton-sdk/v0.25.0";
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Logger LOG = LoggerFactory.getLogger(TokenSource.class);

  private final ClientCredentials credentials;
  private final ClientAssertion assertion;
  private final URI tokenUri;
  private final HttpClient http;
  private final Clock clock;
  private AccessToken current;

  TokenSource(
      ClientCredentials credentials,
      ClientAssertion assertion,
      URI tokenUri,
      HttpClient http,
      Clock clock) {
    this.credentials = credentials;
    this.assertion = assertion;
    this.tokenUri = tokenUri;
    this.http = http;
    this.clock = clock;
  }

  /** A token valid for at least 10 more seconds, fetched when the cached one is not. */
  synchronized AccessToken token() {
    Instant now = clock.instant();
    if (current != null && now.isBefore(current.expiresAt().minus(EXPIRY_MARGIN))) {
      return current;
    }
    current = fetch(now);
    LOG.debug("Obtained a ConductorOne access token valid until {}", current.expiresAt());
    return current;
  }

  private AccessToken fetch(Instant now) {
    Map<String, String> form = new TreeMap<>();
    form.put("client_assertion", assertion.create());
    form.put("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
    form.put("client_id", credentials.clientId());
    form.put("grant_type", "client_credentials");
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpRequest request =
        HttpRequest.newBuilder(tokenUri)
            .timeout(REQUEST_TIMEOUT)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("User-Agent", USER_AGENT)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<byte[]> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new TokenException("failed to get token: " + tokenUri + ": " + describe(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TokenException("failed to get token: interrupted", e);
    }
    if (response.statusCode() != 200) {
      throw new TokenException(
          "failed to get token: " + tokenUri + " answered HTTP " + response.statusCode());
    }
    return parse(response.body(), now);
  }

  private AccessToken parse(byte[] body, Instant now) {
    JsonNode json;
    try {
      json = JSON.readTree(body);
    } catch (IOException e) {
      throw new TokenException("failed to get token: the token endpoint's answer is not JSON");
    }
    JsonNode token = json == null ? null : json.get("access_token");
    if (token == null || !token.isTextual() || token.asText().isEmpty()) {
      throw new TokenException("failed to get token: the answer has no access_token");
    }
    JsonNode expiresIn = json.get("expires_in");
    if (expiresIn != null && !expiresIn.isNull() && !expiresIn.isIntegralNumber()) {
      throw new TokenException("failed to get token: expires_in is not an integer");
    }
    JsonNode type = json.get("token_type");
    long seconds = expiresIn == null || expiresIn.isNull() ? 0 : expiresIn.asLong();
    // Go's oauth2: no expires_in means a token that never expires.
    Instant expiresAt = seconds == 0 ? Instant.MAX : now.plusSeconds(seconds);
    return new AccessToken(
        Secret.of(token.asText()),
        type != null && type.isTextual() ? type.asText() : "",
        expiresAt);
  }

  private static String describe(IOException e) {
    return FailureWords.of(e);
  }
}
