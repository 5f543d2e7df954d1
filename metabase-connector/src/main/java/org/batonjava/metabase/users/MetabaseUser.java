package org.batonjava.metabase.users;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.List;

/**
 * A user as an administrator sees it in {@code GET /api/user} and {@code GET /api/user/current}.
 * Names, e-mail and last login may be null; unknown fields are ignored. Of {@code login_attributes}
 * only the names are read.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MetabaseUser(
    @JsonProperty("id") long id,
    @JsonProperty("email") String email,
    @JsonProperty("first_name") String firstName,
    @JsonProperty("last_name") String lastName,
    @JsonProperty("common_name") String commonName,
    @JsonProperty("is_active") Boolean isActive,
    @JsonProperty("is_superuser") Boolean isSuperuser,
    @JsonProperty("last_login") String lastLogin,
    @JsonProperty("date_joined") String dateJoined,
    @JsonProperty("sso_source") String ssoSource,
    @JsonProperty("tenant_id") Long tenantId,
    @JsonProperty("login_attributes") @JsonDeserialize(using = AttributeNames.class)
        List<String> attributeNames) {

  public MetabaseUser {
    attributeNames = attributeNames == null ? List.of() : List.copyOf(attributeNames);
  }

  /** A user with only the fields the Go connectors read (tests, account creation answers). */
  public MetabaseUser(
      long id,
      String email,
      String firstName,
      String lastName,
      String commonName,
      Boolean isActive,
      Boolean isSuperuser,
      String lastLogin) {
    this(
        id,
        email,
        firstName,
        lastName,
        commonName,
        isActive,
        isSuperuser,
        lastLogin,
        null,
        null,
        null,
        List.of());
  }

  /**
   * Metabase sends {@code is_active} to administrators; a missing flag counts as inactive (as in
   * Go).
   */
  public boolean active() {
    return Boolean.TRUE.equals(isActive);
  }

  public boolean superuser() {
    return Boolean.TRUE.equals(isSuperuser);
  }
}
