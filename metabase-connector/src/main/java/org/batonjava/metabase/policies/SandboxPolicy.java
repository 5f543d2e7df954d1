package org.batonjava.metabase.policies;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.TreeSet;

/**
 * A sandbox from {@code GET /api/mt/gtap}: the group sees the table filtered by the values of the
 * named user attributes ({@code attribute_remappings} maps an attribute name to a column or a
 * parameter of the sandboxing question; only the names are kept).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record SandboxPolicy(
    @JsonProperty("id") long id,
    @JsonProperty("group_id") long groupId,
    @JsonProperty("table_id") long tableId,
    @JsonProperty("card_id") Long cardId,
    @JsonProperty("attribute_remappings") JsonNode attributeRemappings) {

  List<String> attributeNames() {
    TreeSet<String> names = new TreeSet<>();
    if (attributeRemappings != null && attributeRemappings.isObject()) {
      attributeRemappings.properties().forEach(e -> names.add(e.getKey()));
    }
    return List.copyOf(names);
  }
}
