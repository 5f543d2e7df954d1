package org.batonjava.metabase.apikeys;

import java.util.List;
import org.batonjava.metabase.http.MetabaseJson;

/** The API-key calls: {@code GET /api/api-key} (administrators only; a bare, unpaged array). */
public final class ApiKeysApi {
  private final MetabaseJson json;

  public ApiKeysApi(MetabaseJson json) {
    this.json = json;
  }

  /** Every API key (the SCIM token is never listed). */
  public List<ApiKey> list() {
    return json.getList("/api/api-key", ApiKey.class, "the list of API keys");
  }
}
