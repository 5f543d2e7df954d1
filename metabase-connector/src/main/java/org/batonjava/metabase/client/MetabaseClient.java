package org.batonjava.metabase.client;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
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
    return userPage(http.getJson("/api/user", query));
  }

  /** {@code GET /api/user/current}: the user (or API-key pseudo-user) the key belongs to. */
  public MetabaseUser currentUser() {
    return user(http.getJson("/api/user/current", Map.of()));
  }

  /** {@code GET /api/permissions/group}: every group, the magic All Users (1) and Administrators (2) included. */
  public List<MetabaseGroup> listGroups() {
    MetabaseHttp.Answer answer = http.getJson("/api/permissions/group", Map.of());
    return items(answer, "the list of groups", MetabaseGroup.class);
  }

  /**
   * {@code GET /api/permissions/membership}: every membership row of every user (deactivated and API-key users
   * included), by user id.
   */
  public Map<Long, List<GroupMembership>> memberships() {
    Map<Long, List<GroupMembership>> out = new LinkedHashMap<>();
    readMemberships((userId, row) -> out.computeIfAbsent(userId, k -> new ArrayList<>()).add(row));
    return out;
  }

  /**
   * {@code GET /api/permissions/membership}, streamed to {@code visitor} one row at a time (the answer holds every
   * membership of the instance; it is never built into one tree).
   */
  public void readMemberships(MembershipVisitor visitor) {
    MetabaseHttp.Answer answer = http.getJson("/api/permissions/membership", Map.of());
    try (JsonParser parser = json.createParser(answer.body())) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw http.failures().unreadable(answer.call(),
            new ShapeProblem("the answer is not an object of memberships by user", parser.currentLocation()));
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        OptionalLong userId = parseId(key);
        JsonToken value = parser.nextToken();
        if (userId.isEmpty()) {
          LOG.debug("ignoring memberships under the user key {}", key);
          parser.skipChildren();
          continue;
        }
        if (value != JsonToken.START_ARRAY) {
          throw new ShapeProblem("the memberships of user " + key + " are " + tokenKind(value)
              + " where a list is required", parser.currentLocation());
        }
        for (JsonToken row = parser.nextToken(); row != JsonToken.END_ARRAY; row = parser.nextToken()) {
          if (row != JsonToken.START_OBJECT) {
            throw new ShapeProblem("a membership of user " + key + " is " + tokenKind(row) + ", not an object",
                parser.currentLocation());
          }
          GroupMembership membership = parser.readValueAs(GroupMembership.class);
          visitor.membership(userId.getAsLong(), membership);
        }
      }
      if (parser.currentToken() != JsonToken.END_OBJECT) {
        throw new ShapeProblem("the memberships end early or hold something other than lists",
            parser.currentLocation());
      }
    } catch (JsonProcessingException e) {
      throw http.failures().unreadable(answer.call(), e);
    } catch (IOException e) {
      throw http.failures().fromIo(answer.call(), e);
    }
  }

  /** {@code GET /api/database}: every database the key can see (admins: all but the audit database). */
  public List<MetabaseDatabase> listDatabases() {
    MetabaseHttp.Answer answer = http.getJson("/api/database", Map.of());
    // {data, total} since long before 0.49; a bare array in much older versions.
    return items(answer, "the list of databases", MetabaseDatabase.class);
  }

  /**
   * {@code GET /api/permissions/graph}: the whole data-permission graph, streamed to {@code visitor} one
   * (group, database) entry at a time so that a large graph is never held as one tree.
   */
  public void readPermissionGraph(PermissionGraphVisitor visitor) {
    MetabaseHttp.Answer answer = http.getJson("/api/permissions/graph", Map.of());
    try (JsonParser parser = json.createParser(answer.body())) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw http.failures().unreadable(answer.call(),
            new ShapeProblem("the answer is not an object with the permission graph", parser.currentLocation()));
      }
      boolean sawGroups = false;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (field.equals("groups")) {
          if (value != JsonToken.START_OBJECT) {
            throw new ShapeProblem("`groups` is " + tokenKind(value) + " where the permissions by group are required",
                parser.currentLocation());
          }
          readGroups(parser, visitor);
          sawGroups = true;
        } else {
          parser.skipChildren();
        }
      }
      if (!sawGroups) {
        throw new ShapeProblem("`groups` is missing where the permissions by group are required", null);
      }
    } catch (JsonProcessingException e) {
      throw http.failures().unreadable(answer.call(), e);
    } catch (IOException e) {
      throw http.failures().fromIo(answer.call(), e);
    }
  }

  private void readGroups(JsonParser parser, PermissionGraphVisitor visitor) throws IOException {
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      OptionalLong groupId = parseId(key);
      JsonToken value = parser.nextToken();
      if (groupId.isEmpty()) {
        parser.skipChildren();
        continue;
      }
      if (value != JsonToken.START_OBJECT) {
        throw new ShapeProblem("the permissions of group " + key + " are " + tokenKind(value)
            + " where an object by database is required", parser.currentLocation());
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

  // ---- reads and changes for provisioning (never cached) ------------------------------------------------

  /**
   * {@code GET /api/user/:id}. Metabase 0.49–0.50 answer 404 for a deactivated user; 0.51 and newer return it
   * with {@code is_active: false}.
   */
  public MetabaseUser user(long id) {
    return user(http.getJson("/api/user/" + id, Map.of()));
  }

  /**
   * {@code GET /api/user?query=…&status=all}: active and deactivated users whose name or e-mail contains
   * {@code text} (case-insensitive; every match, no paging).
   */
  public List<MetabaseUser> usersMatching(String text) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("query", text);
    query.put("status", "all");
    return userPage(http.getJson("/api/user", query)).data();
  }

  /** {@code GET /api/user?status=deactivated}: every deactivated user (no paging). */
  public List<MetabaseUser> deactivatedUsers() {
    return userPage(http.getJson("/api/user", Map.of("status", "deactivated"))).data();
  }

  /** {@code POST /api/user}: creates an active user with this password; Metabase adds it to All Users. */
  public MetabaseUser createUser(NewUser user) {
    ObjectNode body = json.createObjectNode();
    body.put("email", user.email());
    body.put("first_name", user.firstName());
    body.put("last_name", user.lastName());
    body.put("password", user.password().reveal());
    byte[] bytes = bytes(body);
    try {
      return read(http.send("POST", "/api/user", Map.of(), bytes, List.of(user.password())), MetabaseUser.class);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /** {@code PUT /api/user/:id/reactivate}: Metabase answers 400 for a user that is already active. */
  public MetabaseUser reactivateUser(long id) {
    return read(http.send("PUT", "/api/user/" + id + "/reactivate", Map.of(), null, List.of()), MetabaseUser.class);
  }

  /**
   * {@code DELETE /api/user/:id}: deactivates the user (memberships are kept). Up to 0.58 Metabase answers 500 for
   * a user that is already deactivated; newer versions answer 200.
   */
  public void deactivateUser(long id) {
    http.send("DELETE", "/api/user/" + id, Map.of(), null, List.of());
  }

  /**
   * {@code POST /api/permissions/membership}. Managers need a paid build (402 otherwise); the All Users group
   * cannot be changed (400); a membership that exists already fails (500).
   */
  public void addMembership(long userId, long groupId, boolean manager) {
    ObjectNode body = json.createObjectNode();
    body.put("group_id", groupId);
    body.put("user_id", userId);
    body.put("is_group_manager", manager);
    http.send("POST", "/api/permissions/membership", Map.of(), bytes(body), List.of());
  }

  /** {@code PUT /api/permissions/membership/:id}: promotes or demotes a group manager (paid builds; 402 otherwise). */
  public void setGroupManager(long membershipId, boolean manager) {
    ObjectNode body = json.createObjectNode();
    body.put("is_group_manager", manager);
    http.send("PUT", "/api/permissions/membership/" + membershipId, Map.of(), bytes(body), List.of());
  }

  /** {@code DELETE /api/permissions/membership/:id}. */
  public void removeMembership(long membershipId) {
    http.send("DELETE", "/api/permissions/membership/" + membershipId, Map.of(), null, List.of());
  }

  /** {@code GET /api/permissions/graph/db/:id}: every group's permissions on one database, and the revision. */
  public DatabasePermissions databasePermissions(long databaseId) {
    MetabaseHttp.Answer answer = http.getJson("/api/permissions/graph/db/" + databaseId, Map.of());
    JsonNode node = tree(answer);
    JsonNode revision = node.get("revision");
    if (revision == null || !revision.canConvertToLong()) {
      throw http.failures().unreadable(answer.call(), new ShapeProblem("`revision` is "
          + ResponseShape.kind(revision) + " where the graph's revision number is required"));
    }
    Map<Long, JsonNode> byGroup = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> group : node.path("groups").properties()) {
      OptionalLong groupId = parseId(group.getKey());
      JsonNode entry = group.getValue().get(Long.toString(databaseId));
      if (groupId.isPresent() && entry != null && entry.isObject()) {
        byGroup.put(groupId.getAsLong(), entry);
      }
    }
    return new DatabasePermissions(revision.asLong(), databaseId, byGroup);
  }

  /**
   * {@code PUT /api/permissions/graph?skip-graph=true} with a partial graph holding only one group's entry for one
   * database: Metabase changes just the keys sent and leaves every other group and database as it is. A
   * {@code revision} that is no longer current fails with 409 ({@code ABORTED}) and changes nothing.
   */
  public void updateDatabasePermissions(long revision, long groupId, long databaseId, ObjectNode entry) {
    ObjectNode body = json.createObjectNode();
    body.put("revision", revision);
    body.putObject("groups").putObject(Long.toString(groupId)).set(Long.toString(databaseId), entry);
    http.send("PUT", "/api/permissions/graph", Map.of("skip-graph", "true"), bytes(body), List.of());
  }

  private byte[] bytes(JsonNode body) {
    try {
      return json.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode a request body", e);
    }
  }

  /** A page of users: {@code data} must be a list of users with ids and {@code total} a number. */
  private UserPage userPage(MetabaseHttp.Answer answer) {
    JsonNode node = tree(answer);
    try {
      if (!node.isObject()) {
        throw new ShapeProblem("the answer is " + ResponseShape.kind(node) + " where a page of users is required");
      }
      JsonNode data = ResponseShape.list(node, "data", "the list of users");
      ResponseShape.number(node, "total", "the number of users");
      for (int i = 0; i < data.size(); i++) {
        ResponseShape.item(data.get(i), i, "the list of users");
      }
    } catch (ShapeProblem e) {
      throw http.failures().unreadable(answer.call(), e);
    }
    return convert(answer, node, UserPage.class);
  }

  /** One user: an object with an id. */
  private MetabaseUser user(MetabaseHttp.Answer answer) {
    JsonNode node = tree(answer);
    try {
      ResponseShape.object(node, "a user");
    } catch (ShapeProblem e) {
      throw http.failures().unreadable(answer.call(), e);
    }
    return convert(answer, node, MetabaseUser.class);
  }

  /** The objects of a list answer (a bare list or {@code {"data": [...]}}), each with an id. */
  private <T> List<T> items(MetabaseHttp.Answer answer, String what, Class<T> type) {
    JsonNode list;
    try {
      list = ResponseShape.listIn(tree(answer), "data", what);
      for (int i = 0; i < list.size(); i++) {
        ResponseShape.item(list.get(i), i, what);
      }
    } catch (ShapeProblem e) {
      throw http.failures().unreadable(answer.call(), e);
    }
    List<T> out = new ArrayList<>(list.size());
    for (JsonNode item : list) {
      out.add(convert(answer, item, type));
    }
    return out;
  }

  private static String tokenKind(JsonToken token) {
    if (token == null) {
      return "missing";
    }
    return switch (token) {
      case START_ARRAY -> "a list";
      case START_OBJECT -> "an object";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "true or false";
      case VALUE_NULL -> "null";
      default -> "something else";
    };
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
      throw http.failures().unreadable(answer.call(), new ShapeProblem("a value has the wrong type"));
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
}
