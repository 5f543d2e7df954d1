package org.batonjava.metabase.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The image's entrypoint starts: each Dockerfile target's exec-form ENTRYPOINT is run here as the
 * image would run it, with this machine's java in place of the image's and the built jar in place
 * of {@code /app}.
 */
class ImageEntrypointIT {
  private static final Path ROOT =
      Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();

  @ParameterizedTest
  @ValueSource(strings = {"baton-metabase", "baton-metabase-v049", "baton-metabase-v056"})
  void entrypointRunsWithoutArguments(String target) throws Exception {
    List<String> entrypoint =
        ImageEntrypoint.of(Files.readString(ROOT.resolve("deploy/Dockerfile")), target);
    assertThat(entrypoint.get(0)).isEqualTo("/usr/bin/java");
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    for (String part : entrypoint.subList(1, entrypoint.size())) {
      command.add(
          part.replace(
                  "/app/baton-metabase.jar",
                  ROOT.resolve("dist/target/baton-metabase.jar").toString())
              .replace(
                  "/app/baton-metabase.jsa",
                  ROOT.resolve("dist/target/baton-metabase.jsa").toString()));
    }
    command.add("--version");
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).startsWith(target + " version ");

    // No arguments and no configuration: the one-line error a misconfigured pod would log.
    command.remove(command.size() - 1);
    ProcessBuilder bare = new ProcessBuilder(command).redirectErrorStream(true);
    bare.environment().keySet().removeIf(k -> k.startsWith("BATON_"));
    Process q = bare.start();
    String err = new String(q.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(q.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(q.exitValue()).isEqualTo(1);
    assertThat(err)
        .isEqualTo("error: --metabase-base-url is required (or set BATON_METABASE_BASE_URL)\n");
  }
}
