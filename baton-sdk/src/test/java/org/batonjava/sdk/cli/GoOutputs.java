package org.batonjava.sdk.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Go connectors' {@code capabilities}/{@code config} outputs in {@code shared/reference/go-outputs}
 * beside the repository ({@code ${project.basedir}/../../shared/...}, or {@code -Dbaton.goOutputs=DIR}).
 * Tests that need them are skipped when they are absent.
 */
final class GoOutputs {
  private static final ObjectMapper JSON = new ObjectMapper();

  private GoOutputs() {}

  static Path file(String name) {
    String configured = System.getProperty("baton.goOutputs", "");
    Path dir =
        configured.isEmpty()
            ? Path.of("").toAbsolutePath().resolve("../../shared/reference/go-outputs").normalize()
            : Path.of(configured);
    Path file = dir.resolve(name);
    assumeTrue(Files.isRegularFile(file), "Go reference output " + file + " is absent; skipping the comparison");
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
