package org.batonjava.metabase.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Collections, the collection graph (dense and sparse), its revision, and API-key pseudo-users per
 * version.
 */
class CollectionsContractTest {
  private static final String STALE =
      "Looks like someone else edited the permissions and your data is out of date. "
          + "Please fetch new data and try again.";

  private static List<String> keys(JsonNode listing) {
    List<String> out = new ArrayList<>();
    listing.forEach(c -> out.add(c.get("id").asText()));
    return out;
  }

  @ParameterizedTest
  @CsvSource({
    "0.49, false, 'root,4,5,6,2,1,3'",
    "0.56, false, 'root,2,5,6,1,4,3,8'",
    "newest, true, 'root,2,5,6,1,4,3,9,8'"
  })
  void listingHasRootFirstEveryPersonalCollectionForAdminsAndNoArchived(
      String version, boolean paid, String expected) {
    try (MetabaseSimulator sim = UsersContractTest.start(version, paid)) {
      JsonNode listing = SimClient.admin(sim).get("/api/collection").json();
      // sorted by name: root, Board(2), Drafts(6)..., trash last; 0.49 has no trash
      assertThat(keys(listing)).containsExactlyInAnyOrder(expected.split(","));
      assertThat(listing.get(0).get("id").asText()).isEqualTo("root");
      JsonNode archived = SimClient.admin(sim).get("/api/collection?archived=true").json();
      assertThat(keys(archived)).containsExactly("7");
      JsonNode excluded =
          SimClient.admin(sim).get("/api/collection?exclude-other-user-collections=true").json();
      assertThat(keys(excluded)).doesNotContain("5", "6");
      JsonNode board = SimClient.admin(sim).get("/api/collection/2").json();
      assertThat(board.get("location").asText()).isEqualTo("/1/");
      assertThat(SimClient.admin(sim).get("/api/collection/99").status()).isEqualTo(404);
    }
  }

  @Test
  void denseGraphBefore05613ListsNoneForEveryGroupAndCollection() {
    try (MetabaseSimulator sim = UsersContractTest.start("v0.56.12", false)) {
      JsonNode g = SimClient.admin(sim).get("/api/collection/graph").json();
      assertThat(g.get("revision").asInt()).isEqualTo(1);
      JsonNode groups = g.get("groups");
      assertThat(groups.size()).isEqualTo(7);
      // root + Finance, Board, Payroll, Marketing (personal 5, its child 6, archived 7 and the
      // trash never)
      assertThat(groups.get("7").toString())
          .isEqualTo(
              "{\"root\":\"none\",\"1\":\"none\",\"2\":\"read\",\"3\":\"none\",\"4\":\"none\"}");
      assertThat(groups.get("2").toString())
          .isEqualTo(
              "{\"root\":\"write\",\"1\":\"write\",\"2\":\"write\",\"3\":\"write\",\"4\":\"write\"}");
    }
  }

