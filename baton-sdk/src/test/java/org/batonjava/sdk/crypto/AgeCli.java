package org.batonjava.sdk.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code age}, {@code age-keygen} (built by {@code tools/age-cli/build.sh} during the
 * Maven build, paths in the system properties {@code age.cli} and {@code age.keygen}) and the
 * system {@code ssh-keygen}. Fails, never skips, when one is missing: the build always makes the
 * first two, and OpenSSH's client is part of the machine.
 */
final class AgeCli {
  private final Path age;
  private final Path ageKeygen;

  private AgeCli(Path age, Path ageKeygen) {
    this.age = age;
    this.ageKeygen = ageKeygen;
  }

  static AgeCli fromBuild() {
    return new AgeCli(binary("age.cli"), binary("age.keygen"));
  }

  private static Path binary(String property) {
    String path = System.getProperty(property);
    if (path == null || path.isBlank()) {
      throw new IllegalStateException(
          "system property " + property + " is not set; run the tests through ./mvnw");
    }
    Path binary = Path.of(path);
    if (!Files.isExecutable(binary)) {
      throw new IllegalStateException(binary + " not found; run tools/age-cli/build.sh");
    }
    return binary;
  }

  /** The result of one run; stdout as bytes since age output may be binary. */
  @SuppressWarnings(
      "ArrayRecordComponent") // raw bytes, compared by content where it matters; never a map key
  record Result(int exitCode, byte[] stdout, String stderr) {
    String stdoutText() {
      return new String(stdout, StandardCharsets.UTF_8);
    }
  }

  /** {@code age -d -i identity file}: the decrypted bytes; fails the test if age refuses. */
  byte[] decrypt(Path identity, Path file) {
    Result r = run(List.of(age.toString(), "-d", "-i", identity.toString(), file.toString()));
    if (r.exitCode() != 0) {
      throw new AssertionError("age -d exited " + r.exitCode() + ": " + r.stderr());
    }
    return r.stdout();
  }

  Result decryptAllowingFailure(Path identity, Path file) {
    return run(List.of(age.toString(), "-d", "-i", identity.toString(), file.toString()));
  }

  /**
   * {@code age -e -R recipientsFile -o output input}: encrypts a file with the real CLI; fails if
   * age refuses.
   */
  byte[] encrypt(Path recipientsFile, Path input) throws IOException {
    Path output = Path.of(input + ".age");
    requireSuccess(
        run(
            List.of(
                age.toString(),
                "-e",
                "-R",
                recipientsFile.toString(),
                "-o",
                output.toString(),
                input.toString())),
        "age -e");
    return Files.readAllBytes(output);
  }

  /**
   * Makes an X25519 identity file with {@code age-keygen -o}; returns its recipient ({@code
   * age-keygen -y}).
   */
  String keygen(Path identityFile) {
    requireSuccess(run(List.of(ageKeygen.toString(), "-o", identityFile.toString())), "age-keygen");
    return requireSuccess(
            run(List.of(ageKeygen.toString(), "-y", identityFile.toString())), "age-keygen -y")
        .stdoutText()
        .strip();
  }

  /** {@code ssh-keygen -t type [-b bits] -N "" -f file -C test}; returns the public key line. */
  static String sshKeygen(Path privateKeyFile, String type, int bits) throws IOException {
    List<String> command = new ArrayList<>(List.of(sshKeygenBinary(), "-q", "-t", type));
    if (bits > 0) {
      command.addAll(List.of("-b", Integer.toString(bits)));
    }
    command.addAll(List.of("-N", "", "-C", "test@batonjava", "-f", privateKeyFile.toString()));
    requireSuccess(run(command), "ssh-keygen");
    return Files.readString(Path.of(privateKeyFile + ".pub"), StandardCharsets.US_ASCII).strip();
  }

  private static String sshKeygenBinary() {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":", -1)) {
      Path candidate = Path.of(dir, "ssh-keygen");
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    throw new IllegalStateException(
        "ssh-keygen is not on PATH; install the OpenSSH client (apt-get install "
            + "openssh-client)");
  }

  private static Result requireSuccess(Result r, String what) {
    if (r.exitCode() != 0) {
      throw new AssertionError(what + " exited " + r.exitCode() + ": " + r.stderr());
    }
    return r;
  }

  private static Result run(List<String> command) {
    try {
      Path out = Files.createTempFile("age-out", ".bin");
      Path err = Files.createTempFile("age-err", ".txt");
      try {
        Process p =
            new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          throw new AssertionError(command.get(0) + " did not finish in 60 s");
        }
        return new Result(
            p.exitValue(), Files.readAllBytes(out), Files.readString(err, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new AssertionError("could not run " + command.get(0), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
