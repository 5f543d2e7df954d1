package org.batonjava.metabase.policies;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A connection impersonation from {@code GET /api/ee/advanced-permissions/impersonation}: the
 * group's queries on the database run as the database role held in the user attribute {@code
 * attribute}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ImpersonationPolicy(
    @JsonProperty("id") long id,
    @JsonProperty("group_id") long groupId,
    @JsonProperty("db_id") long dbId,
    @JsonProperty("attribute") String attribute) {}
