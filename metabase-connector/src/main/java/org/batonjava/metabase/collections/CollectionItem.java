package org.batonjava.metabase.collections;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One collection as {@code GET /api/collection} and {@code GET /api/collection/:id} return it (the
 * fields kept).
 *
 * @param id a number, or {@code "root"} for the root pseudo entry
 * @param location the ancestors' path: {@code "/"} at the top level, {@code "/12/34/"} below 34
 *     below 12
 * @param personalOwnerId set on a personal collection (its descendants have it null)
 * @param type null for a regular collection, {@code instance-analytics} (Usage analytics), {@code
 *     trash}, …
 * @param namespace null for normal content, {@code analytics} for Usage analytics, {@code
 *     snippets}, …
 * @param isPersonal newest versions only: true for a personal collection or a descendant of one
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CollectionItem(
    @JsonProperty("id") JsonNode id,
    @JsonProperty("name") String name,
    @JsonProperty("location") String location,
    @JsonProperty("personal_owner_id") Long personalOwnerId,
    @JsonProperty("archived") Boolean archived,
    @JsonProperty("type") String type,
    @JsonProperty("namespace") String namespace,
    @JsonProperty("is_personal") Boolean isPersonal) {

  /** {@code type} of the Usage-analytics collection, which is View only. */
  public static final String INSTANCE_ANALYTICS = "instance-analytics";

  /** The id as text ({@code "root"} or digits), or empty when absent. */
  public String key() {
    if (id == null || id.isNull()) {
      return "";
    }
    return id.isNumber() ? Long.toString(id.asLong()) : id.asText();
  }

  public String nameOrEmpty() {
    return name == null ? "" : name;
  }

  public boolean isArchived() {
    return Boolean.TRUE.equals(archived);
  }

  public boolean analytics() {
    return INSTANCE_ANALYTICS.equals(type);
  }

  /** The ancestor ids of {@link #location}, top first. */
  public String[] ancestors() {
    if (location == null || location.isBlank()) {
      return new String[0];
    }
    return java.util.Arrays.stream(location.split("/"))
        .filter(s -> !s.isEmpty())
        .toArray(String[]::new);
  }
}
