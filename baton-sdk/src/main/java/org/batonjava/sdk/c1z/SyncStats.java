package org.batonjava.sdk.c1z;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The counts of one sync as {@code c1.reader.v2.SyncStats}, and their JSON form in {@code
 * v1_sync_runs.stats}: Go {@code encoding/json} of the generated struct, i.e. snake_case keys in
 * field order, zero numbers and empty maps left out, map keys sorted.
 */
public record SyncStats(
    long resourceTypes,
    long resources,
    long entitlements,
    long grants,
    long assets,
    SortedMap<String, Long> resourcesByResourceType,
    SortedMap<String, Long> grantsByResourceType,
    SortedMap<String, Long> entitlementsByResourceType,
    SortedMap<String, Long> stepDurationsMs) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public SyncStats withStepDurations(Map<String, Long> durations) {
    return new SyncStats(
        resourceTypes,
        resources,
        entitlements,
        grants,
        assets,
        resourcesByResourceType,
        grantsByResourceType,
        entitlementsByResourceType,
        new TreeMap<>(durations));
  }

  public String toJson() {
    Map<String, Object> out = new LinkedHashMap<>();
    number(out, "resource_types", resourceTypes);
    number(out, "resources", resources);
    number(out, "entitlements", entitlements);
    number(out, "grants", grants);
    map(out, "resources_by_resource_type", resourcesByResourceType);
    map(out, "grants_by_resource_type", grantsByResourceType);
    map(out, "entitlements_by_resource_type", entitlementsByResourceType);
    number(out, "assets", assets);
    map(out, "step_durations_ms", stepDurationsMs);
    try {
      return JSON.writeValueAsString(out);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void number(Map<String, Object> out, String key, long value) {
    if (value != 0) {
      out.put(key, value);
    }
  }

  private static void map(Map<String, Object> out, String key, SortedMap<String, Long> value) {
    if (!value.isEmpty()) {
      out.put(key, value);
    }
  }
}
