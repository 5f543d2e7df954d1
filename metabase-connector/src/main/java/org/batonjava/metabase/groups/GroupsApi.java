package org.batonjava.metabase.groups;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.batonjava.metabase.http.MetabaseJson;
import org.batonjava.metabase.http.ResponseShape;
import org.batonjava.metabase.http.StreamedAnswer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Metabase REST calls about groups and group memberships. */
public final class GroupsApi {
  private static final Logger LOG = LoggerFactory.getLogger(GroupsApi.class);

  private final MetabaseJson json;

  public GroupsApi(MetabaseJson json) {
    this.json = json;
  }

  /**
   * {@code GET /api/permissions/group}: every group, the magic All Users (1) and Administrators (2)
   * included.
   */
  public List<MetabaseGroup> listGroups() {
    return json.getList("/api/permissions/group", MetabaseGroup.class, "the list of groups");
  }

  /**
   * {@code GET /api/permissions/membership}: every membership row of every user (deactivated and
   * API-key users included), by user id.
   */
  public Map<Long, List<GroupMembership>> memberships() {
    Map<Long, List<GroupMembership>> out = new LinkedHashMap<>();
    readMemberships((userId, row) -> out.computeIfAbsent(userId, k -> new ArrayList<>()).add(row));
    return out;
  }

  /**
   * {@code GET /api/permissions/membership}, streamed to {@code visitor} one row at a time (the
   * answer holds every membership of the instance; it is never built into one tree).
   */
  public void readMemberships(MembershipVisitor visitor) {
    // Read as it arrives: the answer grows with the users (about 100 bytes a membership).
    StreamedAnswer answer = json.http().getJsonStream("/api/permissions/membership", Map.of());
    try (answer;
        JsonParser parser = json.parser(answer)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw json.unexpected(answer, "the answer is not an object of memberships by user", parser);
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        OptionalLong userId = MetabaseJson.parseId(key);
        JsonToken value = parser.nextToken();
        if (userId.isEmpty()) {
          LOG.debug("ignoring memberships under the user key {}", key);
          parser.skipChildren();
          continue;
        }
        if (value != JsonToken.START_ARRAY) {
          throw json.unexpected(
              answer,
              "the memberships of user "
                  + key
                  + " are "
                  + ResponseShape.kind(value)
                  + " where a list is required",
              parser);
        }
        for (JsonToken row = parser.nextToken();
            row != JsonToken.END_ARRAY;
            row = parser.nextToken()) {
          if (row != JsonToken.START_OBJECT) {
            throw json.unexpected(
                answer,
                "a membership of user "
                    + key
                    + " is "
                    + ResponseShape.kind(row)
                    + ", not an object",
                parser);
          }
          visitor.membership(userId.getAsLong(), parser.readValueAs(GroupMembership.class));
        }
      }
      if (parser.currentToken() != JsonToken.END_OBJECT) {
        throw json.unexpected(
            answer, "the memberships end early or hold something other than lists", parser);
      }
    } catch (IOException e) {
      throw json.unreadable(answer, e);
    }
  }

  /**
   * As {@link #readMemberships}, reading an answer of the plain shape straight from its tokens
   * ({@link MembershipAnswerReader}). False when the answer has another shape: the visitor has then
   * seen some of its rows and must be discarded, and {@link #readMemberships} reads the answer
   * again, so its result and errors are that way's.
   */
  public boolean readMembershipsInOnePass(MembershipVisitor visitor) {
    StreamedAnswer answer = json.http().getJsonStream("/api/permissions/membership", Map.of());
    try (answer;
        JsonParser parser = json.parser(answer)) {
      return MembershipAnswerReader.read(parser, visitor);
    } catch (IOException e) {
      throw json.unreadable(answer, e);
    }
  }

  /**
   * {@code POST /api/permissions/membership}. Managers need a paid build (402 otherwise); the All
   * Users group cannot be changed (400); a membership that exists already fails (500).
   */
  public void addMembership(long userId, long groupId, boolean manager) {
    ObjectNode body = json.object();
    body.put("group_id", groupId);
    body.put("user_id", userId);
    body.put("is_group_manager", manager);
    json.http().send("POST", "/api/permissions/membership", Map.of(), json.bytes(body), List.of());
  }

  /**
   * {@code PUT /api/permissions/membership/:id}: promotes or demotes a group manager (paid builds;
   * 402 otherwise).
   */
  public void setGroupManager(long membershipId, boolean manager) {
    ObjectNode body = json.object();
    body.put("is_group_manager", manager);
    json.http()
        .send(
            "PUT",
            "/api/permissions/membership/" + membershipId,
            Map.of(),
            json.bytes(body),
            List.of());
  }

  /** {@code DELETE /api/permissions/membership/:id}. */
  public void removeMembership(long membershipId) {
    json.http()
        .send("DELETE", "/api/permissions/membership/" + membershipId, Map.of(), null, List.of());
  }
}
