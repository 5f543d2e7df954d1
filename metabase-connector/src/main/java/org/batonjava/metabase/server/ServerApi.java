package org.batonjava.metabase.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.batonjava.metabase.http.BaseUrl;
import org.batonjava.metabase.http.MetabaseHttp;
import org.batonjava.metabase.http.MetabaseJson;
import org.batonjava.metabase.http.ResponseShape;

/** The Metabase REST calls that tell which server, version and key the connector talks to. */
public final class ServerApi {
  private final MetabaseJson json;

  public ServerApi(MetabaseJson json) {
    this.json = json;
  }

  public BaseUrl baseUrl() {
    return json.baseUrl();
  }

  /** {@code GET /api/user/current}: the user (or API-key pseudo-user) the key belongs to. */
  public KeyOwner currentUser() {
    return json.getChecked(
        "/api/user/current",
        Map.of(),
        KeyOwner.class,
        node -> ResponseShape.object(node, "a user"));
  }

  /**
   * {@code GET /api/setting/version} (administrators only): the version the Go v049/v056 connectors
   * check.
   */
  public VersionInfo settingVersion() {
    return json.get("/api/setting/version", Map.of(), VersionInfo.class);
  }

  /** {@code GET /api/session/properties} → {@code version} (public; no key needed). */
  public VersionInfo sessionVersion() {
    MetabaseHttp.Answer answer = json.http().getJson("/api/session/properties", Map.of());
    JsonNode version = json.tree(answer).path("version");
    return version.isObject()
        ? json.convert(answer, version, VersionInfo.class)
        : new VersionInfo(null, null, null, null);
  }

  /**
   * {@code GET /api/session/properties} → {@code token-features}: the paid features that are on.
   */
  public TokenFeatures tokenFeatures() {
    MetabaseHttp.Answer answer = json.http().getJson("/api/session/properties", Map.of());
    JsonNode features = json.tree(answer).path("token-features");
    Set<String> on = new TreeSet<>();
    features
        .properties()
        .forEach(
            e -> {
              if (e.getValue().asBoolean(false)) {
                on.add(e.getKey());
              }
            });
    return new TokenFeatures(on);
  }
}
