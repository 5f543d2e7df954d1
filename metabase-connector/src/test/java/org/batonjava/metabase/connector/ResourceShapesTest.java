package org.batonjava.metabase.connector;

import static org.assertj.core.api.Assertions.assertThat;

import c1.connector.v2.Entitlement;
import c1.connector.v2.Grant;
import c1.connector.v2.GroupTrait;
import c1.connector.v2.Resource;
import c1.connector.v2.ResourceType;
import c1.connector.v2.UserTrait;
import com.google.protobuf.Timestamp;
import java.nio.file.Path;
import java.time.Instant;
import org.batonjava.metabase.sim.MetabaseSimulator;
import org.batonjava.sdk.connector.Annotations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Display names, traits, profile keys, entitlement texts and grant shapes as the Go connectors make
 * them (the shapes docs/COMPATIBILITY.md keeps identical), read back from a synced c1z.
 */
class ResourceShapesTest {
  @TempDir static Path dir;
  static SyncedFile v056;
  static SyncedFile v049;

  @BeforeAll
  static void sync() {
    try (MetabaseSimulator sim = Sims.demo("0.56", false)) {
      v056 = SyncedFile.connectorOutput(Sims.connector(sim, MetabaseVariant.V056, false), dir);
    }
    try (MetabaseSimulator sim = Sims.demo("0.49", true)) {
      v049 = SyncedFile.connectorOutput(Sims.connector(sim, MetabaseVariant.V049, true), dir);
    }
  }

  @AfterAll
  static void release() {
    v056 = null;
    v049 = null;
  }

  @Test
  void userHasTheGoTraitAndItsIdAsExternalId() {
    Resource jane = v056.resources.get("user:4");
    assertThat(jane.getDisplayName()).isEqualTo("Jane Doe");
    assertThat(jane.getExternalId().getId()).isEqualTo("4");
    assertThat(jane.hasParentResourceId()).isFalse();
    UserTrait trait = Annotations.find(jane.getAnnotationsList(), UserTrait.class).orElseThrow();
    assertThat(trait.getEmailsList())
        .containsExactly(
            UserTrait.Email.newBuilder()
                .setAddress("jane.doe@example.com")
                .setIsPrimary(true)
                .build());
    assertThat(trait.getLogin()).isEqualTo("jane.doe@example.com");
    assertThat(trait.getLoginAliasesList()).isEmpty();
    assertThat(trait.getProfile().getFieldsMap()).containsOnlyKeys("first_name", "last_name");
    assertThat(trait.getProfile().getFieldsOrThrow("first_name").getStringValue())
        .isEqualTo("Jane");
    assertThat(trait.getProfile().getFieldsOrThrow("last_name").getStringValue()).isEqualTo("Doe");
    assertThat(trait.getStatus().getStatus())
        .isEqualTo(UserTrait.Status.StatusValue.STATUS_ENABLED);
    assertThat(trait.getAccountType()).isEqualTo(UserTrait.AccountType.ACCOUNT_TYPE_HUMAN);
    Instant lastLogin = Instant.parse("2024-05-20T08:01:44Z");
    assertThat(trait.getLastLogin())
        .isEqualTo(Timestamp.newBuilder().setSeconds(lastLogin.getEpochSecond()).build());
    assertThat(jane.getAnnotationsCount()).isEqualTo(1);
  }

  @Test
  void deactivatedUserIsDisabledAndNeverLoggedInHasNoLastLogin() {
    UserTrait linus =
        Annotations.find(v056.resources.get("user:8").getAnnotationsList(), UserTrait.class)
            .orElseThrow();
    assertThat(linus.getStatus().getStatus())
        .isEqualTo(UserTrait.Status.StatusValue.STATUS_DISABLED);
    UserTrait john =
        Annotations.find(v056.resources.get("user:5").getAnnotationsList(), UserTrait.class)
            .orElseThrow();
    assertThat(john.hasLastLogin()).isFalse();
  }

  @Test
  void groupHasNameAndMemberCountProfile() {
    Resource finance = v056.resources.get("group:4");
    assertThat(finance.getDisplayName()).isEqualTo("Finance");
    assertThat(finance.getExternalId().getId()).isEqualTo("4");
    GroupTrait trait =
        Annotations.find(finance.getAnnotationsList(), GroupTrait.class).orElseThrow();
    assertThat(trait.getProfile().getFieldsMap()).containsOnlyKeys("name", "member_count");
    assertThat(trait.getProfile().getFieldsOrThrow("name").getStringValue()).isEqualTo("Finance");
    assertThat(trait.getProfile().getFieldsOrThrow("member_count").getNumberValue()).isEqualTo(2.0);
    assertThat(v056.resources.get("group:1").getDisplayName()).isEqualTo("All Users");
    assertThat(v056.resources.get("group:2").getDisplayName()).isEqualTo("Administrators");
  }

