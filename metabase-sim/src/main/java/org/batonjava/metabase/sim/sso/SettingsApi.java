package org.batonjava.metabase.sim.sso;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.batonjava.metabase.sim.api.ApiContext;
import org.batonjava.metabase.sim.http.Response;
import org.batonjava.metabase.sim.http.Route.Access;
import org.batonjava.metabase.sim.http.Router;
import org.batonjava.metabase.sim.state.SimState;
import org.batonjava.metabase.sim.state.SsoSettings;

/**
 * {@code GET /api/setting} (administrators): the admin-visible settings as a list of {@code {key,
 * value, is_env_setting, env_name, description, default}}. Only a few are simulated: the site name
 * and URL, and the SSO group-sync settings {@code <provider>-group-sync} (boolean) and {@code
 * <provider>-group-mappings} (identity-provider group → list of Metabase group ids) for LDAP on
 * every build and SAML and JWT on paid builds.
 */
public final class SettingsApi {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private final ApiContext ctx;
  private final SimState state;

  public SettingsApi(ApiContext ctx) {
    this.ctx = ctx;
    this.state = ctx.state();
  }

  public void register(Router router) {
    router.add(
        "GET", "/api/setting", Access.SUPERUSER, r -> state.read(() -> Response.ok(settings())));
  }

  private ArrayNode settings() {
    ArrayNode out = F.arrayNode();
    out.add(
        setting("site-name", "The name used for this instance of Metabase.", "Metabase")
            .put("value", "Metabase"));
    out.add(
        setting("site-url", "This URL is used for things like creating links in emails.", null)
            .put("value", "http://localhost"));
    SsoSettings sso = state.sso();
    for (String provider : SsoSettings.PROVIDERS) {
      if (!provider.equals("ldap") && !ctx.paid()) {
        continue;
      }
      String label = provider.toUpperCase(Locale.ROOT);
      out.add(
          setting(
                  provider + "-group-sync",
                  "Enable group membership synchronization with " + label + ".",
                  false)
              .put("value", sso.sync(provider)));
      ObjectNode mappings = F.objectNode();
      for (Map.Entry<String, List<Integer>> e : sso.mappings(provider).entrySet()) {
        ArrayNode ids = mappings.putArray(e.getKey());
        e.getValue().forEach(ids::add);
      }
      ObjectNode row =
          setting(
              provider + "-group-mappings",
              "JSON containing " + label + " to Metabase group mappings.",
              F.objectNode());
      row.set("value", mappings);
      out.add(row);
    }
    return out;
  }

  private static ObjectNode setting(String key, String description, Object defaultValue) {
    ObjectNode o = F.objectNode();
    o.put("key", key);
    o.putNull("value");
    o.put("is_env_setting", false);
    o.put("env_name", "MB_" + key.toUpperCase(Locale.ROOT).replace('-', '_'));
    o.put("description", description);
    if (defaultValue instanceof Boolean b) {
      o.put("default", b);
    } else if (defaultValue instanceof String s) {
      o.put("default", s);
    } else if (defaultValue instanceof ObjectNode n) {
      o.set("default", n);
    } else {
      o.putNull("default");
    }
    return o;
  }
}
