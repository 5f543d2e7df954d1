package org.batonjava.metabase.client;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Metabase REST calls the connector makes, with tolerant JSON reading: unknown fields are ignored, ids may
 * come as numbers or strings, nulls are accepted where Metabase sends them, and permission values of any shape
 * (strings, granular schema/table maps) are handed over untouched.
 */
public final class MetabaseClient {
  private static final Logger LOG = LoggerFactory.getLogger(MetabaseClient.class);

  private final MetabaseHttp http;
  private final ObjectMapper json = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .build();

  public MetabaseClient(ClientSettings settings) {
    this(new MetabaseHttp(settings));
  }

  public MetabaseClient(MetabaseHttp http) {
    this.http = http;
  }

  public BaseUrl baseUrl() {
    return http.baseUrl();
  }

  /** {@code GET /api/user?limit&offset&status=all}: active and deactivated personal users, sorted by name. */
  public UserPage listUsers(long offset, int limit) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("limit", Integer.toString(limit));
    if (offset > 0) {
      query.put("offset", Long.toString(offset));
    }
    query.put("status", "all");
    return read(http.getJson("/api/user", query), UserPage.class);
  }

  /** {@code GET /api/user/current}: the user (or API-key pseudo-user) the key belongs to. */
  public MetabaseUser currentUser() {
    return read(http.getJson("/api/user/current", Map.of()), MetabaseUser.class);
  }

  /** {@code GET /api/permissions/group}: every group, the magic All Users (1) and Administrators (2) included. */
  public List<MetabaseGroup> listGroups() {
    MetabaseHttp.Answer answer = http.getJson("/api/permissions/group", Map.of());
    JsonNode node = tree(answer);
    List<MetabaseGroup> out = new ArrayList<>();
    for (JsonNode item : node.isArray() ? node : node.path("data")) {
      if (item != null && item.isObject()) {
        out.add(convert(answer, item, MetabaseGroup.class));
      }
    }
    return out;
  }

  /**
   * {@code GET /api/permissions/membership}: every membership row of every user (deactivated and API-key users
   * included), by user id.
   */
  public Map<Long, List<GroupMembership>> memberships() {
    MetabaseHttp.Answer answer = http.getJson("/api/permissions/membership", Map.of());
    JsonNode node = tree(answer);
    Map<Long, List<GroupMembership>> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      OptionalLong userId = parseId(entry.getKey());
      if (userId.isEmpty()) {
        LOG.debug("ignoring memberships under the non-numeric user key {}", entry.getKey());
        continue;
      }
      List<GroupMembership> rows = new ArrayList<>();
      for (JsonNode row : entry.getValue()) {
        if (row != null && row.isObject()) {
          rows.add(convert(answer, row, GroupMembership.class));
        }
      }
      out.put(userId.getAsLong(), rows);
    }
    return out;
  }

  /** {@code GET /api/database}: every database the key can see (admins: all but the audit database). */
  public List<MetabaseDatabase> listDatabases() {
    MetabaseHttp.Answer answer = http.getJson("/api/database", Map.of());
    JsonNode node = tree(answer);
    List<MetabaseDatabase> out = new ArrayList<>();
    // {data, total} since long before 0.49; a bare array in much older versions.
    for (JsonNode item : node.isArray() ? node : node.path("data")) {
      if (item != null && item.isObject()) {
        out.add(convert(answer, item, MetabaseDatabase.class));
      }
    }
    return out;
  }

  /**
   * {@code GET /api/permissions/graph}: the whole data-permission graph, streamed to {@code visitor} one
   * (group, database) entry at a time so that a large graph is never held as one tree.
   */
  public void readPermissionGraph(PermissionGraphVisitor visitor) {
    MetabaseHttp.Answer answer = http.getJson("/api/permissions/graph", Map.of());
    try (JsonParser parser = json.createParser(answer.body())) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw http.failures().unreadable(answer.call(), new UnexpectedShape("the graph is not a JSON object", parser));
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (field.equals("groups") && value == JsonToken.START_OBJECT) {
          readGroups(parser, visitor);
        } else {
          parser.skipChildren();
        }
      }
    } catch (JsonProcessingException e) {
      throw http.failures().unreadable(answer.call(), e);
    } catch (IOException e) {
      throw http.failures().fromIo(answer.call(), e);
    }
  }

  private void readGroups(JsonParser parser, PermissionGraphVisitor visitor) throws IOException {
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      OptionalLong groupId = parseId(parser.currentName());
      JsonToken value = parser.nextToken();
      if (groupId.isEmpty() || value != JsonToken.START_OBJECT) {
        parser.skipChildren();
        continue;
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        OptionalLong databaseId = parseId(parser.currentName());
        parser.nextToken();
        if (databaseId.isEmpty()) {
          parser.skipChildren();
          continue;
        }
        JsonNode permissions = parser.readValueAsTree();
        if (permissions != null && !permissions.isNull()) {
          visitor.entry(groupId.getAsLong(), databaseId.getAsLong(), permissions);
        }
      }
    }
  }

  /** {@code GET /api/setting/version} (administrators only): the version the Go v049/v056 connectors check. */
  public VersionInfo settingVersion() {
    return read(http.getJson("/api/setting/version", Map.of()), VersionInfo.class);
  }

  /** {@code GET /api/session/properties} → {@code version} (public; no key needed). */
  public VersionInfo sessionVersion() {
    MetabaseHttp.Answer answer = http.getJson("/api/session/properties", Map.of());
    JsonNode version = tree(answer).path("version");
    return version.isObject() ? convert(answer, version, VersionInfo.class) : new VersionInfo(null, null, null, null);
  }

  private <T> T read(MetabaseHttp.Answer answer, Class<T> type) {
    try {
      return json.readValue(answer.body(), type);
    } catch (JsonProcessingException e) {
      throw http.failures().unreadable(answer.call(), e);
    } catch (IOException e) {
      throw http.failures().fromIo(answer.call(), e);
    }
  }

  private JsonNode tree(MetabaseHttp.Answer answer) {
    try {
      JsonNode node = json.readTree(answer.body());
      return node == null ? json.missingNode() : node;
    } catch (JsonProcessingException e) {
      throw http.failures().unreadable(answer.call(), e);
    } catch (IOException e) {
      throw http.failures().fromIo(answer.call(), e);
    }
  }

  private <T> T convert(MetabaseHttp.Answer answer, JsonNode node, Class<T> type) {
    try {
      return json.treeToValue(node, type);
    } catch (JsonProcessingException e) {
      throw http.failures().unreadable(answer.call(), e);
    } catch (IllegalArgumentException e) {
      throw http.failures().unreadable(answer.call(), new UnexpectedShape(e.getMessage(), null));
    }
  }

  /** A numeric id sent as a JSON key or string ({@code "12"}). */
  static OptionalLong parseId(String text) {
    try {
      return OptionalLong.of(Long.parseLong(text.trim()));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /** A body that is valid JSON but not the shape expected. */
  private static final class UnexpectedShape extends JsonProcessingException {
    private static final long serialVersionUID = 1L;

    UnexpectedShape(String message, JsonParser parser) {
      super(message, parser == null ? null : parser.currentLocation());
    }
  }
}