  @Test
  void databaseIsAPlainResource() {
    Resource warehouse = v056.resources.get("database:2");
    assertThat(warehouse.getDisplayName()).isEqualTo("Finance Warehouse");
    assertThat(warehouse.getExternalId().getId()).isEqualTo("2");
    assertThat(warehouse.getAnnotationsList()).isEmpty();
    assertThat(warehouse.getDescription()).isEmpty();
  }

  @Test
  void groupEntitlementsAreAssignmentsGrantableToUsers() {
    Entitlement member = v056.entitlements.get("group:4:member");
    assertThat(member.getDisplayName()).isEqualTo("Finance Member");
    assertThat(member.getDescription()).isEqualTo("Is a Member of Finance group in Metabase");
    assertThat(member.getSlug()).isEqualTo("member");
    assertThat(member.getPurpose()).isEqualTo(Entitlement.PurposeValue.PURPOSE_VALUE_ASSIGNMENT);
    assertThat(member.getGrantableToList())
        .containsExactly(
            ResourceType.newBuilder()
                .setId("user")
                .setDisplayName("User")
                .addTraits(ResourceType.Trait.TRAIT_USER)
                .build());
    assertThat(member.getResource().getId().getResource()).isEqualTo("4");

    Entitlement manager = v049.entitlements.get("group:4:manager");
    assertThat(manager.getDisplayName()).isEqualTo("Finance Manager");
    assertThat(manager.getDescription()).isEqualTo("Is a Manager of Finance group in Metabase");
    assertThat(manager.getPurpose()).isEqualTo(Entitlement.PurposeValue.PURPOSE_VALUE_ASSIGNMENT);
  }

  @Test
  void databaseEntitlementsArePermissionsGrantableToGroups() {
    ResourceType group =
        ResourceType.newBuilder()
            .setId("group")
            .setDisplayName("Group")
            .addTraits(ResourceType.Trait.TRAIT_GROUP)
            .build();
    expectDatabaseEntitlement(
        v056.entitlements.get("database:2:query-builder"),
        "query-builder",
        "Finance Warehouse Query Builder",
        "Grants Query Builder permission on the Finance Warehouse database",
        group);
    expectDatabaseEntitlement(
        v056.entitlements.get("database:2:query-builder-and-native"),
        "query-builder-and-native",
        "Finance Warehouse Query Builder and Native",
        "Grants Query Builder and Native permission on the Finance Warehouse database",
        group);
    expectDatabaseEntitlement(
        v049.entitlements.get("database:3:access"),
        "access",
        "Marketing Analytics Access",
        "Grants Access permission on the Marketing Analytics database",
        group);
    expectDatabaseEntitlement(
        v049.entitlements.get("database:3:write"),
        "write",
        "Marketing Analytics Write",
        "Grants Write permission on the Marketing Analytics database",
        group);
  }

  private static void expectDatabaseEntitlement(
      Entitlement e, String slug, String displayName, String description, ResourceType group) {
    assertThat(e.getSlug()).isEqualTo(slug);
    assertThat(e.getDisplayName()).isEqualTo(displayName);
    assertThat(e.getDescription()).isEqualTo(description);
    assertThat(e.getPurpose()).isEqualTo(Entitlement.PurposeValue.PURPOSE_VALUE_PERMISSION);
    assertThat(e.getGrantableToList()).containsExactly(group);
  }

  @Test
  void membershipGrantCarriesOnlyIds() {
    Grant grant = v056.grants.get("group:4:member:user:5");
    assertThat(grant.getEntitlement().getId()).isEqualTo("group:4:member");
    assertThat(grant.getEntitlement().getResource().getId().getResourceType()).isEqualTo("group");
    assertThat(grant.getEntitlement().getResource().getId().getResource()).isEqualTo("4");
    assertThat(grant.getEntitlement().getResource().getDisplayName()).isEmpty();
    assertThat(grant.getPrincipal().getId().getResourceType()).isEqualTo("user");
    assertThat(grant.getPrincipal().getId().getResource()).isEqualTo("5");
    assertThat(grant.getAnnotationsList()).isEmpty();
  }

  @Test
  void databaseGrantIsOnTheDatabaseForTheGroup() {
    Grant grant = v049.grants.get("database:2:write:group:4");
    assertThat(grant.getEntitlement().getId()).isEqualTo("database:2:write");
    assertThat(grant.getEntitlement().getResource().getId().getResource()).isEqualTo("2");
    assertThat(grant.getEntitlement().getResource().getDisplayName())
        .isEqualTo("Finance Warehouse");
    assertThat(grant.getPrincipal().getId().getResourceType()).isEqualTo("group");
    assertThat(grant.getPrincipal().getId().getResource()).isEqualTo("4");
  }

  @Test
  void paidZeroFortyNineDoesNotTurnBlockedAccessIntoAccess() {
    // Contractors (7) are blocked on Marketing Analytics (3) on paid 0.49 builds:
    // {"data":{"schemas":"block"}}.
    assertThat(v049.grantIds()).noneMatch(id -> id.endsWith(":group:7"));
  }
}
