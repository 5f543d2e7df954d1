package org.batonjava.metabase.users;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.batonjava.metabase.http.MetabaseJson;
import org.batonjava.metabase.http.ResponseShape;
import org.batonjava.metabase.http.ShapeProblem;

/** The Metabase REST calls about users. */
public final class UsersApi {
  private final MetabaseJson json;

  public UsersApi(MetabaseJson json) {
    this.json = json;
  }

  /**
   * {@code GET /api/user?limit&offset&status=all}: active and deactivated personal users, sorted by
   * name.
   */
  public UserPage listUsers(long offset, int limit) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("limit", Integer.toString(limit));
    if (offset > 0) {
      query.put("offset", Long.toString(offset));
    }
    query.put("status", "all");
    return page(query);
  }

  /**
   * A page of users: {@code data} must be a list of users with ids and {@code total} a number.
   * Pages of the usual shape are read in one pass ({@link UserPageReader}).
   */
  private UserPage page(Map<String, String> query) {
    return json.getChecked(
        "/api/user",
        query,
        UserPage.class,
        node -> {
          if (!node.isObject()) {
            throw new ShapeProblem(
                "the answer is " + ResponseShape.kind(node) + " where a page of users is required");
          }
          JsonNode data = ResponseShape.list(node, "data", "the list of users");
          ResponseShape.number(node, "total", "the number of users");
          for (int i = 0; i < data.size(); i++) {
            ResponseShape.item(data.get(i), i, "the list of users");
          }
        },
        UserPageReader::read);
  }

  // ---- reads and changes for provisioning (never cached)
  // ------------------------------------------------

  /**
   * {@code GET /api/user/:id}. Metabase 0.49–0.50 answer 404 for a deactivated user; 0.51 and newer
   * return it with {@code is_active: false}.
   */
  public MetabaseUser user(long id) {
    return json.getChecked(
        "/api/user/" + id,
        Map.of(),
        MetabaseUser.class,
        node -> ResponseShape.object(node, "a user"));
  }

  /**
   * {@code GET /api/user?query=…&status=all}: active and deactivated users whose name or e-mail
   * contains {@code text} (case-insensitive; every match, no paging).
   */
  public List<MetabaseUser> usersMatching(String text) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("query", text);
    query.put("status", "all");
    return page(query).data();
  }

  /** {@code GET /api/user?status=deactivated}: every deactivated user (no paging). */
  public List<MetabaseUser> deactivatedUsers() {
    return page(Map.of("status", "deactivated")).data();
  }

  /**
   * {@code POST /api/user}: creates an active user with this password; Metabase adds it to All
   * Users.
   */
  public MetabaseUser createUser(NewUser user) {
    ObjectNode body = json.object();
    body.put("email", user.email());
    body.put("first_name", user.firstName());
    body.put("last_name", user.lastName());
    body.put("password", user.password().reveal());
    byte[] bytes = json.bytes(body);
    try {
      return json.read(
          json.http().send("POST", "/api/user", Map.of(), bytes, List.of(user.password())),
          MetabaseUser.class);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /**
   * {@code PUT /api/user/:id/reactivate}: Metabase answers 400 for a user that is already active.
   */
  public MetabaseUser reactivateUser(long id) {
    return json.read(
        json.http().send("PUT", "/api/user/" + id + "/reactivate", Map.of(), null, List.of()),
        MetabaseUser.class);
  }

  /**
   * {@code DELETE /api/user/:id}: deactivates the user (memberships are kept). Up to 0.58 Metabase
   * answers 500 for a user that is already deactivated; newer versions answer 200.
   */
  public void deactivateUser(long id) {
    json.http().send("DELETE", "/api/user/" + id, Map.of(), null, List.of());
  }
}
