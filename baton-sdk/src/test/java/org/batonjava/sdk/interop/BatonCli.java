package org.batonjava.sdk.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the official Go {@code baton} CLI, built by {@code tools/baton-cli/build.sh} during the
 * Maven build (its path arrives in the system property {@code baton.cli}).
 */
public final class BatonCli {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path binary;

  private BatonCli(Path binary) {
    this.binary = binary;
  }

  /**
   * The CLI the build made; fails (never skips) when it is missing, since the build always makes
   * it.
   */
  public static BatonCli fromBuild() {
    String path = System.getProperty("baton.cli");
    if (path == null || path.isBlank()) {
      throw new IllegalStateException(
          "system property baton.cli is not set; run the tests through ./mvnw");
    }
    Path binary = Path.of(path);
    if (!Files.isExecutable(binary)) {
      throw new IllegalStateException(
          "baton CLI not found at " + binary + "; run tools/baton-cli/build.sh");
    }
    return new BatonCli(binary);
  }

  /** The result of one run. */
  public record Result(int exitCode, String stdout, String stderr) {
    public JsonNode json() {
      try {
        return JSON.readTree(stdout);
      } catch (IOException e) {
        throw new AssertionError("baton printed no JSON: " + stdout + "\n" + stderr, e);
      }
    }
  }

  /** Runs {@code baton -f file args...}; fails the test when the CLI exits non-zero. */
  public Result run(Path file, String... args) {
    Result result = runAllowingFailure(file, args);
    if (result.exitCode() != 0) {
      throw new AssertionError(
          "baton "
              + String.join(" ", args)
              + " exited "
              + result.exitCode()
              + ":\n"
              + result.stderr()
              + result.stdout());
    }
    return result;
  }

  public Result runAllowingFailure(Path file, String... args) {
    List<String> command = new ArrayList<>(List.of(binary.toString(), "-f", file.toString()));
    command.addAll(List.of(args));
    try {
      Path out = Files.createTempFile("baton-out", ".txt");
      Path err = Files.createTempFile("baton-err", ".txt");
      Process p =
          new ProcessBuilder(command)
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("baton " + String.join(" ", args) + " did not finish in 120 s");
      }
      Result r =
          new Result(
              p.exitValue(),
              Files.readString(out, StandardCharsets.UTF_8),
              Files.readString(err, StandardCharsets.UTF_8));
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
      return r;
    } catch (IOException e) {
      throw new AssertionError("could not run " + binary, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
