package org.batonjava.metabase.sim.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.batonjava.metabase.sim.api.ApiContext;
import org.batonjava.metabase.sim.faults.FaultConfig;
import org.batonjava.metabase.sim.faults.FaultInjector;
import org.batonjava.metabase.sim.http.ErrorResponses;
import org.batonjava.metabase.sim.http.Request;
import org.batonjava.metabase.sim.http.Response;
import org.batonjava.metabase.sim.http.Route.Access;
import org.batonjava.metabase.sim.http.Router;
import org.batonjava.metabase.sim.log.RequestLog;
import org.batonjava.metabase.sim.state.SimState;

/**
 * The simulator's own endpoints under {@code /__sim/} (real Metabase has nothing here): request
 * log, counters, faults and a state summary. Superuser credentials required; these requests are
 * never faulted or logged.
 */
public final class SimAdminApi {
  private final ApiContext ctx;
  private final FaultInjector faults;
  private final RequestLog log;
  private final ObjectMapper mapper;

  public SimAdminApi(ApiContext ctx, FaultInjector faults, RequestLog log, ObjectMapper mapper) {
    this.ctx = ctx;
    this.faults = faults;
    this.log = log;
    this.mapper = mapper;
  }

  public void register(Router router) {
    router
        .add("GET", "/__sim/requests", Access.SUPERUSER, this::requests)
        .add("GET", "/__sim/counters", Access.SUPERUSER, r -> Response.ok(counters()))
        .add(
            "DELETE",
            "/__sim/counters",
            Access.SUPERUSER,
            r -> {
              log.reset();
              return Response.noContent();
            })
        .add(
            "GET",
            "/__sim/faults",
            Access.SUPERUSER,
            r -> Response.ok(mapper.valueToTree(faults.current())))
        .add("PUT", "/__sim/faults", Access.SUPERUSER, this::setFaults)
        .add(
            "DELETE",
            "/__sim/faults",
            Access.SUPERUSER,
            r -> {
              faults.clear();
              return Response.noContent();
            })
        .add("GET", "/__sim/state", Access.SUPERUSER, r -> Response.ok(summary()));
  }

  private Response requests(Request r) {
    int limit;
    try {
      limit = Integer.parseInt(r.query("limit").orElse("100"));
    } catch (NumberFormatException e) {
      throw ErrorResponses.plain(400, "limit must be an integer");
    }
    return Response.ok(mapper.valueToTree(log.recent(Math.max(0, limit))));
  }

  private ObjectNode counters() {
    ObjectNode out = mapper.createObjectNode();
    out.put("total", log.total());
    ObjectNode endpoints = out.putObject("endpoints");
    log.counters()
        .forEach(
            (endpoint, statuses) -> {
              ObjectNode s = endpoints.putObject(endpoint);
              statuses.forEach((status, n) -> s.put(String.valueOf(status), n));
            });
    return out;
  }

  private Response setFaults(Request r) {
    JsonNode body = r.jsonObject();
    try {
      ObjectNode merged = mapper.valueToTree(FaultConfig.none());
      merged.setAll((ObjectNode) body);
      FaultConfig config = mapper.treeToValue(merged, FaultConfig.class);
      faults.set(config);
      return Response.ok(mapper.valueToTree(config));
    } catch (Exception e) {
      Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
      throw ErrorResponses.plain(400, "invalid fault configuration: " + cause.getMessage());
    }
  }

  private ObjectNode summary() {
    SimState s = ctx.state();
    return s.read(
        () -> {
          ObjectNode o = mapper.createObjectNode();
          o.put("version", ctx.version().tag(ctx.paid()));
          o.put("paid", ctx.paid());
          o.put("users", s.personalUserCount());
          o.put("groups", s.groups().size());
          o.put("memberships", s.membershipCount());
          o.put("databases", s.databases().size());
          o.put("api_keys", s.credentials().keys().size());
          o.put("revision", s.permissions().revision());
          return o;
        });
  }
}
