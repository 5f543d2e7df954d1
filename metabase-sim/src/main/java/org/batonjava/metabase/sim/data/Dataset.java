package org.batonjava.metabase.sim.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The initial content of a simulator: users, groups, memberships, databases and data access.
 * Datasets are deterministic: the same dataset always produces the same state.
 */
public interface Dataset {

  /** A short name for logs. */
  String name();

  /** Fills a fresh state (which already holds the All Users and Administrators groups). */
  void populate(DatasetLoader loader);

  /** The small readable demo company (see the module README for its exact content). */
  static Dataset demo() {
    try (InputStream in = Dataset.class.getResourceAsStream("demo-dataset.json")) {
      if (in == null) {
        throw new IllegalStateException("demo-dataset.json is missing from the jar");
      }
      return JsonDataset.read(in, "demo");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The demo with the paid-build scenario on top: Marketing sandboxed on the customers table by the
   * {@code region} user attribute, and Finance impersonated on the Finance Warehouse by {@code
   * warehouse_role} ({@code demo-paid-scenario.json}). Only a paid build shows them.
   */
  static Dataset demoPaid() {
    try (InputStream demo = Dataset.class.getResourceAsStream("demo-dataset.json");
        InputStream scenario = Dataset.class.getResourceAsStream("demo-paid-scenario.json")) {
      if (demo == null || scenario == null) {
        throw new IllegalStateException("the demo dataset files are missing from the jar");
      }
      com.fasterxml.jackson.databind.ObjectMapper json =
          new com.fasterxml.jackson.databind.ObjectMapper();
      com.fasterxml.jackson.databind.node.ObjectNode tree =
          (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(demo);
      tree.setAll((com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(scenario));
      tree.put("name", "demo (paid scenario)");
      return JsonDataset.read(
          new java.io.ByteArrayInputStream(json.writeValueAsBytes(tree)), "demo-paid");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A generated dataset of the given size. */
  static Dataset scale(ScaleParameters parameters) {
    return new ScaleDataset(parameters);
  }

  /** No users besides the ones a test creates (only the two magic groups). */
  static Dataset empty() {
    return new Dataset() {
      @Override
      public String name() {
        return "empty";
      }

      @Override
      public void populate(DatasetLoader loader) {
        // nothing
      }
    };
  }

  /**
   * A dataset from a JSON file.
   *
   * @throws IllegalArgumentException when the file is missing or invalid
   */
  static Dataset fromJson(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return JsonDataset.read(in, file.toString());
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read dataset " + file + ": " + e.getMessage(), e);
    }
  }
}
