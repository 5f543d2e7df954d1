package org.batonjava.metabase.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Auth, sessions, settings, health, databases, API keys and unknown routes. */
class AuthSessionAndMiscTest {

  @Test
  void missingOrWrongKeyIsPlainUnauthenticated() {
    try (MetabaseSimulator sim = UsersContractTest.start("0.56", false)) {
      for (SimClient c :
          List.of(
              SimClient.anonymous(sim),
              SimClient.apiKey(sim, "mb_wrongwrongwrong"),
              SimClient.apiKey(sim, sim.adminApiKey() + "x"),
              SimClient.session(sim, "not-a-session"))) {
        SimClient.Resp r = c.get("/api/user");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.body()).isEqualTo("Unauthenticated");
      }
      SimClient.Resp unknown = SimClient.admin(sim).get("/api/frobnicate");
      assertThat(unknown.status()).isEqualTo(404);
      assertThat(unknown.body()).isEqualTo("API endpoint does not exist.");
      assertThat(SimClient.admin(sim).send("PATCH", "/api/user/1", "{}").status()).isEqualTo(404);
      assertThat(SimClient.anonymous(sim).get("/api/health").body())
          .isEqualTo("{\"status\":\"ok\"}");
    }
  }

  @Test
  void apiKeyHeaderNameIsCaseInsensitiveAndSessionWins() throws Exception {
    try (MetabaseSimulator sim = UsersContractTest.start("0.56", false)) {
      var http = java.net.http.HttpClient.newHttpClient();
      var req =
          java.net.http.HttpRequest.newBuilder(
                  java.net.URI.create(sim.baseUrl() + "/api/user/current"))
              .header("x-API-KEY", sim.adminApiKey())
              .build();
      var resp = http.send(req, java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(resp.statusCode()).isEqualTo(200);

      SimClient anon = SimClient.anonymous(sim);
      SimClient.Resp bad =
          anon.post("/api/session", "{\"username\":\"jane.doe@example.com\",\"password\":\"x\"}");
      assertThat(bad.status()).isEqualTo(401);
      assertThat(bad.json().get("errors").has("password")).isTrue();
      assertThat(
              anon.post(
                      "/api/session",
                      "{\"username\":\"linus.torvalds@example.com\","
                          + "\"password\":\"metabase1\"}")
                  .status())
          .isEqualTo(401); // deactivated
      assertThat(anon.post("/api/session", "{}").status()).isEqualTo(400);
      String session =
          anon.post(
                  "/api/session",
                  "{\"username\":\"Jane.Doe@example.com\"," + "\"password\":\"metabase1\"}")
              .json()
              .get("id")
              .asText();
      SimClient jane = SimClient.session(sim, session);
      JsonNode me = jane.get("/api/user/current").json();
      assertThat(me.get("id").asInt()).isEqualTo(4);
      assertThat(me.get("last_login").isNull()).isFalse();
      assertThat(jane.get("/api/user").status()).isEqualTo(403); // not an admin
      // deactivating the user kills the session at once
      SimClient.admin(sim).delete("/api/user/4");
      assertThat(jane.get("/api/user/current").status()).isEqualTo(401);
    }
  }

  @ParameterizedTest
  @CsvSource({
    "0.49,false,v0.49.13",
    "0.56,true,v1.56.10",
    "newest,false,v0.61.2",
    "v0.56.3,false,v0.56.3"
  })
  void versionTagsAndFeatures(String version, boolean paid, String tag) {
    try (MetabaseSimulator sim = UsersContractTest.start(version, paid)) {
      JsonNode props = SimClient.anonymous(sim).get("/api/session/properties").json();
      assertThat(props.get("version").get("tag").asText()).isEqualTo(tag);
      assertThat(props.get("token-features").get("advanced_permissions").asBoolean())
          .isEqualTo(paid);
      assertThat(SimClient.admin(sim).get("/api/setting/version").json().get("tag").asText())
          .isEqualTo(tag);
      assertThat(SimClient.anonymous(sim).get("/api/setting/version").status()).isEqualTo(401);
      assertThat(sim.versionTag()).isEqualTo(tag);
    }
  }

  @Test
  void databasesListAndVisibility() {
    try (MetabaseSimulator sim = UsersContractTest.start("0.56", false)) {
      SimClient admin = SimClient.admin(sim);
      JsonNode list = admin.get("/api/database").json();
      assertThat(list.get("total").asInt()).isEqualTo(4);
      assertThat(list.get("data").findValuesAsText("name"))
          .containsExactly(
              "Finance Warehouse", "Marketing Analytics", "Product Events", "Sample Database");
      assertThat(admin.get("/api/database?include_analytics=true").json().get("total").asInt())
          .isEqualTo(5);
      JsonNode db = admin.get("/api/database/2").json();
      assertThat(db.get("engine").asText()).isEqualTo("postgres");
      assertThat(db.get("created_at").asText()).isEqualTo("2024-01-15T09:00:00Z");
      assertThat(admin.get("/api/database/99").body()).isEqualTo("Not found.");
      // a Finance key sees only what Finance or All Users can query
      String key =
          admin
              .post("/api/api-key", "{\"name\":\"Fin\",\"group_id\":4}")
              .json()
              .get("unmasked_key")
              .asText();
      SimClient fin = SimClient.apiKey(sim, key);
      assertThat(fin.get("/api/database").json().get("data").findValuesAsText("id"))
          .containsExactly("2", "1");
      assertThat(fin.get("/api/database/3").status()).isEqualTo(403);
    }
  }

  @Test
  void apiKeyLifecycle() {
    try (MetabaseSimulator sim = UsersContractTest.start("0.49", false)) {
      SimClient c = SimClient.admin(sim);
      JsonNode created = c.post("/api/api-key", "{\"name\":\"ETL key\",\"group_id\":4}").json();
      String key = created.get("unmasked_key").asText();
      assertThat(key).startsWith("mb_").hasSize(47);
      assertThat(created.get("masked_key").asText())
          .isEqualTo(key.substring(0, 7) + "*".repeat(40));
      assertThat(created.get("group").get("name").asText()).isEqualTo("Finance");
      assertThat(created.get("updated_by").get("common_name").asText())
          .isEqualTo("Simulator admin key");
      assertThat(c.get("/api/api-key/count").body())
          .isEqualTo("4"); // the admin key, the demo's two, this one
      assertThat(c.get("/api/api-key").json().get(1).has("unmasked_key")).isFalse();
      SimClient.Resp dup = c.post("/api/api-key", "{\"name\":\"ETL key\",\"group_id\":3}");
      assertThat(dup.body())
          .isEqualTo("{\"errors\":{\"name\":\"An API key with this name already exists.\"}}");
      assertThat(c.post("/api/api-key", "{\"name\":\"x\"}").status()).isEqualTo(400);
      // the pseudo-user is a Finance member, counted, but never listed as a user
      assertThat(c.get("/api/permissions/group/4").json().get("members").findValuesAsText("email"))
          .anyMatch(e -> e.endsWith("@api-key.invalid"));
      assertThat(c.get("/api/user?status=all").json().get("total").asInt()).isEqualTo(10);
      int id = created.get("id").asInt();
      JsonNode moved = c.put("/api/api-key/" + id, "{\"name\":\"Loader\",\"group_id\":3}").json();
      assertThat(moved.get("group").get("id").asInt()).isEqualTo(3);
      String regenerated =
          c.put("/api/api-key/" + id + "/regenerate", null).json().get("unmasked_key").asText();
      assertThat(regenerated).isNotEqualTo(key);
      assertThat(SimClient.apiKey(sim, key).get("/api/user/current").status()).isEqualTo(401);
      assertThat(
              SimClient.apiKey(sim, regenerated)
                  .get("/api/user/current")
                  .json()
                  .get("first_name")
                  .asText())
          .isEqualTo("Loader");
      assertThat(c.delete("/api/api-key/" + id).status()).isEqualTo(204);
      assertThat(SimClient.apiKey(sim, regenerated).get("/api/user/current").status())
          .isEqualTo(401);
      assertThat(c.delete("/api/api-key/" + id).status()).isEqualTo(404);
    }
  }
}
