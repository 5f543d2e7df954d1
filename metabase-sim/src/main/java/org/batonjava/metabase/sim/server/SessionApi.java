package org.batonjava.metabase.sim.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Supplier;
import org.batonjava.metabase.sim.api.ApiContext;
import org.batonjava.metabase.sim.api.BodyFields;
import org.batonjava.metabase.sim.http.ErrorResponses;
import org.batonjava.metabase.sim.http.Request;
import org.batonjava.metabase.sim.http.Response;
import org.batonjava.metabase.sim.http.Route.Access;
import org.batonjava.metabase.sim.http.Router;
import org.batonjava.metabase.sim.state.SimState;

/**
 * Login/logout ({@code /api/session}), public settings ({@code /api/session/properties}), the
 * {@code version} setting and {@code /api/health}.
 */
public final class SessionApi {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private final ApiContext ctx;
  private final SimState state;
  private final Supplier<String> reportedTag;

  /**
   * @param reportedTag the {@code version.tag} to report (differs from the real one under a
   *     version-mismatch fault)
   */
  public SessionApi(ApiContext ctx, Supplier<String> reportedTag) {
    this.ctx = ctx;
    this.state = ctx.state();
    this.reportedTag = reportedTag;
  }

  public void register(Router router) {
    router
        .add("POST", "/api/session", Access.PUBLIC, this::login)
        .add("DELETE", "/api/session", Access.USER, this::logout)
        .add("GET", "/api/session/properties", Access.PUBLIC, r -> Response.ok(properties()))
        .add("GET", "/api/setting/version", Access.SUPERUSER, r -> Response.ok(version()))
        .add(
            "GET",
            "/api/health",
            Access.PUBLIC,
            r -> Response.ok(F.objectNode().put("status", "ok")));
  }

  private Response login(Request r) {
    JsonNode body = r.jsonObject();
    String username = BodyFields.nonBlank(body, "username");
    String password = BodyFields.nonBlank(body, "password");
    String session = state.write(() -> state.credentials().login(username, password));
    if (session == null) {
      ObjectNode err = F.objectNode();
      err.putObject("errors").put("password", "did not match stored password");
      return Response.json(401, err);
    }
    return Response.ok(F.objectNode().put("id", session));
  }

  private Response logout(Request r) {
    String session = r.sessionId();
    if (session == null) {
      throw ErrorResponses.notFound();
    }
    state.write(
        () -> {
          state.credentials().logout(session);
          return null;
        });
    return Response.noContent();
  }

  /** The {@code version} setting value. */
  ObjectNode version() {
    int minor = ctx.version().minor();
    return F.objectNode()
        .put(
            "date",
            String.format("20%02d-%02d-01", 24 + (minor - 49) / 6, 1 + (minor - 49) % 6 * 2))
        .put("tag", reportedTag.get())
        .put("branch", "release-x." + minor + ".x")
        .put("hash", String.format("%07x", 0xa1b2c3 + minor));
  }

  private ObjectNode properties() {
    ObjectNode o = F.objectNode();
    o.set("version", version());
    ObjectNode features = o.putObject("token-features");
    boolean paid = ctx.paid();
    for (String f :
        new String[] {
          "advanced_permissions",
          "sandboxes",
          "audit_app",
          "sso_jwt",
          "sso_saml",
          "sso_ldap",
          "sso_google",
          "whitelabel",
          "email_restrict_recipients"
        }) {
      features.put(f, paid);
    }
    if (ctx.version().extendedGroupFields()) {
      features.put("scim", paid);
    }
    if (ctx.version().newestLine()) {
      features
          .put("tenants", paid)
          .put("transforms", paid)
          .put("workspaces", paid)
          .put("support-users", paid);
    }
    o.put("site-url", "http://localhost");
    o.put("site-name", "Metabase");
    o.putObject("password-complexity").put("total", 6).put("digit", 1);
    o.put("has-user-setup", true);
    o.put("site-locale", "en");
    o.put("anon-tracking-enabled", false);
    return o;
  }
}
