package org.batonjava.metabase.server;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The user an API key belongs to, as {@code GET /api/user/current} describes it; only what the
 * administrator check needs. Unknown fields are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record KeyOwner(
    @JsonProperty("first_name") String firstName,
    @JsonProperty("is_superuser") Boolean isSuperuser) {

  public boolean superuser() {
    return Boolean.TRUE.equals(isSuperuser);
  }
}
