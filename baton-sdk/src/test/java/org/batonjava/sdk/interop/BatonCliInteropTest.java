package org.batonjava.sdk.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import c1.connector.v2.Entitlement;
import c1.connector.v2.Grant;
import c1.connector.v2.GrantExpandable;
import c1.connector.v2.GroupTrait;
import c1.connector.v2.Resource;
import c1.connector.v2.ResourceId;
import c1.connector.v2.ResourceType;
import c1.connector.v2.UserTrait;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.Any;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.batonjava.sdk.c1z.C1zException;
import org.batonjava.sdk.c1z.C1zFormat;
import org.batonjava.sdk.c1z.C1zOptions;
import org.batonjava.sdk.c1z.C1zStore;
import org.batonjava.sdk.c1z.SyncType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official Go baton CLI reads a c1z written by this project and shows exactly what was written.
 */
class BatonCliInteropTest {
  @TempDir static Path dir;
  static Path file;
  static String syncId;
  static final BatonCli baton = BatonCli.fromBuild();

  @BeforeAll
  static void writeKnownContent() {
    file = dir.resolve("known.c1z");
    ResourceType user =
        ResourceType.newBuilder()
            .setId("user")
            .setDisplayName("User")
            .addTraits(ResourceType.Trait.TRAIT_USER)
            .build();
    ResourceType group =
        ResourceType.newBuilder()
            .setId("group")
            .setDisplayName("Group")
            .addTraits(ResourceType.Trait.TRAIT_GROUP)
            .build();
    ResourceType database =
        ResourceType.newBuilder().setId("database").setDisplayName("Database").build();
    ResourceType schema =
        ResourceType.newBuilder().setId("schema").setDisplayName("Schema").build();

    List<Resource> users = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      users.add(
          resource("user", Integer.toString(i), "User " + i).toBuilder()
              .addAnnotations(
                  Any.pack(
                      UserTrait.newBuilder()
                          .addEmails(
                              UserTrait.Email.newBuilder()
                                  .setAddress("user" + i + "@example.com")
                                  .setIsPrimary(true))
                          .setStatus(
                              UserTrait.Status.newBuilder()
                                  .setStatus(UserTrait.Status.StatusValue.STATUS_ENABLED))
                          .setLogin("user" + i + "@example.com")
                          .build()))
              .build());
    }
    Resource analysts =
        resource("group", "3", "Analysts").toBuilder()
            .addAnnotations(Any.pack(GroupTrait.getDefaultInstance()))
            .build();
    Resource admins =
        resource("group", "2", "Administrators").toBuilder()
            .addAnnotations(Any.pack(GroupTrait.getDefaultInstance()))
            .build();
    Resource sales = resource("database", "1", "Sales");
    Resource salesPublic =
        resource("schema", "1/public", "public").toBuilder()
            .setParentResourceId(sales.getId())
            .build();

    Entitlement analystMember = entitlement(analysts, "member");
    Entitlement adminMember = entitlement(admins, "member");
    Entitlement salesAccess = entitlement(sales, "access");

    List<Grant> grants = new ArrayList<>();
    grants.add(grant(analystMember, users.get(0)));
    grants.add(grant(analystMember, users.get(1)));
    grants.add(grant(analystMember, users.get(2)));
    grants.add(grant(adminMember, users.get(3)));
    grants.add(
        grant(salesAccess, analysts).toBuilder()
            .addAnnotations(
                Any.pack(
                    GrantExpandable.newBuilder().addEntitlementIds(analystMember.getId()).build()))
            .build());

