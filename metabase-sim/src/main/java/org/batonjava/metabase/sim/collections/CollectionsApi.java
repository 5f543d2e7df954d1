package org.batonjava.metabase.sim.collections;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.batonjava.metabase.sim.http.ErrorResponses;
import org.batonjava.metabase.sim.http.Request;
import org.batonjava.metabase.sim.http.Response;
import org.batonjava.metabase.sim.http.Route.Access;
import org.batonjava.metabase.sim.http.Router;
import org.batonjava.metabase.sim.state.CollectionLevel;
import org.batonjava.metabase.sim.state.CollectionStore;
import org.batonjava.metabase.sim.state.SimCollection;
import org.batonjava.metabase.sim.state.SimMembership;
import org.batonjava.metabase.sim.state.SimState;

/**
 * {@code GET /api/collection} (not paged; the root pseudo entry first; administrators also see
 * every personal collection unless {@code exclude-other-user-collections=true}), {@code GET
 * /api/collection/:id} and {@code POST /api/collection}, which copies the parent's (or root's)
 * group permissions to the new collection and, from 0.55, bumps the collection-graph revision.
 */
public final class CollectionsApi {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private final SimState state;
  private final CollectionFeatures features;

  public CollectionsApi(SimState state, CollectionFeatures features) {
    this.state = state;
    this.features = features;
  }

  public void register(Router router) {
    router
        .add("GET", "/api/collection", Access.USER, this::list)
        .add(
            "GET",
            "/api/collection/root",
            Access.USER,
            r ->
                state.read(
                    () ->
                        Response.ok(
                            CollectionJson.root(
                                level(
                                        r.caller().userId(),
                                        r.caller().superuser(),
                                        CollectionStore.ROOT)
                                    == CollectionLevel.WRITE))))
        .add("GET", "/api/collection/:id", Access.USER, this::one)
        .add("POST", "/api/collection", Access.USER, this::create);
  }

  private Response list(Request r) {
    boolean archived = r.queryBoolean("archived", false);
    boolean excludeOthers = r.queryBoolean("exclude-other-user-collections", false);
    String namespace = r.query("namespace").orElse(null);
    int caller = r.caller().userId();
    boolean admin = r.caller().superuser();
    return state.read(
        () -> {
          CollectionStore store = state.collections();
          List<SimCollection> visible = new ArrayList<>();
          for (SimCollection c : store.all()) {
            if (c.archived() != archived || !inNamespace(c, namespace)) {
              continue;
            }
            boolean personal = store.personal(c);
            if (personal && !ownedBy(store, c, caller) && (!admin || excludeOthers)) {
              continue;
            }
            if (!personal
                && level(caller, admin, Integer.toString(c.id())) == CollectionLevel.NONE) {
              continue;
            }
            visible.add(c);
          }
          visible.sort(
              Comparator.comparing((SimCollection c) -> c.trash() ? 1 : 0)
                  .thenComparing(c -> c.name().toLowerCase(Locale.ROOT))
                  .thenComparingInt(SimCollection::id));
          ArrayNode out = F.arrayNode();
          CollectionLevel root = level(caller, admin, CollectionStore.ROOT);
          if (!archived && namespace == null && root != CollectionLevel.NONE) {
            out.add(CollectionJson.root(root == CollectionLevel.WRITE));
          }
          for (SimCollection c : visible) {
            boolean personal = store.personal(c);
            boolean canWrite =
                personal || level(caller, admin, Integer.toString(c.id())) == CollectionLevel.WRITE;
            out.add(CollectionJson.of(c, personal, canWrite && !c.analytics(), features));
          }
          return Response.ok(out);
        });
  }

  private Response one(Request r) {
    int id = r.pathId("id");
    return state.read(
        () -> {
          SimCollection c = state.collections().get(id);
          if (c == null) {
            throw ErrorResponses.notFound();
          }
          boolean personal = state.collections().personal(c);
          CollectionLevel level =
              personal
                  ? (ownedBy(state.collections(), c, r.caller().userId()) || r.caller().superuser()
                      ? CollectionLevel.WRITE
                      : CollectionLevel.NONE)
                  : level(r.caller().userId(), r.caller().superuser(), Integer.toString(id));
          if (level == CollectionLevel.NONE) {
            throw ErrorResponses.forbidden();
          }
          return Response.ok(
              CollectionJson.of(
                  c, personal, level == CollectionLevel.WRITE && !c.analytics(), features));
        });
  }

  private Response create(Request r) {
    JsonNode body = r.jsonObject();
    JsonNode nameNode = body.get("name");
    if (nameNode == null || !nameNode.isTextual() || nameNode.asText().isBlank()) {
      throw ErrorResponses.schemaError(
          "name",
          "value must be a non-blank string.",
          "should be a non-blank" + " string",
          nameNode == null ? "nil" : nameNode.toString());
    }
    JsonNode parentNode = body.get("parent_id");
    Integer parentId = parentNode == null || parentNode.isNull() ? null : parentNode.asInt();
    String description = body.hasNonNull("description") ? body.get("description").asText() : null;
    return state.write(
        () -> {
          CollectionStore store = state.collections();
          SimCollection parent = parentId == null ? null : store.get(parentId);
          if (parentId != null && parent == null) {
            throw ErrorResponses.notFound();
          }
          String parentKey = parent == null ? CollectionStore.ROOT : Integer.toString(parent.id());
          if (level(r.caller().userId(), r.caller().superuser(), parentKey) != CollectionLevel.WRITE
              && !(parent != null
                  && store.personal(parent)
                  && ownedBy(store, parent, r.caller().userId()))) {
            throw ErrorResponses.forbidden();
          }
          String location = parent == null ? "/" : parent.location() + parent.id() + "/";
          int id = store.nextId();
          SimCollection c =
              new SimCollection(
                  id,
                  nameNode.asText(),
                  description,
                  location,
                  null,
                  false,
                  null,
                  null,
                  EntityIds.of(id),
                  state.now());
          store.add(c);
          if (!store.personal(c)) {
            for (var g : state.groups()) {
              CollectionLevel inherited = store.level(g.id(), parentKey);
              store.set(g.id(), Integer.toString(id), inherited);
            }
            if (features.creationBumpsRevision()) {
              store.nextRevision();
            }
          }
          return Response.ok(CollectionJson.of(c, store.personal(c), true, features));
        });
  }

  private boolean inNamespace(SimCollection c, String namespace) {
    if (namespace == null) {
      return c.namespace() == null || "analytics".equals(c.namespace());
    }
    return namespace.equals(c.namespace());
  }

  private static boolean ownedBy(CollectionStore store, SimCollection c, int userId) {
    SimCollection top = c.personalOwnerId() != null ? c : store.get(c.topAncestorId());
    return top != null && top.personalOwnerId() != null && top.personalOwnerId() == userId;
  }

  /**
   * The caller's effective level on a collection key: the best over its groups; administrators
   * curate all.
   */
  private CollectionLevel level(int userId, boolean admin, String key) {
    if (admin) {
      return CollectionLevel.WRITE;
    }
    CollectionLevel best = CollectionLevel.NONE;
    for (SimMembership m : state.membershipsOf(userId)) {
      best = best.max(state.collections().level(m.groupId(), key));
    }
    return best;
  }
}
