package org.batonjava.sdk.sync;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The resumable state of a sync: a stack of {@link Action}s, serialised into {@code
 * v1_sync_runs.sync_token} in baton-sdk's token shape ({@code actions_map}, {@code action_order},
 * {@code current_action_id}, {@code completed_actions_count}, {@code version}; empty fields left
 * out), plus {@code "engine":"baton-java"} while the sync runs, so that only a sync this engine
 * started is resumed: a token written by the Go SDK has other action fields and connector page
 * tokens, and continuing it could fail or mix formats. Go ignores the extra field. Not thread-safe.
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public final class SyncState {
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  @JsonProperty("actions_map")
  private Map<String, Action> actions = new LinkedHashMap<>();

  @JsonProperty("action_order")
  private List<String> order = new ArrayList<>();

  @JsonProperty("current_action_id")
  private long currentActionId;

  @JsonProperty("needs_expansion")
  private boolean needsExpansion;

  @JsonProperty("should_skip_entitlements_and_grants")
  private boolean skipEntitlementsAndGrants;

  @JsonProperty("completed_actions_count")
  private long completedActions;

  @JsonProperty("step_durations_ms")
  private Map<String, Long> stepDurationsMs = new LinkedHashMap<>();

  @JsonProperty("version")
  @JsonInclude(JsonInclude.Include.ALWAYS)
  @SuppressWarnings(
      "UnusedVariable") // written into every token by Jackson, as the Go SDK writes it
  private int version = 1;

  /** Who wrote the token; set on a running sync, left out of the final token. */
  @JsonProperty("engine")
  private String engine;

  static final String ENGINE = "baton-java";

  /** A fresh state holding one {@code init} action. */
  static SyncState fresh(boolean skipEntitlementsAndGrants) {
    SyncState s = new SyncState();
    s.engine = ENGINE;
    s.skipEntitlementsAndGrants = skipEntitlementsAndGrants;
    s.push(Operation.INIT, "", "", "", "", "");
    return s;
  }

  /** Reads a checkpoint token; fails with a clear message when it is not one. */
  static SyncState parse(String token) {
    try {
      SyncState s = JSON.readValue(token, SyncState.class);
      for (String id : s.order) {
        if (!s.actions.containsKey(id)) {
          throw new IllegalArgumentException(
              "action " + id + " is in action_order but not in actions_map");
        }
      }
      return s;
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "the sync token of the unfinished sync is corrupt (" + e.getMessage() + ")", e);
    }
  }

  /**
   * The state to continue from {@code token}, or why it cannot be continued: not JSON of this
   * shape, or written by another tool (no {@code engine} marker).
   */
  static Resumption resume(String token) {
    SyncState state;
    try {
      state = parse(token);
    } catch (IllegalStateException e) {
      return new Resumption(Optional.empty(), e.getMessage());
    }
    if (!ENGINE.equals(state.engine)) {
      return new Resumption(
          Optional.empty(),
          "it was started by another tool (such as the Go connector), whose"
              + " progress this engine cannot continue");
    }
    return new Resumption(Optional.of(state), "");
  }

  /** The outcome of {@link #resume}: the state, or the reason there is none. */
  record Resumption(Optional<SyncState> state, String whyNot) {}

  String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The token kept by a finished sync: counters only. */
  String finalToken() {
    SyncState done = new SyncState();
    done.currentActionId = currentActionId;
    done.completedActions = completedActions;
    done.stepDurationsMs = stepDurationsMs;
    return done.toJson();
  }

  Action push(
      Operation op,
      String resourceType,
      String resourceId,
      String parentType,
      String parentId,
      String token) {
    String id = actionId(++currentActionId);
    Action a = new Action(id, op, token, resourceType, resourceId, parentType, parentId);
    actions.put(id, a);
    order.add(id);
    return a;
  }

  /** The id of the n-th action: n zero-padded to ten digits, like Go's {@code %010d}. */
  static String actionId(long n) {
    String digits = Long.toString(n);
    return digits.length() >= 10 ? digits : "0".repeat(10 - digits.length()) + digits;
  }

  Optional<Action> peek() {
    return order.isEmpty()
        ? Optional.empty()
        : Optional.of(actions.get(order.get(order.size() - 1)));
  }

  /**
   * The top {@code max} actions (top first) that have the same operation as the top and name a
   * resource.
   */
  List<Action> topRun(int max) {
    List<Action> run = new ArrayList<>();
    Optional<Action> top = peek();
    if (top.isEmpty() || !top.get().forResource()) {
      return run;
    }
    for (int i = order.size() - 1; i >= 0 && run.size() < max; i--) {
      Action a = actions.get(order.get(i));
      if (a.operation() != top.get().operation() || !a.forResource()) {
        break;
      }
      run.add(a);
    }
    return run;
  }

  void update(Action action) {
    actions.put(action.id(), action);
  }

  void finish(Action action) {
    actions.remove(action.id());
    // The finished action is almost always the top of the stack, the end of the list: search from
    // there (a search from the front compared up to a page of ids for every action).
    int at = order.lastIndexOf(action.id());
    if (at >= 0) {
      order.remove(at);
    }
    completedActions++;
  }

  @JsonIgnore
  boolean done() {
    return order.isEmpty();
  }

  @JsonIgnore
  int depth() {
    return order.size();
  }

  boolean skipEntitlementsAndGrants() {
    return skipEntitlementsAndGrants;
  }

  void needsExpansion() {
    needsExpansion = true;
  }

  boolean expansionNeeded() {
    return needsExpansion;
  }

  long completedActions() {
    return completedActions;
  }

  void addStepDuration(String step, long millis) {
    stepDurationsMs.merge(step, millis, Long::sum);
  }

  Map<String, Long> stepDurationsMs() {
    return stepDurationsMs;
  }
}
