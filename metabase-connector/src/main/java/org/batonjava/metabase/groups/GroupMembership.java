package org.batonjava.metabase.groups;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** One row of {@code GET /api/permissions/membership}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GroupMembership(
    @JsonProperty("membership_id") Long membershipId,
    @JsonProperty("group_id") long groupId,
    @JsonProperty("user_id") Long userId,
    @JsonProperty("is_group_manager") Boolean isGroupManager) {

  public boolean manager() {
    return Boolean.TRUE.equals(isGroupManager);
  }
}
