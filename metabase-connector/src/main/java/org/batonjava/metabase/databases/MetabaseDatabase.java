package org.batonjava.metabase.databases;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A database from {@code GET /api/database} (only the fields a connector should rely on). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MetabaseDatabase(
    @JsonProperty("id") long id,
    @JsonProperty("name") String name,
    @JsonProperty("engine") String engine,
    @JsonProperty("description") String description,
    @JsonProperty("is_sample") Boolean isSample,
    @JsonProperty("is_audit") Boolean isAudit,
    @JsonProperty("created_at") String createdAt) {

  public String nameOrEmpty() {
    return name == null ? "" : name;
  }
}
