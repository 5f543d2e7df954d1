package org.batonjava.metabase.users;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A user as an administrator sees it in {@code GET /api/user} and {@code GET /api/user/current}.
 * Names, e-mail and last login may be null; unknown fields are ignored.
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
    @JsonProperty("last_login") String lastLogin) {

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
