package org.batonjava.metabase.connector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.batonjava.metabase.sim.MetabaseSimulator;

/**
 * Changes a running simulator through its real API, as an administrator would (test set-up only).
 */
final class SimAdmin {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final MetabaseSimulator sim;

  SimAdmin(MetabaseSimulator sim) {
    this.sim = sim;
  }

  JsonNode get(String path) {
    return send("GET", path, null);
  }

  JsonNode post(String path, String json) {
    return send("POST", path, json);
  }

  JsonNode put(String path, String json) {
    return send("PUT", path, json);
  }

  /** Creates a user; returns its id. */
  long createUser(String email, String first, String last) {
    return post(
            "/api/user",
            "{\"email\":\""
                + email
                + "\",\"first_name\":\""
                + first
                + "\",\"last_name\":\""
                + last
                + "\"}")
        .path("id")
        .asLong();
  }

  /** Creates a group; returns its id. */
  long createGroup(String name) {
    return post("/api/permissions/group", "{\"name\":\"" + name + "\"}").path("id").asLong();
  }

  /** Creates an API key in a group; returns the unmasked key. */
  String createApiKey(String name, long groupId) {
    return post("/api/api-key", "{\"name\":\"" + name + "\",\"group_id\":" + groupId + "}")
        .path("unmasked_key")
        .asText();
  }

  /**
   * Replaces one group's permissions on one database with {@code permissionsJson} (a partial
   * graph).
   */
  void setPermissions(long groupId, long databaseId, String permissionsJson) {
    long revision = get("/api/permissions/graph").path("revision").asLong();
    put(
        "/api/permissions/graph",
        "{\"revision\":"
            + revision
            + ",\"groups\":{\""
            + groupId
            + "\":{\""
            + databaseId
            + "\":"
            + permissionsJson
            + "}}}");
  }

  /**
   * Whether {@code POST /api/session} accepts this e-mail and password (a real login, no API key).
   */
  boolean canLogIn(String email, String password) {
    String body =
        JSON.createObjectNode().put("username", email).put("password", password).toString();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/api/session"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
    } catch (IOException e) {
      throw new AssertionError("login failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** A request without a body (e.g. {@code DELETE}). */
  JsonNode send(String method, String path) {
    return send(method, path, null);
  }

  private JsonNode send(String method, String path, String json) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
            .header("X-API-Key", sim.adminApiKey())
            .header("Accept", "application/json");
    if (json != null) {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new AssertionError(
            method + " " + path + " -> " + response.statusCode() + ": " + response.body());
      }
      return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError(method + " " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
