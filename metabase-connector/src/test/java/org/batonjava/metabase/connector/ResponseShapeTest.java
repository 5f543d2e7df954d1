package org.batonjava.metabase.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.grpc.Status;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.batonjava.sdk.c1z.C1zOptions;
import org.batonjava.sdk.c1z.C1zStore;
import org.batonjava.sdk.c1z.SyncRun;
import org.batonjava.sdk.connector.ConnectorException;
import org.batonjava.sdk.crypto.Secret;
import org.batonjava.sdk.sync.SyncEngine;
import org.batonjava.sdk.sync.SyncOptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Wrong-shaped answers (a list that is an object, null or missing; items without ids; wrong-typed
 * values) from each endpoint a sync relies on. None may produce a "successful" partial sync: the
 * sync fails with one line that names the endpoint and what was wrong, no Java type name, and the
 * previous good sync stays the latest in the file.
 */
class ResponseShapeTest {
  @TempDir Path dir;

  private static final Map<String, String> GOOD =
      Map.of(
          "/api/session/properties", "{\"version\":{\"tag\":\"v0.56.3\"}}",
          "/api/user/current", "{\"id\":99,\"first_name\":\"Key\",\"is_superuser\":true}",
          "/api/user",
              """
          {"data":[{"id":12,"email":"ana@example.com","first_name":"Ana","last_name":"Diaz","is_active":true}],
           "total":1,"limit":50,"offset":0}""",
          "/api/permissions/group",
              """
          [{"id":1,"name":"All Users","member_count":1},{"id":2,"name":"Administrators","member_count":0},
           {"id":3,"name":"Ops","member_count":1}]""",
          "/api/permissions/membership",
              """
          {"12":[{"membership_id":5,"group_id":1,"user_id":12,"is_group_manager":false},
                 {"membership_id":6,"group_id":3,"user_id":12,"is_group_manager":false}]}""",
          "/api/database",
              "{\"data\":[{\"id\":7,\"name\":\"Warehouse\",\"engine\":\"postgres\"}],\"total\":1}",
          "/api/permissions/graph",
              """
          {"revision":3,"groups":{"2":{"7":{"view-data":"unrestricted","create-queries":"query-builder-and-native"}},
            "3":{"7":{"view-data":"unrestricted","create-queries":"query-builder"}}}}""");

  @ParameterizedTest(name = "{0} answering {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "/api/permissions/group|{\"data\":{\"id\":1}}|GET /api/permissions/group: `data` is an object where the list"
            + " of groups is required",
        "/api/permissions/group|{\"groups\":[]}|GET /api/permissions/group: `data` is missing where the list of groups"
            + " is required",
        "/api/permissions/group|{\"data\":null}|`data` is null where the list of groups is required",
        "/api/permissions/group|\"groups\"|the answer is a string where the list of groups is required",
        "/api/permissions/group|[{\"name\":\"Ops\"}]|`id` of the list of groups (item 0) is missing where a whole number"
            + " is required",
        "/api/permissions/group|[1,2]|item 0 of the list of groups is a number, not an object",
        "/api/user|{\"data\":null,\"total\":null}|GET /api/user?limit=100&status=all: `data` is null where the list of"
            + " users is required",
        "/api/user|{\"data\":[],\"total\":null}|`total` is null where the number of users is required",
        "/api/user|{\"total\":3}|`data` is missing where the list of users is required",
        "/api/user|[]|the answer is a list where a page of users is required",
        "/api/user|{\"data\":[{\"id\":12,\"is_active\":[true]}],\"total\":1}|a value has the wrong type at"
            + " data[0].is_active",
        "/api/permissions/membership|[]|GET /api/permissions/membership: the answer is not an object of memberships by"
            + " user",
        "/api/permissions/membership|{\"12\":null}|the memberships of user 12 are null where a list is required",
        "/api/permissions/membership|{\"12\":{\"group_id\":3}}|the memberships of user 12 are an object where a list is"
            + " required",
        "/api/permissions/membership|{\"12\":[1]}|a membership of user 12 is a number, not an object",
        "/api/database|{\"data\":null,\"total\":0}|GET /api/database: `data` is null where the list of databases is"
            + " required",
        "/api/permissions/graph|{\"revision\":3}|GET /api/permissions/graph: `groups` is missing where the permissions"
            + " by group are required",
        "/api/permissions/graph|{\"revision\":3,\"groups\":[]}|`groups` is a list where the permissions by group are"
            + " required",
        "/api/permissions/graph|{\"revision\":3,\"groups\":{\"3\":[]}}|the permissions of group 3 are a list where an"
            + " object is required",
        "/api/user/current|null|GET /api/user/current: the answer is null where a user is required"
      })
  void aWrongShapeFailsTheSyncNamingTheEndpoint(String path, String body, String expected) {
    Map<String, String> answers = new ConcurrentHashMap<>(GOOD);
    try (FakeServer metabase =
        new FakeServer(
            r ->
                answers.containsKey(r.path())
                    ? FakeServer.Reply.of(200, "application/json", answers.get(r.path()))
                    : FakeServer.Reply.of(404, "text/plain", "API endpoint does not exist."))) {
      MetabaseConnector connector =
          MetabaseConnectors.create(
              ConnectorConfig.of(
                      MetabaseVariant.AUTO,
                      metabase.baseUrl(),
                      Secret.of("mb_ShapeTestKey0000"),
                      false)
                  .withExtendedAccess(false));
      Path file = dir.resolve("sync.c1z");
      C1zOptions store = C1zOptions.defaults().withTempDir(dir);
      String good =
          new SyncEngine(connector, SyncOptions.defaults(file).withStore(store)).run().syncId();

      answers.put(path, body);
      ConnectorException e =
          catchThrowableOfType(
              ConnectorException.class,
              () -> new SyncEngine(connector, SyncOptions.defaults(file).withStore(store)).run());
      assertThat(e).as("the sync must fail").isNotNull();
      assertThat(e.code()).isNotEqualTo(Status.Code.OK);
      assertThat(e.transientFailure()).as("retrying cannot fix a wrong shape").isFalse();
      assertThat(e.getMessage())
          .contains(expected)
          .startsWith("could not read Metabase's answer to ")
          .doesNotContain("\n")
          .doesNotContain("java")
          .doesNotContain("org.batonjava")
          .doesNotContain("`java")
          .doesNotContainPattern("[a-z]+\\.[a-z]+\\.[A-Z]");
      try (C1zStore read = C1zStore.openReadOnly(file, store)) {
        assertThat(read.syncRuns().latestFinished().map(SyncRun::id))
            .as("the previous good sync stays the latest")
            .contains(good);
      }
    }
  }
}
