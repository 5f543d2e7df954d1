package org.batonjava.sdk.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code tools/baton-cli/c1zfixture}, a Go program that writes a c1z with known content
 * through baton-sdk v0.25.0's SQLite store. The build makes it next to the baton CLI (system
 * property {@code baton.c1zfixture}).
 */
final class GoFixture {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path binary;

  private GoFixture(Path binary) {
    this.binary = binary;
  }

  /**
   * The program the build made; fails (never skips) when it is missing, since the build always
   * makes it.
   */
  static GoFixture fromBuild() {
    String path = System.getProperty("baton.c1zfixture");
    if (path == null || path.isBlank()) {
      throw new IllegalStateException(
          "system property baton.c1zfixture is not set; run the tests through ./mvnw");
    }
    Path binary = Path.of(path);
    if (!Files.isExecutable(binary)) {
      throw new IllegalStateException(
          "c1zfixture not found at " + binary + "; run tools/baton-cli/build.sh");
    }
    return new GoFixture(binary);
  }

  /** Writes the fixture into {@code file} and returns the id of the full sync it made. */
  String write(Path file) {
    try {
      Path out = Files.createTempFile("c1zfixture-out", ".txt");
      Path err = Files.createTempFile("c1zfixture-err", ".txt");
      try {
        Process p =
            new ProcessBuilder(binary.toString(), file.toString())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          throw new AssertionError("c1zfixture did not finish in 60 s");
        }
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
          throw new AssertionError(
              "c1zfixture exited "
                  + p.exitValue()
                  + ":\n"
                  + Files.readString(err, StandardCharsets.UTF_8)
                  + stdout);
        }
        JsonNode printed = JSON.readTree(stdout);
        String syncId = printed.path("sync_id").asText();
        if (syncId.isEmpty()) {
          throw new AssertionError("c1zfixture printed no sync id: " + stdout);
        }
        return syncId;
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new AssertionError("could not run " + binary, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
