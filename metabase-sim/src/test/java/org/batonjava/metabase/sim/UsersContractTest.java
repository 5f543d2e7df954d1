package org.batonjava.metabase.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.batonjava.metabase.sim.data.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** GET/POST/PUT/DELETE /api/user and reactivate over real HTTP, per version. */
class UsersContractTest {

  static MetabaseSimulator start(String version, boolean paid) {
    return MetabaseSimulator.builder()
        .version(version)
        .paid(paid)
        .dataset(Dataset.demo())
        .port(0)
        .start();
  }

  static List<Integer> ids(JsonNode data) {
    List<Integer> ids = new ArrayList<>();
    data.forEach(u -> ids.add(u.get("id").asInt()));
    return ids;
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.49", "0.56", "newest"})
  void listWithoutPagingReturnsAllActivePersonalUsersWithNullEchoes(String version) {
    try (MetabaseSimulator sim = start(version, false)) {
      SimClient.Resp r = SimClient.admin(sim).get("/api/user");
      assertThat(r.status()).isEqualTo(200);
      JsonNode body = r.json();
      assertThat(body.get("total").asInt()).isEqualTo(9);
      assertThat(body.get("limit").isNull()).isTrue();
      assertThat(body.get("offset").isNull()).isTrue();
      // sorted by lower(first_name), lower(last_name); deactivated Linus (8) and the API-key user
      // absent
      assertThat(ids(body.get("data"))).containsExactly(1, 3, 9, 2, 4, 5, 7, 6, 10);
      JsonNode ada = body.get("data").get(0);
      assertThat(ada.get("email").asText()).isEqualTo("ada.admin@example.com");
      assertThat(ada.get("is_superuser").asBoolean()).isTrue();
      assertThat(ada.get("common_name").asText()).isEqualTo("Ada Admin");
      assertThat(ada.get("group_ids")).hasSize(2);
      assertThat(ada.has("personal_collection_id")).isTrue();
      assertThat(ada.has("tenant_id")).isEqualTo(!version.equals("0.49"));
      assertThat(ada.has("is_data_analyst")).isEqualTo(version.equals("newest"));
    }
  }

  @Test
  void statusAndIncludeDeactivatedFilters() {
    try (MetabaseSimulator sim = start("0.56", false)) {
      SimClient c = SimClient.admin(sim);
      assertThat(c.get("/api/user?status=all").json().get("total").asInt()).isEqualTo(10);
      assertThat(ids(c.get("/api/user?status=deactivated").json().get("data"))).containsExactly(8);
      assertThat(c.get("/api/user?status=bogus").json().get("total").asInt()).isEqualTo(9);
      // include_deactivated=true overrides status (code checks it first)
      assertThat(
              c.get("/api/user?include_deactivated=true&status=active").json().get("total").asInt())
          .isEqualTo(10);
      assertThat(
              c.get("/api/user?include_deactivated=false&status=all").json().get("total").asInt())
          .isEqualTo(10);
    }
  }

  @Test
  void pagingEdgeCases() {
    try (MetabaseSimulator sim = start("0.49", false)) {
      SimClient c = SimClient.admin(sim);
      JsonNode page = c.get("/api/user?limit=2&offset=1").json();
      assertThat(ids(page.get("data"))).containsExactly(3, 9);
      assertThat(page.get("total").asInt()).isEqualTo(9);
      assertThat(page.get("limit").asInt()).isEqualTo(2);
      assertThat(page.get("offset").asInt()).isEqualTo(1);

      JsonNode offsetOnly = c.get("/api/user?offset=5").json();
      assertThat(offsetOnly.get("limit").asInt()).isEqualTo(50);
      assertThat(offsetOnly.get("data")).hasSize(4);

      JsonNode pageOnly = c.get("/api/user?page=3").json();
      assertThat(pageOnly.get("limit").asInt()).isEqualTo(50);
      assertThat(pageOnly.get("offset").asInt()).isZero();

      JsonNode zero = c.get("/api/user?limit=0").json();
      assertThat(zero.get("data")).isEmpty();
      assertThat(zero.get("total").asInt()).isEqualTo(9);

      JsonNode beyond = c.get("/api/user?limit=10&offset=100&status=all").json();
      assertThat(beyond.get("data")).isEmpty();
      assertThat(beyond.get("total").asInt()).isEqualTo(10);

      SimClient.Resp bad = c.get("/api/user?limit=abc");
      assertThat(bad.status()).isEqualTo(400);
      assertThat(bad.json().get("message").asText())
          .isEqualTo("Error parsing paging parameters: For input string: \"abc\"");
      assertThat(c.get("/api/user?offset=-1").status()).isEqualTo(400);
    }
  }

  @Test
  void queryAndGroupFilters() {
    try (MetabaseSimulator sim = start("0.56", false)) {
      SimClient c = SimClient.admin(sim);
      assertThat(ids(c.get("/api/user?query=DOE").json().get("data"))).containsExactly(4);
      assertThat(ids(c.get("/api/user?query=hopper%40").json().get("data"))).containsExactly(2);
      assertThat(ids(c.get("/api/user?group_id=3").json().get("data"))).containsExactly(3, 4, 10);
      assertThat(ids(c.get("/api/user?group_id=3&status=all").json().get("data")))
          .containsExactly(3, 4, 8, 10);
      JsonNode paged = c.get("/api/user?group_id=3&limit=1&offset=1").json();
      assertThat(ids(paged.get("data"))).containsExactly(4);
      assertThat(paged.get("total").asInt()).isEqualTo(3);
      SimClient.Resp bad = c.get("/api/user?group_id=abc");
      assertThat(bad.status()).isEqualTo(400);
      assertThat(bad.json().get("errors").get("group_id").asText())
          .contains("integer greater than zero");
      assertThat(bad.json().has("specific-errors")).isTrue();
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void createUserValidatesAndJoinsAllUsers(boolean paid) {
    try (MetabaseSimulator sim = start("0.56", paid)) {
      SimClient c = SimClient.admin(sim);
      SimClient.Resp r =
          c.post(
              "/api/user",
              "{\"email\":\"New.Person@Example.com\",\"first_name\":\"New\","
                  + "\"last_name\":\"Person\",\"is_active\":false,\"password\":\"s3cret-pass\","
                  + "\"user_group_memberships\":[{\"id\":4}],\"login_attributes\":{\"team\":\"finance\"}}");
      assertThat(r.status()).isEqualTo(200);
      JsonNode u = r.json();
      assertThat(u.get("email").asText()).isEqualTo("new.person@example.com");
      assertThat(u.get("is_active").asBoolean()).isTrue();
      assertThat(u.get("is_superuser").asBoolean()).isFalse();
      assertThat(u.get("login_attributes").get("team").asText()).isEqualTo("finance");
      JsonNode ms = u.get("user_group_memberships");
      assertThat(ms).hasSize(2);
      assertThat(ms.get(0).get("id").asInt()).isEqualTo(1);
      assertThat(ms.get(1).get("id").asInt()).isEqualTo(4);
      assertThat(ms.get(0).has("is_group_manager")).isEqualTo(paid);
      assertThat(c.get("/api/user").json().get("total").asInt()).isEqualTo(10);

      // the given password works for a session login
      SimClient.Resp login =
          SimClient.anonymous(sim)
              .post(
                  "/api/session",
                  "{\"username\":\"new.person@example.com\",\"password\":\"s3cret-pass\"}");
      assertThat(login.status()).isEqualTo(200);
      assertThat(login.json().get("id").asText()).isNotBlank();

      // duplicate, case-insensitive, also against a deactivated user's address
      for (String email : List.of("NEW.PERSON@example.com", "linus.torvalds@example.com")) {
        SimClient.Resp dup = c.post("/api/user", "{\"email\":\"" + email + "\"}");
        assertThat(dup.status()).isEqualTo(400);
        assertThat(dup.body())
            .isEqualTo("{\"errors\":{\"email\":\"Email address already in use.\"}}");
      }
      SimClient.Resp invalid = c.post("/api/user", "{\"email\":\"nope\"}");
      assertThat(invalid.status()).isEqualTo(400);
      assertThat(invalid.json().get("errors").get("email").asText())
          .isEqualTo("value must be a valid email address.");
      assertThat(invalid.json().get("specific-errors").get("email").get(0).asText())
          .endsWith("received: \"nope\"");
      assertThat(c.post("/api/user", "{}").status()).isEqualTo(400);
      SimClient.Resp blank =
          c.post("/api/user", "{\"email\":\"x@example.com\",\"first_name\":\"  \"}");
      assertThat(blank.status()).isEqualTo(400);
      assertThat(blank.json().get("errors").has("first_name")).isTrue();

      JsonNode admin =
          c.post(
                  "/api/user",
                  "{\"email\":\"boss@example.com\","
                      + "\"user_group_memberships\":[{\"id\":1},{\"id\":2}]}")
              .json();
      assertThat(admin.get("is_superuser").asBoolean()).isTrue();
      assertThat(admin.get("first_name").isNull()).isTrue();
      assertThat(admin.get("common_name").asText()).isEqualTo("boss@example.com");
    }
  }

  @Test
  void updateReplacesMembershipsAndKeepsSuperuserConsistent() {
    try (MetabaseSimulator sim = start("0.56", false)) {
      SimClient c = SimClient.admin(sim);
      JsonNode u =
          c.put("/api/user/5", "{\"user_group_memberships\":[{\"id\":1},{\"id\":5},{\"id\":6}]}")
              .json();
      assertThat(u.get("user_group_memberships").findValuesAsText("id"))
          .containsExactly("1", "5", "6");

      SimClient.Resp noAllUsers = c.put("/api/user/5", "{\"user_group_memberships\":[{\"id\":5}]}");
      assertThat(noAllUsers.status()).isEqualTo(400);
      assertThat(noAllUsers.body())
          .isEqualTo("You cannot add or remove users to/from the 'All Users' group.");

      SimClient.Resp mismatch =
          c.put("/api/user/5", "{\"is_superuser\":true,\"user_group_memberships\":[{\"id\":1}]}");
      assertThat(mismatch.status()).isEqualTo(400);
      assertThat(mismatch.json().get("errors").get("is_superuser").asText())
          .startsWith("Value of is_superuser must correspond");

      assertThat(
              c.put("/api/user/5", "{\"is_superuser\":true}")
                  .json()
                  .get("is_superuser")
                  .asBoolean())
          .isTrue();
      assertThat(
              c.get("/api/permissions/group/2").json().get("members").findValuesAsText("user_id"))
          .contains("5");
      JsonNode demoted = c.put("/api/user/5", "{\"is_superuser\":false}").json();
      assertThat(demoted.get("is_superuser").asBoolean()).isFalse();
      assertThat(demoted.get("user_group_memberships").findValuesAsText("id"))
          .containsExactly("1", "5", "6");

      SimClient.Resp conflict = c.put("/api/user/5", "{\"email\":\"JANE.DOE@example.com\"}");
      assertThat(conflict.status()).isEqualTo(400);
      assertThat(conflict.json().get("errors").get("email").asText())
          .isEqualTo("Email address already associated to another user.");

      JsonNode renamed = c.put("/api/user/5", "{\"first_name\":\"Johnny\"}").json();
      assertThat(renamed.get("first_name").asText()).isEqualTo("Johnny");
      assertThat(renamed.get("last_name").asText()).isEqualTo("Smith");

      SimClient.Resp inactive = c.put("/api/user/8", "{\"first_name\":\"L\"}");
      assertThat(inactive.status()).isEqualTo(404);
      assertThat(inactive.body()).isEqualTo("Not found.");
      assertThat(c.put("/api/user/999", "{}").status()).isEqualTo(404);
    }
  }

  @Test
  void lastActiveAdministratorIsProtected() {
    try (MetabaseSimulator sim = start("0.56", false)) {
      String session =
          SimClient.anonymous(sim)
              .post(
                  "/api/session",
                  "{\"username\":\"ada.admin@example.com\",\"password\":\"metabase1\"}")
              .json()
              .get("id")
              .asText();
      SimClient ada = SimClient.session(sim, session);
      // remove the simulator's own admin key and the demo's ETL key so Ada and Grace are the only
      // administrators
      assertThat(ada.delete("/api/api-key/1").status()).isEqualTo(204);
      assertThat(ada.delete("/api/api-key/2").status()).isEqualTo(204);
      assertThat(SimClient.admin(sim).get("/api/user").status()).isEqualTo(401);
      assertThat(ada.delete("/api/user/2").json().get("success").asBoolean()).isTrue();
      SimClient.Resp last = ada.delete("/api/user/1");
      assertThat(last.status()).isEqualTo(400);
      assertThat(last.body()).isEqualTo("You cannot remove the last member of the 'Admin' group!");
      SimClient.Resp demote = ada.put("/api/user/1", "{\"is_superuser\":false}");
      assertThat(demote.status()).isEqualTo(400);
      assertThat(demote.body())
          .isEqualTo("You cannot remove the last member of the 'Admin' group!");
      int adminMembership =
          ada.get("/api/permissions/membership")
              .json()
              .get("1")
              .get(1)
              .get("membership_id")
              .asInt();
      assertThat(ada.delete("/api/permissions/membership/" + adminMembership).status())
          .isEqualTo(400);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.49", "0.56", "newest"})
  void deactivationRulesPerVersion(String version) {
    try (MetabaseSimulator sim = start(version, false)) {
      SimClient c = SimClient.admin(sim);
      int allUsersBefore =
          c.get("/api/permissions/group").json().get(1).get("member_count").asInt();
      SimClient.Resp first = c.delete("/api/user/5");
      assertThat(first.status()).isEqualTo(200);
      assertThat(first.body()).isEqualTo("{\"success\":true}");
      assertThat(c.get("/api/permissions/group").json().get(1).get("member_count").asInt())
          .isEqualTo(allUsersBefore - 1);
      // memberships are retained (visible in the membership map) but not in the group's members
      assertThat(c.get("/api/permissions/membership").json().get("5")).hasSize(2);
      assertThat(
              c.get("/api/permissions/group/4").json().get("members").findValuesAsText("user_id"))
          .doesNotContain("5");

      SimClient.Resp get = c.get("/api/user/5");
      SimClient.Resp repeat = c.delete("/api/user/5");
      SimClient.Resp unknown = c.delete("/api/user/9999");
      SimClient.Resp apiKeyUser = c.delete("/api/user/11");
      switch (version) {
        case "0.49" -> {
          assertThat(get.status()).isEqualTo(404);
          assertThat(get.body()).isEqualTo("Not found.");
        }
        default -> {
          assertThat(get.status()).isEqualTo(200);
          assertThat(get.json().get("is_active").asBoolean()).isFalse();
        }
      }
      if (version.equals("newest")) {
        assertThat(repeat.status()).isEqualTo(200);
        assertThat(repeat.json().get("success").asBoolean()).isTrue();
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(apiKeyUser.status()).isEqualTo(404);
      } else {
        assertThat(repeat.status()).isEqualTo(500);
        assertThat(repeat.body()).isEqualTo("Internal server error.");
        assertThat(unknown.status()).isEqualTo(500);
        assertThat(apiKeyUser.status()).isEqualTo(500);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.49", "0.56", "newest"})
  void reactivateRestoresMembershipsExceptAdministrators(String version) {
    try (MetabaseSimulator sim = start(version, false)) {
      SimClient c = SimClient.admin(sim);
      SimClient.Resp active = c.put("/api/user/3/reactivate", null);
      assertThat(active.status()).isEqualTo(400);
      assertThat(active.body())
          .isEqualTo("{\"message\":\"Not able to reactivate an active user\"}");

      assertThat(c.delete("/api/user/2").status()).isEqualTo(200);
      SimClient.Resp back = c.put("/api/user/2/reactivate", null);
      assertThat(back.status()).isEqualTo(200);
      assertThat(back.json().get("is_active").asBoolean()).isTrue();
      assertThat(back.json().get("is_superuser").asBoolean()).isFalse();
      assertThat(back.json().has("user_group_memberships")).isFalse();
      assertThat(c.get("/api/user/2").json().get("user_group_memberships").findValuesAsText("id"))
          .containsExactly("1", "6");
      assertThat(c.put("/api/user/9999/reactivate", null).status()).isEqualTo(404);
      assertThat(c.put("/api/user/11/reactivate", null).status()).isEqualTo(404);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.49", "0.56", "newest"})
  void getOneAndApiKeyPseudoUsers(String version) {
    try (MetabaseSimulator sim = start(version, true)) {
      SimClient c = SimClient.admin(sim);
      JsonNode jane = c.get("/api/user/4").json();
      assertThat(jane.get("email").asText()).isEqualTo("jane.doe@example.com");
      assertThat(jane.get("user_group_memberships").toString())
          .isEqualTo(
              "[{\"id\":1,\"is_group_manager\":false},{\"id\":3,\"is_group_manager\":false},"
                  + "{\"id\":4,\"is_group_manager\":true}]");
      SimClient.Resp key = c.get("/api/user/11");
      if (version.equals("newest")) {
        assertThat(key.status()).isEqualTo(404);
      } else {
        assertThat(key.status()).isEqualTo(200);
        assertThat(key.json().get("email").asText()).endsWith("@api-key.invalid");
        assertThat(key.json().get("is_superuser").asBoolean()).isTrue();
      }
      JsonNode current = c.get("/api/user/current").json();
      assertThat(current.get("id").asInt()).isEqualTo(11);
      assertThat(current.get("last_name").asText()).isEmpty();
      assertThat(c.get("/api/user/abc").status()).isEqualTo(400);
    }
  }

  @Test
  void nonAdminKeyIsForbiddenOnAdminEndpointsButMaySeeItself() {
    try (MetabaseSimulator sim = start("0.56", false)) {
      SimClient c = SimClient.admin(sim);
      JsonNode created = c.post("/api/api-key", "{\"name\":\"Reader\",\"group_id\":3}").json();
      SimClient reader = SimClient.apiKey(sim, created.get("unmasked_key").asText());
      for (String path :
          List.of(
              "/api/user",
              "/api/permissions/group",
              "/api/permissions/membership",
              "/api/permissions/graph",
              "/api/api-key",
              "/api/user/4")) {
        SimClient.Resp r = reader.get(path);
        assertThat(r.status()).as(path).isEqualTo(403);
        assertThat(r.body()).isEqualTo("You don't have permissions to do that.");
      }
      SimClient.Resp create = reader.post("/api/user", "{\"email\":\"x@example.com\"}");
      assertThat(create.status()).isEqualTo(403);
      int self = reader.get("/api/user/current").json().get("id").asInt();
      assertThat(reader.get("/api/user/" + self).status()).isEqualTo(200);
      assertThat(
              reader
                  .put("/api/user/" + self, "{\"user_group_memberships\":[{\"id\":1},{\"id\":2}]}")
                  .status())
          .isEqualTo(403);
    }
  }
}
