package org.batonjava.metabase.sim.databases;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.batonjava.metabase.sim.api.ApiContext;
import org.batonjava.metabase.sim.http.Caller;
import org.batonjava.metabase.sim.http.ErrorResponses;
import org.batonjava.metabase.sim.http.Request;
import org.batonjava.metabase.sim.http.Response;
import org.batonjava.metabase.sim.http.Route.Access;
import org.batonjava.metabase.sim.http.Router;
import org.batonjava.metabase.sim.state.SimDatabase;
import org.batonjava.metabase.sim.state.SimState;

/** {@code /api/database}: {@code {data, total}} list and single database. */
public final class DatabasesApi {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private final PermissionModel permissions;
  private final SimState state;

  public DatabasesApi(ApiContext ctx, PermissionModel permissions) {
    this.permissions = permissions;
    this.state = ctx.state();
  }

  public void register(Router router) {
    router
        .add("GET", "/api/database", Access.USER, this::list)
        .add("GET", "/api/database/:id", Access.USER, this::get);
  }

  private Response list(Request r) {
    boolean analytics = r.queryBoolean("include_analytics", false);
    return state.read(
        () -> {
          List<SimDatabase> dbs = new ArrayList<>();
          for (SimDatabase db : state.databases()) {
            if ((analytics || !db.audit()) && canRead(r.caller(), db)) {
              dbs.add(db);
            }
          }
          dbs.sort(
              Comparator.comparing((SimDatabase d) -> d.name().toLowerCase(Locale.ROOT))
                  .thenComparing(d -> d.engine().toLowerCase(Locale.ROOT)));
          ObjectNode body = F.objectNode();
          ArrayNode data = body.putArray("data");
          dbs.forEach(db -> data.add(json(db, r.caller().superuser())));
          body.put("total", dbs.size());
          return Response.ok(body);
        });
  }

  private Response get(Request r) {
    int id = r.pathId("id");
    return state.read(
        () -> {
          SimDatabase db = state.database(id);
          if (db == null) {
            throw ErrorResponses.notFound();
          }
          if (!canRead(r.caller(), db)) {
            throw ErrorResponses.forbidden();
          }
          ObjectNode o = json(db, r.caller().superuser());
          ObjectNode schedules = o.putObject("schedules");
          schedules
              .putObject("metadata_sync")
              .put("schedule_type", "hourly")
              .put("schedule_minute", 50);
          schedules
              .putObject("cache_field_values")
              .put("schedule_type", "daily")
              .put("schedule_hour", 0);
          if (r.caller().superuser()) {
            o.put("can-manage", true);
          }
          return Response.ok(o);
        });
  }

  private boolean canRead(Caller caller, SimDatabase db) {
    if (caller.superuser()) {
      return true;
    }
    for (var m : state.membershipsOf(caller.userId())) {
      var stored = state.permissions().get(m.groupId(), db.id());
      if (stored != null && permissions.canRead(stored)) {
        return true;
      }
    }
    return false;
  }

  private ObjectNode json(SimDatabase db, boolean admin) {
    ObjectNode o = F.objectNode();
    o.put("id", db.id());
    o.put("name", db.name());
    o.put("description", db.description());
    o.put("engine", db.engine());
    o.put("is_sample", db.sample());
    o.put("is_full_sync", true);
    o.put("is_on_demand", false);
    o.put("is_audit", db.audit());
    o.putArray("features").add("basic-aggregations").add("nested-queries").add("foreign-keys");
    o.put("native_permissions", admin ? "write" : "none");
    o.put("can_upload", false);
    o.put("timezone", "UTC");
    o.put("auto_run_queries", true);
    o.putNull("cache_ttl");
    o.putNull("caveats");
    o.putNull("points_of_interest");
    o.putNull("refingerprint");
    o.putNull("settings");
    o.putNull("options");
    o.put("metadata_sync_schedule", "0 50 * * * ? *");
    o.put("cache_field_values_schedule", "0 50 0 * * ? *");
    o.put("initial_sync_status", "complete");
    o.putNull("creator_id");
    o.put("uploads_enabled", false);
    o.putNull("uploads_schema_name");
    o.putNull("uploads_table_prefix");
    o.put("created_at", db.createdAt().toString());
    o.put("updated_at", db.createdAt().toString());
    if (admin) {
      o.putObject("details")
          .put("host", "db-" + db.id() + ".internal")
          .put("password", "**MetabasePass**");
    }
    return o;
  }
}
