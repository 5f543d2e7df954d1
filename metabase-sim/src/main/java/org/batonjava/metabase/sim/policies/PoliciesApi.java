package org.batonjava.metabase.sim.policies;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.batonjava.metabase.sim.api.ApiContext;
import org.batonjava.metabase.sim.application.ApplicationGraphApi;
import org.batonjava.metabase.sim.http.ErrorResponses;
import org.batonjava.metabase.sim.http.Response;
import org.batonjava.metabase.sim.http.Route.Access;
import org.batonjava.metabase.sim.http.Router;
import org.batonjava.metabase.sim.state.PolicyStore;
import org.batonjava.metabase.sim.state.SimState;

/**
 * The row-level security lists of paid builds (administrators; 402 on free builds): {@code GET
 * /api/mt/gtap} (every sandbox, by id: {@code {id, group_id, table_id, card_id,
 * attribute_remappings}}) and {@code GET /api/ee/advanced-permissions/impersonation} (every
 * impersonation, by id: {@code {id, group_id, db_id, attribute}}). Both also appear in the data
 * graph (sandboxed tables, impersonated databases).
 */
public final class PoliciesApi {
  /** What a free build answers for the sandbox routes. */
  public static final String SANDBOXES_PAID =
      "Sandboxes is a paid feature not currently available to your"
          + " instance. Please upgrade to use it. Learn more at metabase.com/upgrade/";

  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private final ApiContext ctx;
  private final SimState state;

  public PoliciesApi(ApiContext ctx) {
    this.ctx = ctx;
    this.state = ctx.state();
  }

  public void register(Router router) {
    router
        .add(
            "GET",
            "/api/mt/gtap",
            Access.SUPERUSER,
            r -> {
              if (!ctx.paid()) {
                throw ErrorResponses.paymentRequired(SANDBOXES_PAID);
              }
              return state.read(() -> Response.ok(sandboxes()));
            })
        .add(
            "GET",
            "/api/ee/advanced-permissions/impersonation",
            Access.SUPERUSER,
            r -> {
              if (!ctx.paid()) {
                throw ErrorResponses.paymentRequired(ApplicationGraphApi.PAID_FEATURE);
              }
              return state.read(() -> Response.ok(impersonations()));
            });
  }

  private ArrayNode sandboxes() {
    ArrayNode out = F.arrayNode();
    for (PolicyStore.Sandbox s : state.policies().sandboxes()) {
      ObjectNode o = out.addObject();
      o.put("id", s.id()).put("group_id", s.groupId()).put("table_id", s.tableId());
      if (s.cardId() == null) {
        o.putNull("card_id");
      } else {
        o.put("card_id", s.cardId());
      }
      o.set(
          "attribute_remappings",
          s.attributeRemappings() == null ? F.objectNode() : s.attributeRemappings().deepCopy());
    }
    return out;
  }

  private ArrayNode impersonations() {
    ArrayNode out = F.arrayNode();
    for (PolicyStore.Impersonation i : state.policies().impersonations()) {
      out.addObject()
          .put("id", i.id())
          .put("group_id", i.groupId())
          .put("db_id", i.dbId())
          .put("attribute", i.attribute());
    }
    return out;
  }
}