    try (C1zStore store =
        C1zStore.open(file, C1zOptions.defaults().withTempDir(dir.resolve("tmp")))) {
      syncId = store.syncRuns().start(SyncType.FULL, "");
      store.writer().putResourceTypes(syncId, List.of(user, group, database, schema));
      store.writer().putResources(syncId, users);
      store.writer().putResources(syncId, List.of(analysts, admins, sales, salesPublic));
      store.writer().putEntitlements(syncId, List.of(analystMember, adminMember, salesAccess));
      store.writer().putGrants(syncId, grants);
      store
          .syncRuns()
          .checkpoint(
              syncId, "{\"current_action_id\":9,\"completed_actions_count\":9,\"version\":1}");
      store.syncRuns().markSupportsDiff(syncId);
      store.syncRuns().end(syncId, store.stats(syncId).toJson());
    }
  }

  static Resource resource(String type, String id, String name) {
    return Resource.newBuilder()
        .setId(ResourceId.newBuilder().setResourceType(type).setResource(id))
        .setDisplayName(name)
        .build();
  }

  static Entitlement entitlement(Resource r, String slug) {
    return Entitlement.newBuilder()
        .setResource(r)
        .setId(r.getId().getResourceType() + ":" + r.getId().getResource() + ":" + slug)
        .setSlug(slug)
        .setDisplayName(r.getDisplayName() + " " + slug)
        .addGrantableTo(ResourceType.newBuilder().setId("user"))
        .build();
  }

  static Grant grant(Entitlement e, Resource principal) {
    return Grant.newBuilder()
        .setEntitlement(e)
        .setPrincipal(principal)
        .setId(
            e.getId()
                + ":"
                + principal.getId().getResourceType()
                + ":"
                + principal.getId().getResource())
        .build();
  }

  private static Set<String> texts(JsonNode array, String... path) {
    Set<String> out = new TreeSet<>();
    for (JsonNode item : array) {
      JsonNode n = item;
      for (String p : path) {
        n = n.path(p);
      }
      out.add(n.asText());
    }
    return out;
  }

  @Test
  void stats() {
    String out = baton.run(file, "stats").stdout().replaceAll("\u001B\\[[0-9;]*m", "");
    assertThat(out).containsPattern("Engine\\s*\\|\\s*sqlite");
    assertThat(out).containsPattern("Sync ID\\s*\\|\\s*" + syncId);
    assertThat(out).containsPattern("Resource Types\\s*\\|\\s*4\\s");
    assertThat(out).containsPattern("Resources\\s*\\|\\s*9\\s");
    assertThat(out).containsPattern("Entitlements\\s*\\|\\s*3\\s");
    assertThat(out).containsPattern("Grants\\s*\\|\\s*5\\s");
    assertThat(out).containsPattern("group\\s*\\|\\s*2\\s*\\|\\s*2\\s*\\|\\s*4\\s");
    assertThat(out).containsPattern("user\\s*\\|\\s*5\\s*\\|\\s*0\\s*\\|\\s*0\\s");
  }

  @Test
  void syncs() {
    JsonNode syncs = baton.run(file, "syncs", "-o", "json").json().path("syncs");
    assertThat(syncs).hasSize(1);
    assertThat(syncs.get(0).path("id").asText()).isEqualTo(syncId);
    assertThat(syncs.get(0).path("syncType").asText()).isEqualTo("full");
    assertThat(syncs.get(0).path("endedAt").asText()).isNotEmpty();
  }

  @Test
  void resourceTypes() {
    JsonNode types = baton.run(file, "resource-types", "-o", "json").json().path("resourceTypes");
    assertThat(texts(types, "resourceType", "id"))
        .containsExactly("database", "group", "schema", "user");
  }

  @Test
  void resources() {
    JsonNode resources = baton.run(file, "resources", "-o", "json").json().path("resources");
    assertThat(resources).hasSize(9);
    assertThat(texts(resources, "resource", "id", "resource"))
        .containsExactlyInAnyOrder("1", "2", "3", "4", "5", "1/public");
    for (JsonNode r : resources) {
      if (r.path("resource").path("id").path("resourceType").asText().equals("schema")) {
        assertThat(r.path("parent").path("displayName").asText()).isEqualTo("Sales");
      }
    }
    JsonNode users =
        baton.run(file, "resources", "-t", "user", "-o", "json").json().path("resources");
    assertThat(texts(users, "resource", "displayName"))
        .containsExactly("User 1", "User 2", "User 3", "User 4", "User 5");
  }

  @Test
  void entitlements() {
    JsonNode ents = baton.run(file, "entitlements", "-o", "json").json().path("entitlements");
    assertThat(texts(ents, "entitlement", "id"))
        .containsExactly("database:1:access", "group:2:member", "group:3:member");
  }

  @Test
  void grants() {
    JsonNode grants = baton.run(file, "grants", "-o", "json").json().path("grants");
    assertThat(texts(grants, "grant", "id"))
        .containsExactly(
            "database:1:access:group:3",
            "group:2:member:user:4",
            "group:3:member:user:1",
            "group:3:member:user:2",
            "group:3:member:user:3");
    JsonNode forEntitlement =
        baton.run(file, "grants", "-e", "group:3:member", "-o", "json").json().path("grants");
    assertThat(texts(forEntitlement, "principal", "id", "resource")).containsExactly("1", "2", "3");
  }

  @Test
  void toPebbleReadsTheWholeFile() throws Exception {
    Path pebble = dir.resolve("converted.c1z");
    baton.run(file, "to-pebble", "--out", pebble.toString(), "--tmp-dir", dir.toString());
    assertThat(C1zFormat.detect(pebble)).isEqualTo(C1zFormat.V3_PEBBLE);
    JsonNode grants = baton.run(pebble, "grants", "-o", "json").json().path("grants");
    assertThat(texts(grants, "grant", "id")).hasSize(5).contains("database:1:access:group:3");
    // A real Pebble file is refused by this project with the conversion hint, and left as it was.
    byte[] before = Files.readAllBytes(pebble);
    assertThatThrownBy(() -> C1zStore.openReadOnly(pebble, C1zOptions.defaults()))
        .isInstanceOf(C1zException.class)
        .hasMessageContaining("v3 (Pebble)");
    assertThat(Files.readAllBytes(pebble)).isEqualTo(before);
  }
}
