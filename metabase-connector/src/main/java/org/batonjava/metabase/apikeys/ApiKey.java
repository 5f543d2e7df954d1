package org.batonjava.metabase.apikeys;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One item of {@code GET /api/api-key}. The listing never carries the key itself (only {@code
 * masked_key}, e.g. {@code mb_Vq3k****…}) nor the id of the key's pseudo-user.
 *
 * @param group the key's one group besides All Users (All Users itself when that is its only group)
 * @param updatedBy who last changed (created, renamed, moved or regenerated) the key
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApiKey(
    @JsonProperty("id") long id,
    @JsonProperty("name") String name,
    @JsonProperty("group") Group group,
    @JsonProperty("masked_key") String maskedKey,
    @JsonProperty("created_at") String createdAt,
    @JsonProperty("updated_at") String updatedAt,
    @JsonProperty("updated_by") Person updatedBy) {

  /** {@code {id, name}} of a group. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Group(@JsonProperty("id") Long id, @JsonProperty("name") String name) {}

  /** {@code {id, common_name}} of a user. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Person(
      @JsonProperty("id") Long id, @JsonProperty("common_name") String commonName) {}

  /** The group's id, or 0 when the listing gave none. */
  public long groupId() {
    return group == null || group.id() == null ? 0 : group.id();
  }

  public String groupName() {
    return group == null || group.name() == null ? "" : group.name();
  }

  public String nameOrEmpty() {
    return name == null ? "" : name;
  }
}
