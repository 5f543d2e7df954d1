package org.batonjava.c1sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code POST /auth/v1/token}: OAuth2 client credentials with a private_key_jwt assertion. Verifies
 * the form ({@code grant_type=client_credentials}, the jwt-bearer assertion type, a registered
 * {@code client_id}) and the assertion ({@link AssertionVerifier}); answers {@code
 * {"access_token","token_type":"Bearer","expires_in"}}. Switches: token lifetime, the next N
 * requests failing with an HTTP status, an empty token.
 */
public final class TokenEndpoint implements HttpHandler {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, RegisteredClient> clients;
  private final String audience;
  private final IssuedTokens tokens;
  private final Clock clock;
  private final AssertionVerifier verifier = new AssertionVerifier();
  private final List<TokenRequest> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private volatile int failureStatus = 500;
  private volatile Duration lifetime = Duration.ofHours(1);
  private volatile boolean emptyToken;

  TokenEndpoint(
      Map<String, RegisteredClient> clients, String audience, IssuedTokens tokens, Clock clock) {
    this.clients = clients;
    this.audience = audience;
    this.tokens = tokens;
    this.clock = clock;
  }

  /** How long issued tokens live ({@code expires_in}); tokens are refused by the API after that. */
  public void lifetime(Duration value) {
    this.lifetime = value;
  }

  /** The next {@code times} requests get HTTP {@code status}. */
  public void fail(int status, int times) {
    this.failureStatus = status;
    this.failuresLeft.set(times);
  }

  /** Answer 200 with an empty {@code access_token}. */
  public void emptyToken(boolean value) {
    this.emptyToken = value;
  }

  public List<TokenRequest> requests() {
    return List.copyOf(requests);
  }

  public List<TokenRequest> accepted() {
    return requests.stream().filter(TokenRequest::accepted).toList();
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestMethod().equals("POST")) {
        respond(exchange, 405, Map.of("error", "method_not_allowed"));
        return;
      }
      String userAgent = String.valueOf(exchange.getRequestHeaders().getFirst("User-Agent"));
      String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
      Map<String, String> form =
          parseForm(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      String clientId = form.getOrDefault("client_id", "");
      if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        reject(clientId, userAgent, "injected failure " + failureStatus);
        respond(exchange, failureStatus, Map.of("error", "server_error"));
        return;
      }
      String problem = null;
      if (!contentType.startsWith("application/x-www-form-urlencoded")) {
        problem = "content type must be application/x-www-form-urlencoded";
      } else if (!"client_credentials".equals(form.get("grant_type"))) {
        problem = "grant_type must be client_credentials";
      } else if (!"urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
          .equals(form.get("client_assertion_type"))) {
        problem = "client_assertion_type must be jwt-bearer";
      } else if (!clients.containsKey(clientId)) {
        problem = "unknown client_id";
      }
      if (problem != null) {
        reject(clientId, userAgent, problem);
        respond(exchange, 401, Map.of("error", "invalid_client", "error_description", problem));
        return;
      }
      AssertionVerifier.Claims claims;
      try {
        claims =
            verifier.verify(
                form.getOrDefault("client_assertion", ""),
                clients.get(clientId),
                audience,
                clock.instant());
      } catch (AssertionVerifier.Rejected e) {
        reject(clientId, userAgent, e.getMessage());
        respond(
            exchange, 401, Map.of("error", "invalid_client", "error_description", e.getMessage()));
        return;
      }
      Duration life = lifetime;
      String token = emptyToken ? "" : tokens.issue(clientId, life);
      requests.add(
          new TokenRequest(
              clock.instant(),
              clientId,
              claims.nonce(),
              claims.iat(),
              claims.nbf(),
              claims.exp(),
              userAgent,
              true,
              ""));
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("access_token", token);
      body.put("token_type", "Bearer");
      body.put("expires_in", life.toSeconds());
      respond(exchange, 200, body);
    }
  }

  private void reject(String clientId, String userAgent, String reason) {
    requests.add(
        new TokenRequest(clock.instant(), clientId, "", 0, 0, 0, userAgent, false, reason));
  }

  private static Map<String, String> parseForm(String body) {
    Map<String, String> out = new HashMap<>();
    List<String> pairs = new ArrayList<>(List.of(body.split("&")));
    for (String pair : pairs) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.put(key, value);
    }
    return out;
  }

  private static void respond(HttpExchange exchange, int status, Map<String, ?> body)
      throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
