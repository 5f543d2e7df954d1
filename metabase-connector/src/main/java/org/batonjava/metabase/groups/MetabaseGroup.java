package org.batonjava.metabase.groups;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A permission group from {@code GET /api/permissions/group}; {@code member_count} counts active
 * members.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MetabaseGroup(
    @JsonProperty("id") long id,
    @JsonProperty("name") String name,
    @JsonProperty("member_count") Long memberCount) {

  public String nameOrEmpty() {
    return name == null ? "" : name;
  }

  public long memberCountOrZero() {
    return memberCount == null ? 0 : memberCount;
  }
}