  @Test
  void legacyDenseGraphAlsoListsArchivedCollections() {
    try (MetabaseSimulator sim = UsersContractTest.start("0.49", false)) {
      JsonNode groups = SimClient.admin(sim).get("/api/collection/graph").json().get("groups");
      assertThat(groups.get("5").get("7").asText()).isEqualTo("write");
      assertThat(groups.get("6").get("7").asText()).isEqualTo("none");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"v0.56.13", "newest"})
  void sparseGraphFrom05613ListsOnlyReadAndWrite(String version) {
    try (MetabaseSimulator sim = UsersContractTest.start(version, true)) {
      JsonNode groups = SimClient.admin(sim).get("/api/collection/graph").json().get("groups");
      assertThat(groups.get("7").toString()).isEqualTo("{\"2\":\"read\"}");
      assertThat(groups.has("6")).as("Engineering has nothing").isFalse();
      // the Usage-analytics collection (8 on a paid build) is View for Administrators
      assertThat(groups.get("2").toString())
          .isEqualTo(
              "{\"root\":\"write\",\"1\":\"write\",\"2\":\"write\",\"3\":\"write\",\"4\":\"write\",\"8\":\"read\"}");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.49", "0.56", "newest"})
  void putChangesOnlyTheCellsSentChecksTheRevisionAndDropsPersonalIds(String version) {
    try (MetabaseSimulator sim = UsersContractTest.start(version, false)) {
      SimClient admin = SimClient.admin(sim);
      int rev = admin.get("/api/collection/graph").json().get("revision").asInt();
      SimClient.Resp stale =
          admin.put(
              "/api/collection/graph",
              "{\"revision\":" + (rev - 1) + ",\"groups\":{\"6\":{\"1\":\"read\"}}}");
      assertThat(stale.status()).isEqualTo(409);
      assertThat(stale.body()).isEqualTo(STALE);
      assertThat(
              admin.put("/api/collection/graph", "{\"groups\":{\"6\":{\"1\":\"read\"}}}").status())
          .as("no revision")
          .isEqualTo(409);
      SimClient.Resp ok =
          admin.put(
              "/api/collection/graph?skip_graph=true&skip-graph=true",
              "{\"revision\":" + rev + ",\"groups\":{\"6\":{\"1\":\"read\",\"5\":\"write\"}}}");
      assertThat(ok.status()).isEqualTo(200);
      JsonNode after = admin.get("/api/collection/graph").json();
      assertThat(after.get("revision").asInt()).isEqualTo(rev + 1);
      assertThat(after.get("groups").get("6").get("1").asText()).isEqualTo("read");
      assertThat(after.get("groups").get("6").has("5")).isFalse();
      assertThat(after.get("groups").get("4").get("1").asText())
          .as("others untouched")
          .isEqualTo("write");
      if (!version.equals("0.49")) {
        assertThat(ok.json().has("groups")).as("skip-graph").isFalse();
      }
      assertThat(
              admin
                  .put(
                      "/api/collection/graph",
                      "{\"revision\":" + (rev + 1) + ",\"groups\":{\"6\":{\"99\":\"read\"}}}")
                  .status())
          .isEqualTo(404);
    }
  }

  @ParameterizedTest
  @CsvSource({"0.54, 0", "0.55, 1", "newest, 1"})
  void creatingACollectionCopiesTheParentsPermissionsAndBumpsTheRevisionFrom055(
      String version, int bump) {
    try (MetabaseSimulator sim = UsersContractTest.start(version, false)) {
      SimClient admin = SimClient.admin(sim);
      int rev = admin.get("/api/collection/graph").json().get("revision").asInt();
      JsonNode created = admin.post("/api/collection", "{\"name\":\"Q3\",\"parent_id\":1}").json();
      assertThat(created.get("location").asText()).isEqualTo("/1/");
      JsonNode after = admin.get("/api/collection/graph").json();
      assertThat(after.get("revision").asInt()).isEqualTo(rev + bump);
      String id = created.get("id").asText();
      assertThat(after.get("groups").get("4").get(id).asText()).isEqualTo("write");
      assertThat(after.get("groups").get("3").get(id).asText()).isEqualTo("read");
    }
  }

  @Test
  void writeOnTheUsageAnalyticsCollectionIsRefused() {
    try (MetabaseSimulator sim = UsersContractTest.start("newest", true)) {
      SimClient admin = SimClient.admin(sim);
      int rev = admin.get("/api/collection/graph").json().get("revision").asInt();
      SimClient.Resp r =
          admin.put(
              "/api/collection/graph",
              "{\"revision\":" + rev + ",\"groups\":{\"3\":{\"8\":\"write\"}}}");
      assertThat(r.status()).isEqualTo(400);
      assertThat(r.body()).isEqualTo("Unable to make audit collections writable.");
    }
  }

  @Test
  void apiKeyPseudoUsersAreInTheMembershipMapButNotInTheUserList() {
    try (MetabaseSimulator sim = UsersContractTest.start("0.56", false)) {
      SimClient admin = SimClient.admin(sim);
      JsonNode keys = admin.get("/api/api-key").json();
      assertThat(keys(keys)).containsExactly("1", "2", "3");
      List<String> names = new ArrayList<>();
      keys.forEach(k -> names.add(k.get("name").asText()));
      assertThat(names)
          .containsExactly("Simulator admin key", "ETL pipeline", "Board report export");
      assertThat(keys.get(2).get("group").get("id").asInt()).isEqualTo(7);
      JsonNode memberships = admin.get("/api/permissions/membership").json();
      // users 1-10 are people; 11-13 the keys' pseudo-users
      assertThat(memberships.has("11")).isTrue();
      assertThat(memberships.get("13").findValuesAsText("group_id")).containsExactly("1", "7");
      JsonNode users = admin.get("/api/user?status=all").json();
      assertThat(users.get("total").asInt()).isEqualTo(10);
    }
  }
}
