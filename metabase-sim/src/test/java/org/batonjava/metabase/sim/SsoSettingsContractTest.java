package org.batonjava.metabase.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/setting}: the SSO group-sync settings per edition, and users' SSO source and
 * attributes.
 */
class SsoSettingsContractTest {
  private static Map<String, JsonNode> byKey(JsonNode list) {
    Map<String, JsonNode> out = new HashMap<>();
    list.forEach(s -> out.put(s.get("key").asText(), s.get("value")));
    return out;
  }

  @Test
  void freeBuildsHaveLdapGroupSyncOnly() {
    try (MetabaseSimulator sim = UsersContractTest.start("0.56", false)) {
      Map<String, JsonNode> settings = byKey(SimClient.admin(sim).get("/api/setting").json());
      assertThat(settings.get("ldap-group-sync").asBoolean()).isTrue();
      assertThat(settings.get("ldap-group-mappings").toString())
          .isEqualTo("{\"cn=contractors,ou=groups,dc=example,dc=com\":[7]}");
      assertThat(settings).doesNotContainKey("saml-group-mappings");
    }
  }

  @Test
  void paidBuildsAddSamlAndJwt() {
    try (MetabaseSimulator sim = UsersContractTest.start("newest", true)) {
      Map<String, JsonNode> settings = byKey(SimClient.admin(sim).get("/api/setting").json());
      assertThat(settings.get("saml-group-sync").asBoolean()).isTrue();
      assertThat(settings.get("saml-group-mappings").toString()).isEqualTo("{\"Contractors\":[7]}");
      assertThat(settings.get("jwt-group-sync").asBoolean()).isFalse();
      JsonNode jane = SimClient.admin(sim).get("/api/user/4").json();
      assertThat(jane.get("sso_source").asText()).isEqualTo("saml");
      JsonNode john = SimClient.admin(sim).get("/api/user/5").json();
      assertThat(john.get("sso_source").isNull()).isTrue();
      assertThat(john.get("login_attributes").toString()).isEqualTo("{\"region\":\"EMEA\"}");
    }
  }
}
