package org.batonjava.metabase.connector;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.batonjava.metabase.sim.data.Dataset;

/** Small simulator datasets written as the simulator's JSON dataset format. */
final class TestDatasets {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ObjectNode root = JSON.createObjectNode();

  TestDatasets(String name) {
    root.put("name", name);
    root.putArray("groups");
    root.putArray("users");
    root.putArray("databases");
    root.putArray("permissions");
  }

  /**
   * {@code count} users with ids 1..count, named {@code Bob U0001...}; user 1 is an administrator.
   */
  static TestDatasets users(int count, Set<Integer> deactivated) {
    TestDatasets d = new TestDatasets("users-" + count);
    for (int i = 1; i <= count; i++) {
      d.user(
          i,
          String.format("user%04d@example.com", i),
          "Bob",
          String.format("U%04d", i),
          !deactivated.contains(i),
          i == 1 ? new int[] {2} : new int[0]);
    }
    return d;
  }

  TestDatasets group(int id, String name) {
    ((ArrayNode) root.get("groups")).addObject().put("id", id).put("name", name);
    return this;
  }

  TestDatasets user(
      int id, String email, String first, String last, boolean active, int... groups) {
    ObjectNode u =
        ((ArrayNode) root.get("users"))
            .addObject()
            .put("id", id)
            .put("email", email)
            .put("first_name", first)
            .put("last_name", last)
            .put("active", active)
            .put("password", "metabase1");
    ArrayNode g = u.putArray("groups");
    for (int group : groups) {
      g.add(group);
    }
    return this;
  }

  TestDatasets database(int id, String name, int... tableIds) {
    ObjectNode db =
        ((ArrayNode) root.get("databases"))
            .addObject()
            .put("id", id)
            .put("name", name)
            .put("engine", "postgres");
    ArrayNode tables = db.putArray("tables");
    for (int t : tableIds) {
      tables.addObject().put("id", t).put("schema", "public").put("name", "t" + t);
    }
    return this;
  }

  TestDatasets access(int groupId, int databaseId, String access) {
    ((ArrayNode) root.get("permissions"))
        .addObject()
        .put("group_id", groupId)
        .put("database_id", databaseId)
        .put("access", access);
    return this;
  }

  Dataset write(Path dir) {
    try {
      Path file = Files.createTempFile(dir, "dataset", ".json");
      JSON.writeValue(file.toFile(), root);
      return Dataset.fromJson(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
