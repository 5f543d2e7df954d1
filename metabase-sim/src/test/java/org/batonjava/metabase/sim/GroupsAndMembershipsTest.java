package org.batonjava.metabase.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** /api/permissions/group and /api/permissions/membership contracts and state consistency. */
class GroupsAndMembershipsTest {

  static MetabaseSimulator start(String version, boolean paid) {
    return UsersContractTest.start(version, paid);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.49", "0.56", "newest"})
  void groupShapesPerVersion(String version) {
    try (MetabaseSimulator sim = start(version, false)) {
      SimClient c = SimClient.admin(sim);
      JsonNode list = c.get("/api/permissions/group").json();
      assertThat(list.isArray()).isTrue();
      assertThat(list.findValuesAsText("name"))
          .containsExactly(
              "Administrators",
              "All Users",
              "Analysts",
              "Contractors",
              "Engineering",
              "Finance",
              "Marketing");
      JsonNode admins = list.get(0);
      assertThat(admins.get("member_count").asInt())
          .isEqualTo(4); // Ada, Grace, the admin key, ETL pipeline
      assertThat(admins.has("entity_id")).isEqualTo(!version.equals("0.49"));
      assertThat(admins.has("magic_group_type")).isEqualTo(!version.equals("0.49"));
      if (!version.equals("0.49")) {
        assertThat(admins.get("magic_group_type").asText()).isEqualTo("admin");
      }
      JsonNode finance = c.get("/api/permissions/group/4").json();
      JsonNode member = finance.get("members").get(0);
      assertThat(member.get("email").asText()).isEqualTo("jane.doe@example.com");
      assertThat(member.has("membership_id")).isTrue();
      assertThat(member.has("common_name")).isEqualTo(!version.equals("0.49"));
      assertThat(member.has("type")).isEqualTo(version.equals("newest"));
      assertThat(member.has("is_group_manager")).isFalse();

      SimClient.Resp missing = c.get("/api/permissions/group/999");
      assertThat(missing.status()).isEqualTo(404);
      assertThat(missing.body()).isEqualTo("Not found.");

      JsonNode paged = c.get("/api/permissions/group?limit=2&offset=1").json();
      assertThat(paged.isArray()).isTrue();
      assertThat(paged.findValuesAsText("name")).containsExactly("All Users", "Analysts");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.49", "0.56"})
  void createRenameDelete(String version) {
    try (MetabaseSimulator sim = start(version, false)) {
      SimClient c = SimClient.admin(sim);
      JsonNode created = c.post("/api/permissions/group", "{\"name\":\"Contract Staff\"}").json();
      int id = created.get("id").asInt();
      assertThat(id).isEqualTo(8);
      assertThat(created.has("member_count")).isFalse();
      SimClient.Resp dup = c.post("/api/permissions/group", "{\"name\":\"FINANCE\"}");
      assertThat(dup.status()).isEqualTo(400);
      assertThat(dup.body()).isEqualTo("A group with that name already exists.");
      SimClient.Resp blank = c.post("/api/permissions/group", "{\"name\":\"\"}");
      assertThat(blank.status()).isEqualTo(400);
      assertThat(blank.json().get("errors").get("name").asText())
          .isEqualTo("value must be a non-blank string.");

      assertThat(
              c.put("/api/permissions/group/" + id, "{\"name\":\"Vendors\"}")
                  .json()
                  .get("name")
                  .asText())
          .isEqualTo("Vendors");
      assertThat(c.put("/api/permissions/group/" + id, "{\"name\":\"analysts\"}").status())
          .isEqualTo(400);
      SimClient.Resp magic = c.put("/api/permissions/group/2", "{\"name\":\"Admins\"}");
      assertThat(magic.status()).isEqualTo(400);
      assertThat(magic.body())
          .isEqualTo("You cannot edit or delete the 'Administrators' permissions group!");
      assertThat(c.delete("/api/permissions/group/1").body())
          .isEqualTo("You cannot edit or delete the 'All Users' permissions group!");
      assertThat(c.put("/api/permissions/group/999", "{\"name\":\"X\"}").status()).isEqualTo(404);

      // a new group in 0.50+ gets view-data unrestricted on every database; in 0.49 nothing
      JsonNode graph = c.get("/api/permissions/graph/group/" + id).json();
      if (version.equals("0.49")) {
        assertThat(graph.get("groups").has(String.valueOf(id))).isFalse();
      } else {
        assertThat(graph.get("groups").get(String.valueOf(id)).get("1").toString())
            .isEqualTo("{\"view-data\":\"unrestricted\"}");
      }

      c.post("/api/permissions/membership", "{\"group_id\":" + id + ",\"user_id\":5}");
      SimClient.Resp deleted = c.delete("/api/permissions/group/" + id);
      assertThat(deleted.status()).isEqualTo(204);
      assertThat(deleted.body()).isEmpty();
      assertThat(c.get("/api/permissions/membership").json().get("5").findValuesAsText("group_id"))
          .containsExactly("1", "4");
      // unknown id: 204 in 0.49 (no existence check), 404 later
      assertThat(c.delete("/api/permissions/group/999").status())
          .isEqualTo(version.equals("0.49") ? 204 : 404);
    }
  }

  @Test
  void membershipAddDeleteClearAndRules() {
    try (MetabaseSimulator sim = start("0.56", false)) {
      SimClient c = SimClient.admin(sim);
      SimClient.Resp added =
          c.post(
              "/api/permissions/membership",
              "{\"membership_id\":0,\"group_id\":5,\"is_group_manager\":false,\"user_id\":8}");
      assertThat(added.status()).isEqualTo(200);
      // the full active member list of the group (deactivated user 8 was added but is not listed)
      assertThat(added.json().findValuesAsText("user_id")).containsExactly("9", "6");
      JsonNode map = c.get("/api/permissions/membership").json();
      assertThat(map.get("8").findValuesAsText("group_id")).containsExactly("1", "3", "5", "6");
      assertThat(map.has("11")).isTrue(); // API-key pseudo-user memberships are included

      SimClient.Resp dup = c.post("/api/permissions/membership", "{\"group_id\":5,\"user_id\":8}");
      assertThat(dup.status()).isEqualTo(500);
      assertThat(dup.json().has("message")).isTrue();
      SimClient.Resp allUsers =
          c.post("/api/permissions/membership", "{\"group_id\":1,\"user_id\":8}");
      assertThat(allUsers.status()).isEqualTo(400);
      assertThat(allUsers.body())
          .isEqualTo("You cannot add or remove users to/from the 'All Users' group.");
      SimClient.Resp badBody =
          c.post("/api/permissions/membership", "{\"group_id\":\"x\",\"user_id\":8}");
      assertThat(badBody.status()).isEqualTo(400);
      assertThat(badBody.json().get("errors").has("group_id")).isTrue();

      SimClient.Resp manager =
          c.post(
              "/api/permissions/membership",
              "{\"group_id\":7,\"user_id\":5,\"is_group_manager\":true}");
      assertThat(manager.status()).isEqualTo(402);
      assertThat(manager.body())
          .isEqualTo(
              "The group manager permissions functionality is only enabled if you "
                  + "have a premium token with the advanced-permissions feature.");
      assertThat(c.put("/api/permissions/membership/1", "{\"is_group_manager\":true}").status())
          .isEqualTo(402);

      // group 2 makes a superuser; removing it clears the flag
      c.post("/api/permissions/membership", "{\"group_id\":2,\"user_id\":5}");
      assertThat(c.get("/api/user/5").json().get("is_superuser").asBoolean()).isTrue();
      int adminMembership = membershipId(c, 5, 2);
      assertThat(c.delete("/api/permissions/membership/" + adminMembership).status())
          .isEqualTo(204);
      assertThat(c.get("/api/user/5").json().get("is_superuser").asBoolean()).isFalse();

      SimClient.Resp allUsersDelete =
          c.delete("/api/permissions/membership/" + membershipId(c, 5, 1));
      assertThat(allUsersDelete.status()).isEqualTo(400);
      assertThat(c.delete("/api/permissions/membership/99999").body()).isEqualTo("Not found.");

      assertThat(c.put("/api/permissions/membership/2/clear", null).body())
          .isEqualTo("Invalid Request.");
      assertThat(c.put("/api/permissions/membership/1/clear", null).status()).isEqualTo(400);
      assertThat(c.put("/api/permissions/membership/999/clear", null).status()).isEqualTo(404);
      assertThat(c.put("/api/permissions/membership/3/clear", null).status()).isEqualTo(204);
      assertThat(c.get("/api/permissions/group/3").json().get("members")).isEmpty();
      assertThat(c.get("/api/user?group_id=3&status=all").json().get("total").asInt()).isZero();
    }
  }

  @Test
  void paidBuildSetsManagerFlag() {
    try (MetabaseSimulator sim = start("0.56", true)) {
      SimClient c = SimClient.admin(sim);
      JsonNode members =
          c.post(
                  "/api/permissions/membership",
                  "{\"group_id\":7,\"user_id\":5,\"is_group_manager\":true}")
              .json();
      JsonNode john = null;
      for (JsonNode m : members) {
        if (m.get("user_id").asInt() == 5) {
          john = m;
        }
      }
      assertThat(john).isNotNull();
      assertThat(john.get("is_group_manager").asBoolean()).isTrue();
      int id = membershipId(c, 5, 7);
      SimClient.Resp demote =
          c.put("/api/permissions/membership/" + id, "{\"is_group_manager\":false}");
      assertThat(demote.body())
          .isEqualTo("{\"id\":" + id + ",\"user_id\":5,\"group_id\":7,\"is_group_manager\":false}");
      SimClient.Resp admin =
          c.post(
              "/api/permissions/membership",
              "{\"group_id\":7,\"user_id\":1,\"is_group_manager\":true}");
      assertThat(admin.status()).isEqualTo(400);
      assertThat(admin.body()).isEqualTo("Admin cant be a group manager.");
      assertThat(c.put("/api/permissions/membership/99999", "{\"is_group_manager\":true}").status())
          .isEqualTo(404);
      assertThat(c.put("/api/permissions/membership/" + id, "{}").status()).isEqualTo(400);
      // the demo's paid-only manager: Jane manages Finance
      assertThat(
              c.get("/api/permissions/membership")
                  .json()
                  .get("4")
                  .get(2)
                  .get("is_group_manager")
                  .asBoolean())
          .isTrue();
    }
  }

  @Test
  void memberCountsMembersAndMembershipMapAgree() {
    try (MetabaseSimulator sim = start("newest", false)) {
      SimClient c = SimClient.admin(sim);
      c.delete("/api/user/7");
      c.post("/api/permissions/membership", "{\"group_id\":4,\"user_id\":7}");
      c.post("/api/api-key", "{\"name\":\"ETL\",\"group_id\":4}");
      assertConsistent(c);
      int etl = c.get("/api/api-key").json().get(1).get("id").asInt();
      c.delete("/api/api-key/" + etl);
      assertConsistent(c);
    }
  }

  /**
   * member_count == active members listed == active users holding the group in the membership map.
   */
  static void assertConsistent(SimClient c) {
    JsonNode map = c.get("/api/permissions/membership").json();
    Map<Integer, Set<Integer>> byGroup = new HashMap<>();
    map.properties()
        .forEach(
            e ->
                e.getValue()
                    .forEach(
                        m ->
                            byGroup
                                .computeIfAbsent(m.get("group_id").asInt(), k -> new HashSet<>())
                                .add(m.get("user_id").asInt())));
    for (JsonNode g : c.get("/api/permissions/group").json()) {
      int gid = g.get("id").asInt();
      JsonNode members = c.get("/api/permissions/group/" + gid).json().get("members");
      Set<Integer> listed = new HashSet<>();
      members.forEach(m -> listed.add(m.get("user_id").asInt()));
      assertThat(g.get("member_count").asInt())
          .as("member_count of %d", gid)
          .isEqualTo(listed.size());
      Set<Integer> activeInMap = new HashSet<>();
      for (int uid : byGroup.getOrDefault(gid, Set.of())) {
        if ((c.get("/api/user/" + uid).status() == 200
                && c.get("/api/user/" + uid).json().get("is_active").asBoolean())
            || isActiveKeyUser(c, uid)) {
          activeInMap.add(uid);
        }
      }
      assertThat(listed).as("members of %d", gid).isEqualTo(activeInMap);
    }
  }

  private static boolean isActiveKeyUser(SimClient c, int uid) {
    for (JsonNode k : c.get("/api/api-key").json()) {
      for (JsonNode m :
          c.get("/api/permissions/group/" + k.get("group").get("id").asInt())
              .json()
              .get("members")) {
        if (m.get("user_id").asInt() == uid
            && m.get("email").asText().endsWith("@api-key.invalid")) {
          return true;
        }
      }
    }
    return false;
  }

  static int membershipId(SimClient c, int userId, int groupId) {
    for (JsonNode m : c.get("/api/permissions/membership").json().get(String.valueOf(userId))) {
      if (m.get("group_id").asInt() == groupId) {
        return m.get("membership_id").asInt();
      }
    }
    throw new AssertionError("no membership of " + userId + " in " + groupId);
  }
}
