package org.batonjava.sdk.sync;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One entry of the sync stack, serialised like baton-sdk's actions (empty fields left out).
 *
 * <p>A root {@code list-entitlements}/{@code list-grants} action (no resource) walks the stored
 * resources a page at a time: its {@code page_token} is a store cursor, and it pushes one
 * per-resource action for each resource of the page, so the stack (and the checkpoint token) stays
 * small however many resources exist.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Action(
    @JsonProperty("id") String id,
    @JsonProperty("operation") Operation operation,
    @JsonProperty("page_token") String pageToken,
    @JsonProperty("resource_type_id") String resourceTypeId,
    @JsonProperty("resource_id") String resourceId,
    @JsonProperty("parent_resource_type_id") String parentResourceTypeId,
    @JsonProperty("parent_resource_id") String parentResourceId) {

  public Action {
    pageToken = pageToken == null ? "" : pageToken;
    resourceTypeId = resourceTypeId == null ? "" : resourceTypeId;
    resourceId = resourceId == null ? "" : resourceId;
    parentResourceTypeId = parentResourceTypeId == null ? "" : parentResourceTypeId;
    parentResourceId = parentResourceId == null ? "" : parentResourceId;
  }

  static Action of(String id, Operation op) {
    return new Action(id, op, "", "", "", "", "");
  }

  Action withToken(String token) {
    return new Action(
        id, operation, token, resourceTypeId, resourceId, parentResourceTypeId, parentResourceId);
  }

  boolean forResource() {
    return !resourceId.isEmpty();
  }

  boolean hasParent() {
    return !parentResourceId.isEmpty();
  }
}
