package org.batonjava.metabase.sim.apikeys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.batonjava.metabase.sim.api.ApiContext;
import org.batonjava.metabase.sim.api.BodyFields;
import org.batonjava.metabase.sim.http.ErrorResponses;
import org.batonjava.metabase.sim.http.Request;
import org.batonjava.metabase.sim.http.Response;
import org.batonjava.metabase.sim.http.Route.Access;
import org.batonjava.metabase.sim.http.Router;
import org.batonjava.metabase.sim.state.Credentials;
import org.batonjava.metabase.sim.state.SimApiKey;
import org.batonjava.metabase.sim.state.SimGroup;
import org.batonjava.metabase.sim.state.SimState;
import org.batonjava.metabase.sim.state.SimUser;

/** {@code /api/api-key}: list, count, create, update, regenerate, delete. */
public final class ApiKeysApi {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private final SimState state;

  public ApiKeysApi(ApiContext ctx) {
    this.state = ctx.state();
  }

  public void register(Router router) {
    router
        .add("GET", "/api/api-key", Access.SUPERUSER, this::list)
        .add(
            "GET",
            "/api/api-key/count",
            Access.SUPERUSER,
            r -> state.read(() -> Response.ok(IntNode.valueOf(state.credentials().keys().size()))))
        .add("POST", "/api/api-key", Access.SUPERUSER, this::create)
        .add("PUT", "/api/api-key/:id/regenerate", Access.SUPERUSER, this::regenerate)
        .add("PUT", "/api/api-key/:id", Access.SUPERUSER, this::update)
        .add("DELETE", "/api/api-key/:id", Access.SUPERUSER, this::delete);
  }

  private Response list(Request r) {
    return state.read(
        () -> {
          ArrayNode out = F.arrayNode();
          state.credentials().keys().forEach(k -> out.add(json(k)));
          return Response.ok(out);
        });
  }

  private Response create(Request r) {
    JsonNode body = r.jsonObject();
    String name = BodyFields.nonBlank(body, "name");
    int groupId = BodyFields.positiveInt(body, "group_id");
    return state.write(
        () -> {
          if (state.credentials().keyNameTaken(name)) {
            throw ErrorResponses.fieldError("name", "An API key with this name already exists.");
          }
          requireGroup(groupId);
          Credentials.IssuedKey issued =
              state.credentials().create(name, groupId, r.caller().userId(), null);
          return Response.ok(json(issued.key()).put("unmasked_key", issued.unmaskedKey()));
        });
  }

  private Response update(Request r) {
    int id = r.pathId("id");
    JsonNode body = r.jsonObject();
    String name = body.hasNonNull("name") ? BodyFields.nonBlank(body, "name") : null;
    Integer groupId = body.hasNonNull("group_id") ? BodyFields.positiveInt(body, "group_id") : null;
    return state.write(
        () -> {
          SimApiKey key = requireKey(id);
          if (name != null && !name.equals(key.name())) {
            if (state.credentials().keyNameTaken(name)) {
              throw ErrorResponses.fieldError("name", "An API key with this name already exists.");
            }
            state.credentials().rename(key, name, r.caller().userId());
          }
          if (groupId != null && groupId != key.groupId()) {
            requireGroup(groupId);
            state.credentials().changeGroup(key, groupId, r.caller().userId());
          }
          return Response.ok(json(key));
        });
  }

  private Response regenerate(Request r) {
    int id = r.pathId("id");
    return state.write(
        () -> {
          Credentials.IssuedKey issued =
              state.credentials().regenerate(requireKey(id), r.caller().userId());
          return Response.ok(json(issued.key()).put("unmasked_key", issued.unmaskedKey()));
        });
  }

  private Response delete(Request r) {
    int id = r.pathId("id");
    return state.write(
        () -> {
          state.credentials().delete(requireKey(id));
          return Response.noContent();
        });
  }

  private SimApiKey requireKey(int id) {
    SimApiKey key = state.credentials().key(id);
    if (key == null) {
      throw ErrorResponses.notFound();
    }
    return key;
  }

  private void requireGroup(int groupId) {
    if (state.group(groupId) == null) {
      throw ErrorResponses.notFound();
    }
  }

  private ObjectNode json(SimApiKey k) {
    ObjectNode o = F.objectNode();
    o.put("id", k.id());
    o.put("name", k.name());
    SimGroup g = state.group(k.groupId());
    ObjectNode group = o.putObject("group");
    group.put("id", k.groupId());
    group.put("name", g == null ? null : g.name());
    o.put("masked_key", k.maskedKey());
    o.put("created_at", k.createdAt().toString());
    o.put("updated_at", k.updatedAt().toString());
    SimUser by = state.user(k.updatedBy());
    o.putObject("updated_by")
        .put("id", k.updatedBy())
        .put("common_name", by == null ? null : by.commonName());
    return o;
  }
}
