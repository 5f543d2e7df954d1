package org.batonjava.metabase.apikeys;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.batonjava.metabase.client.MetabaseHttp;

/** The API-key calls: {@code GET /api/api-key} (administrators only; a bare, unpaged array). */
public final class ApiKeyCalls {
  private final MetabaseHttp http;
  private final ObjectMapper json = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .build();

  public ApiKeyCalls(MetabaseHttp http) {
    this.http = http;
  }

  /** Every API key (the SCIM token is never listed). */
  public List<ApiKey> list() {
    MetabaseHttp.Answer answer = http.getJson("/api/api-key", Map.of());
    try {
      JsonNode node = json.readTree(answer.body());
      List<ApiKey> out = new ArrayList<>();
      if (node != null) {
        for (JsonNode item : node.isArray() ? node : node.path("data")) {
          if (item.isObject() && item.hasNonNull("id")) {
            out.add(json.treeToValue(item, ApiKey.class));
          }
        }
      }
      return out;
    } catch (JsonProcessingException e) {
      throw http.failures().unreadable(answer.call(), e);
    } catch (IOException e) {
      throw http.failures().fromIo(answer.call(), e);
    }
  }
}
