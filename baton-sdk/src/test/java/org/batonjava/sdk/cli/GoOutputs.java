package org.batonjava.sdk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Go connectors' {@code capabilities}/{@code config} outputs, as copied into the repository's
 * {@code testdata/go-outputs} (or {@code -Dbaton.goOutputs=DIR}); {@code ReferenceCopiesTest} keeps
 * the copies equal to the team's reference.
 */
final class GoOutputs {
  private static final ObjectMapper JSON = new ObjectMapper();

  private GoOutputs() {}

  /** The copy in the repository's {@code testdata/go-outputs} (see testdata/README.md). */
  static Path file(String name) {
    String configured = System.getProperty("baton.goOutputs", "");
    Path dir =
        configured.isEmpty()
            ? Path.of("").toAbsolutePath().resolve("../testdata/go-outputs").normalize()
            : Path.of(configured);
    Path file = dir.resolve(name);
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException(
          "Go reference output " + file + " is missing from the repository");
    }
    return file;
  }

  static String text(String name) {
    try {
      return Files.readString(file(name), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode json(String name) {
    return parse(text(name));
  }

  static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
