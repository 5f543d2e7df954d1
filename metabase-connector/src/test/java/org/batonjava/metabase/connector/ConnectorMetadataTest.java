package org.batonjava.metabase.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import c1.connector.v2.Capability;
import c1.connector.v2.CapabilityDetailCredentialOption;
import c1.connector.v2.ConnectorAccountCreationSchema;
import c1.connector.v2.ConnectorCapabilities;
import c1.connector.v2.ResourceType;
import io.grpc.Status;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.batonjava.sdk.config.FieldKind;
import org.batonjava.sdk.config.Setting;
import org.batonjava.sdk.connector.CapabilitiesFactory;
import org.batonjava.sdk.connector.ConnectorException;
import org.batonjava.sdk.connector.GoSdkShape;
import org.batonjava.sdk.connector.ResourceSyncer;
import org.batonjava.sdk.crypto.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What each variant says about itself without talking to Metabase. */
class ConnectorMetadataTest {
  private static MetabaseConnector connector(MetabaseVariant variant) {
    return MetabaseConnectors.create(
        ConnectorConfig.of(variant, "https://metabase.example.com", Secret.of("mb_x"), false));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "UNVERSIONED|baton-metabase|Metabase|Metabase connector to sync users and groups|user,group",
        "V049|baton-metabase-v049|Metabase-v049|Metabase connector v049 to sync users, groups and databases|user,group,database",
        "V056|baton-metabase-v056|Metabase-v056|Metabase connector v056 to sync users, groups and databases|user,group,database",
        "AUTO|baton-metabase|Metabase|Metabase connector to sync users, groups and databases, with the permission model of the server's version|user,group,database,api_key,collection,application_permission"
      })
  void infoAndSyncerOrderMatchTheGoConnectors(
      MetabaseVariant variant,
      String binary,
      String displayName,
      String description,
      String types) {
    MetabaseConnector c = connector(variant);
    assertThat(c.info().name()).isEqualTo(binary);
    assertThat(c.info().displayName()).isEqualTo(displayName);
    assertThat(c.info().description()).isEqualTo(description);
    assertThat(c.info().version()).isNotBlank();
    assertThat(c.resourceSyncers())
        .extracting(ResourceSyncer::resourceType)
        .extracting(ResourceType::getId)
        .containsExactly(types.split(","));
  }

  /**
   * The Go connectors' capabilities, plus PROVISION on {@code database}: group PROVISION, user
   * ACCOUNT_PROVISIONING with the random-password credential option, and ACTIONS.
   */
  @ParameterizedTest
  @CsvSource({"UNVERSIONED, V0_25_0", "V049, V0_5_6", "V056, V0_5_6", "AUTO, V0_25_0"})
  void capabilitiesAreTheGoOnesPlusDatabaseProvisioning(MetabaseVariant variant, GoSdkShape shape) {
    ConnectorCapabilities caps = CapabilitiesFactory.derive(connector(variant), shape);
    Map<String, List<Capability>> byType = new LinkedHashMap<>();
    caps.getResourceTypeCapabilitiesList()
        .forEach(r -> byType.put(r.getResourceType().getId(), r.getCapabilitiesList()));
    Map<String, List<Capability>> expected = new LinkedHashMap<>();
    if (variant == MetabaseVariant.AUTO) {
      // extended access (API keys and collections) is on by default only in auto mode
      expected.put("api_key", List.of(Capability.CAPABILITY_SYNC));
      expected.put(
          "application_permission",
          List.of(Capability.CAPABILITY_SYNC, Capability.CAPABILITY_PROVISION));
      expected.put(
          "collection", List.of(Capability.CAPABILITY_SYNC, Capability.CAPABILITY_PROVISION));
    }
    if (variant != MetabaseVariant.UNVERSIONED) {
      expected.put(
          "database", List.of(Capability.CAPABILITY_SYNC, Capability.CAPABILITY_PROVISION));
    }
    expected.put("group", List.of(Capability.CAPABILITY_SYNC, Capability.CAPABILITY_PROVISION));
    expected.put(
        "user", List.of(Capability.CAPABILITY_SYNC, Capability.CAPABILITY_ACCOUNT_PROVISIONING));
    assertThat(byType).containsExactlyEntriesOf(expected);
    assertThat(caps.getConnectorCapabilitiesList())
        .containsExactly(
            Capability.CAPABILITY_PROVISION,
            Capability.CAPABILITY_SYNC,
            Capability.CAPABILITY_ACCOUNT_PROVISIONING,
            Capability.CAPABILITY_ACTIONS);
    assertThat(
            caps.getCredentialDetails()
                .getCapabilityAccountProvisioning()
                .getSupportedCredentialOptionsList())
        .containsExactly(
            CapabilityDetailCredentialOption.CAPABILITY_DETAIL_CREDENTIAL_OPTION_RANDOM_PASSWORD,
            CapabilityDetailCredentialOption
                .CAPABILITY_DETAIL_CREDENTIAL_OPTION_ENCRYPTED_PASSWORD);
    assertThat(
            caps.getCredentialDetails()
                .getCapabilityAccountProvisioning()
                .getPreferredCredentialOption())
        .isEqualTo(
            CapabilityDetailCredentialOption.CAPABILITY_DETAIL_CREDENTIAL_OPTION_RANDOM_PASSWORD);
  }

  @Test
  void accountCreationSchemaIsTheGoOne() {
    ConnectorAccountCreationSchema schema =
        connector(MetabaseVariant.V056).accountCreationSchema().orElseThrow();
    assertThat(schema.getFieldMapMap()).containsOnlyKeys("email", "first_name", "last_name");
    ConnectorAccountCreationSchema.Field email = schema.getFieldMapOrThrow("email");
    assertThat(email.getDisplayName()).isEqualTo("Email");
    assertThat(email.getDescription()).isEqualTo("User email address (must be unique).");
    assertThat(email.getPlaceholder()).isEqualTo("user@example.com");
    assertThat(email.getRequired()).isTrue();
    assertThat(email.getOrder()).isEqualTo(1);
    assertThat(email.hasStringField()).isTrue();
    assertThat(schema.getFieldMapOrThrow("first_name").getDisplayName()).isEqualTo("First Name");
    assertThat(schema.getFieldMapOrThrow("first_name").getDescription())
        .isEqualTo("User's first name.");
    assertThat(schema.getFieldMapOrThrow("first_name").getPlaceholder()).isEqualTo("John");
    assertThat(schema.getFieldMapOrThrow("first_name").getOrder()).isEqualTo(2);
    assertThat(schema.getFieldMapOrThrow("last_name").getDisplayName()).isEqualTo("Last Name");
    assertThat(schema.getFieldMapOrThrow("last_name").getDescription())
        .isEqualTo("User's last name.");
    assertThat(schema.getFieldMapOrThrow("last_name").getPlaceholder()).isEqualTo("Doe");
    assertThat(schema.getFieldMapOrThrow("last_name").getOrder()).isEqualTo(3);
  }

  @Test
  void fieldsAreTheGoConfigSchemaFields() {
    assertThat(MetabaseFields.ALL)
        .extracting(Setting::name)
        .containsExactly("metabase-base-url", "metabase-api-key", "metabase-with-paid-plan");
    assertThat(MetabaseFields.BASE_URL.displayName()).isEqualTo("Base URL");
    assertThat(MetabaseFields.BASE_URL.description())
        .isEqualTo("Metabase Base URL e.g. https://metabase.example.com");
    assertThat(MetabaseFields.BASE_URL.required()).isTrue();
    assertThat(MetabaseFields.BASE_URL.secret()).isFalse();
    assertThat(MetabaseFields.BASE_URL.envVar()).isEqualTo("BATON_METABASE_BASE_URL");
    assertThat(MetabaseFields.API_KEY.displayName()).isEqualTo("API Key");
    assertThat(MetabaseFields.API_KEY.description()).isEqualTo("Metabase API Key");
    assertThat(MetabaseFields.API_KEY.required()).isTrue();
    assertThat(MetabaseFields.API_KEY.secret()).isTrue();
    assertThat(MetabaseFields.API_KEY.envVar()).isEqualTo("BATON_METABASE_API_KEY");
    assertThat(MetabaseFields.WITH_PAID_PLAN.displayName()).isEqualTo("Metabase with paid plan");
    assertThat(MetabaseFields.WITH_PAID_PLAN.description())
        .isEqualTo(
            "Set to true if using Metabase paid plan, false for Open Source / self-hosted (free)");
    assertThat(MetabaseFields.WITH_PAID_PLAN.kind()).isEqualTo(FieldKind.BOOL);
    assertThat(MetabaseFields.WITH_PAID_PLAN.required()).isFalse();
    assertThat(MetabaseFields.WITH_PAID_PLAN.defaultValue()).isEmpty();
    assertThat(MetabaseFields.WITH_PAID_PLAN.flag()).isEqualTo("--metabase-with-paid-plan");
  }

  @Test
  void configNeverShowsTheKeyAndDefaultsTheTimeout() {
    ConnectorConfig config =
        ConnectorConfig.of(
            MetabaseVariant.AUTO, "https://mb", Secret.of("mb_VerySecretKey123"), true);
    assertThat(config.toString()).doesNotContain("VerySecret").contains("<secret>");
    assertThat(config.httpTimeout()).isEqualTo(Duration.ofMinutes(5));
    assertThat(config.withHttpTimeout(Duration.ofSeconds(5)).httpTimeout())
        .isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void variantsParseFromText() {
    assertThat(MetabaseVariant.fromText("v049")).isEqualTo(MetabaseVariant.V049);
    assertThat(MetabaseVariant.fromText("AUTO")).isEqualTo(MetabaseVariant.AUTO);
    assertThatThrownBy(() -> MetabaseVariant.fromText("v050"))
        .isInstanceOfSatisfying(
            ConnectorException.class,
            e -> assertThat(e.code()).isEqualTo(Status.Code.INVALID_ARGUMENT))
        .hasMessage(
            "unknown Metabase connector variant \"v050\"; use one of unversioned, v049, v056, auto");
  }

  @Test
  void badBaseUrlIsRefusedAtOnce() {
    assertThatThrownBy(
            () ->
                MetabaseConnectors.create(
                    ConnectorConfig.of(
                        MetabaseVariant.V056, "metabase.example.com", Secret.of("k"), false)))
        .isInstanceOfSatisfying(
            ConnectorException.class,
            e -> assertThat(e.code()).isEqualTo(Status.Code.INVALID_ARGUMENT))
        .hasMessageContaining("--metabase-base-url must start with https://");
    assertThatThrownBy(
            () ->
                MetabaseConnectors.create(
                    ConnectorConfig.of(MetabaseVariant.V056, "", Secret.of("k"), false)))
        .hasMessageContaining("--metabase-base-url is empty");
  }
}
