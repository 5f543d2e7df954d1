package org.batonjava.metabase.connector;

import static org.assertj.core.api.Assertions.assertThat;

import c1.connector.v2.GroupTrait;
import c1.connector.v2.UserTrait;
import java.nio.file.Path;
import java.util.Map;
import org.batonjava.sdk.connector.Annotations;
import org.batonjava.sdk.crypto.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Metabase answers shaped the way real instances (and other versions) send them: ids as strings,
 * nulls, unknown fields, granular and null permission entries, non-numeric keys. The sync reads
 * them without failing.
 */
class TolerantParsingTest {
  @TempDir Path dir;

  private static final Map<String, String> ANSWERS =
      Map.of(
          "/api/session/properties",
              "{\"version\":{\"tag\":\"v0.57.3\",\"future\":1},\"token-features\":{}}",
          "/api/user/current",
              "{\"id\":\"99\",\"first_name\":\"Key\",\"last_name\":\"\",\"is_superuser\":true}",
          "/api/user",
              """
          {"data":[
            {"id":"12","email":"ana@example.com","first_name":"Ana","last_name":null,"is_active":true,
             "last_login":"2024-05-14T09:12:33.123456Z","new_field":{"x":[1,2]}},
            {"id":13,"email":"nobody@example.com","first_name":null,"last_name":null,"is_active":false,"last_login":null},
            {"id":14,"email":null,"first_name":null,"last_name":null,"common_name":null,"last_login":"not a date"},
            {"id":15,"email":"tz@example.com","first_name":"Tom","last_name":"Zone","is_active":"true",
             "last_login":"2024-05-14T11:12:33+02:00"}],
           "total":"4","limit":null,"offset":null}""",
          "/api/permissions/group",
              """
          [{"id":"1","name":"All Users","member_count":null,"magic_group_type":"all-internal-users"},
           {"id":2,"name":"Administrators","member_count":1},
           {"id":3,"name":"Ops","member_count":"2","is_tenant_group":false}]""",
          "/api/permissions/membership",
              """
          {"12":[{"membership_id":"5","group_id":"1","user_id":"12","is_group_manager":null},
                 {"membership_id":6,"group_id":3,"user_id":12}],
           "not-a-user":[{"group_id":1}]}""",
          "/api/database",
              "{\"data\":[{\"id\":\"7\",\"name\":\"Warehouse\",\"engine\":\"snowflake\",\"created_at\":\"2024-01-01T00:00:00Z\"}],\"total\":1}",
          "/api/permissions/graph",
              """
          {"revision":3,"groups":{
            "1":{"7":{"view-data":"unrestricted","create-queries":"query-builder","transforms":"yes"}},
            "2":{"7":{"view-data":"unrestricted","create-queries":"query-builder-and-native"}},
            "3":{"7":{"view-data":{"PUBLIC":{"31":"sandboxed"}},"create-queries":{"PUBLIC":{"31":"query-builder"}}},
                 "8":null},
            "x":{"7":{"create-queries":"query-builder"}}},
           "sandboxes":[]}""");

  @Test
  void syncReadsLooseShapes() {
    try (FakeServer metabase =
        new FakeServer(
            r ->
                ANSWERS.containsKey(r.path())
                    ? FakeServer.Reply.of(
                        200, "application/json;charset=utf-8", ANSWERS.get(r.path()))
                    : FakeServer.Reply.of(404, "text/plain", "API endpoint does not exist."))) {
      MetabaseConnector connector =
          MetabaseConnectors.create(
              ConnectorConfig.of(MetabaseVariant.AUTO, metabase.baseUrl(), Secret.of("mb_k"), false)
                  .withExtendedAccess(false));
      SyncedFile synced = SyncedFile.connectorOutput(connector, dir);

      assertThat(synced.resourceIds())
          .containsExactly(
              "database:7",
              "group:1",
              "group:2",
              "group:3",
              "user:12",
              "user:13",
              "user:14",
              "user:15");
      assertThat(synced.resources.get("user:12").getDisplayName()).isEqualTo("Ana");
      assertThat(synced.resources.get("user:13").getDisplayName()).isEqualTo("nobody@example.com");
      assertThat(synced.resources.get("user:14").getDisplayName()).isEqualTo("User 14");
      assertThat(synced.resources.get("user:15").getDisplayName()).isEqualTo("Tom Zone");

      UserTrait ana =
          Annotations.find(synced.resources.get("user:12").getAnnotationsList(), UserTrait.class)
              .orElseThrow();
      assertThat(ana.getProfile().getFieldsOrThrow("last_name").getStringValue()).isEmpty();
      assertThat(ana.getLastLogin().getSeconds()).isPositive();
      assertThat(ana.getLastLogin().getNanos()).isEqualTo(123456000);
      UserTrait nameless =
          Annotations.find(synced.resources.get("user:14").getAnnotationsList(), UserTrait.class)
              .orElseThrow();
      assertThat(nameless.getEmailsList()).isEmpty();
      assertThat(nameless.getLogin()).isEmpty();
      assertThat(nameless.hasLastLogin()).isFalse();
      assertThat(nameless.getStatus().getStatus())
          .isEqualTo(UserTrait.Status.StatusValue.STATUS_DISABLED);
      UserTrait tom =
          Annotations.find(synced.resources.get("user:15").getAnnotationsList(), UserTrait.class)
              .orElseThrow();
      assertThat(tom.getLastLogin().getSeconds())
          .isEqualTo(java.time.Instant.parse("2024-05-14T09:12:33Z").getEpochSecond());
      assertThat(tom.getStatus().getStatus())
          .isEqualTo(UserTrait.Status.StatusValue.STATUS_ENABLED);

      GroupTrait ops =
          Annotations.find(synced.resources.get("group:3").getAnnotationsList(), GroupTrait.class)
              .orElseThrow();
      assertThat(ops.getProfile().getFieldsOrThrow("member_count").getNumberValue()).isEqualTo(2.0);
      GroupTrait all =
          Annotations.find(synced.resources.get("group:1").getAnnotationsList(), GroupTrait.class)
              .orElseThrow();
      assertThat(all.getProfile().getFieldsOrThrow("member_count").getNumberValue()).isZero();

      assertThat(synced.grantIds())
          .containsExactly(
              "database:7:query-builder-and-native:group:2",
              "database:7:query-builder:group:1",
              "group:1:member:user:12",
              "group:3:member:user:12");
    }
  }
}
