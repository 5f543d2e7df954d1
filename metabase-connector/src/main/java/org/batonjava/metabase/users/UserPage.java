package org.batonjava.metabase.users;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One page of {@code GET /api/user}: the users, the total matching the filters (ignoring paging),
 * and the echoed {@code limit}/{@code offset} (null when no paging parameter was sent).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UserPage(
    @JsonProperty("data") List<MetabaseUser> data,
    @JsonProperty("total") Long total,
    @JsonProperty("limit") Long limit,
    @JsonProperty("offset") Long offset) {
  public UserPage {
    data = data == null ? List.of() : List.copyOf(data);
  }
}
