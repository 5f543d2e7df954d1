package org.batonjava.sdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One-shot account creation: the password never shows in plain text, and reaches a recipient
 * encrypted.
 */
class AccountCreationCommandTest {
  @TempDir Path dir;
  CliHarness cli;
  FakeMetabaseConnector connector;

  @BeforeEach
  void setUp() {
    cli = new CliHarness(dir).withRequiredEnv();
    connector = new FakeMetabaseConnector(false);
    cli.connector = connector;
  }

  @Test
  void withoutARecipientThePasswordIsUnrecoverableAndUnprinted() {
    assertThat(
            cli.run("--create-account-login", "ann", "--create-account-email", "ann@example.com"))
        .as(cli.err())
        .isZero();
    assertThat(cli.out())
        .isEqualTo(
            "created account user:100 (ann@example.com) for ann@example.com; its password was"
                + " encrypted to a throw-away key and cannot be recovered (pass --create-account-recipient to receive it)\n");
    assertThat(connector.users.lastPassword).hasSize(20);
    assertThat(cli.out() + cli.err()).doesNotContain(connector.users.lastPassword);
  }

  @Test
  void anEmailGivenOnlyInTheProfileNamesTheAccount() {
    assertThat(cli.run("--create-account-profile", "{\"email\":\"eve@example.com\"}"))
        .as(cli.err())
        .isZero();
    assertThat(cli.out())
        .startsWith("created account user:100 (eve@example.com) for eve@example.com; its password");
  }

  @Test
  void theRecipientDecryptsThePasswordWithTheAgeCli() throws Exception {
    Path identity = ageKeygen();
    String recipient =
        Files.readAllLines(identity).stream()
            .filter(l -> l.startsWith("# public key: "))
            .findFirst()
            .orElseThrow()
            .substring("# public key: ".length());
    assertThat(
            cli.run(
                "--create-account-login",
                "bo",
                "--create-account-email",
                "bo@example.com",
                "--create-account-recipient",
                recipient))
        .as(cli.err())
        .isZero();
    String out = cli.out();
    assertThat(out)
        .startsWith(
            "created account user:100 (bo@example.com) for bo@example.com; its encrypted password follows\n")
        .contains("-----BEGIN AGE ENCRYPTED FILE-----");
    assertThat(out + cli.err()).doesNotContain(connector.users.lastPassword);
    Path armored = dir.resolve("pw.age");
    Files.writeString(armored, out.substring(out.indexOf("-----BEGIN")));
    assertThat(ageDecrypt(identity, armored)).isEqualTo(connector.users.lastPassword);
  }

  @Test
  void theEncryptedPasswordCanGoToAnOwnerOnlyFile() throws Exception {
    Path identity = ageKeygen();
    String recipient =
        Files.readAllLines(identity).stream()
            .filter(l -> l.startsWith("# public key: "))
            .findFirst()
            .orElseThrow()
            .substring("# public key: ".length());
    assertThat(
            cli.run(
                "--create-account-profile",
                "{\"email\":\"cy@example.com\",\"first_name\":\"Cy\"}",
                "--create-account-email",
                "cy@example.com",
                "--create-account-recipient",
                recipient,
                "--create-account-output",
                "cy.age"))
        .as(cli.err())
        .isZero();
    Path file = dir.resolve("cy.age");
    assertThat(cli.out())
        .isEqualTo(
            "created account user:100 (cy@example.com) for cy@example.com; its encrypted password is in "
                + file
                + "\n");
    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(ageDecrypt(identity, file)).isEqualTo(connector.users.lastPassword);
  }

  @Test
  void anExistingAccountIsReportedNotRecreated() {
    assertThat(cli.run("--create-account-login", "di", "--create-account-email", "di@example.com"))
        .isZero();
    assertThat(cli.run("--create-account-login", "di", "--create-account-email", "di@example.com"))
        .isZero();
    assertThat(cli.out())
        .isEqualTo(
            "an account for di@example.com already exists: user:100 (di@example.com); nothing changed\n");
  }

  @Test
  void badProfileAndBadRecipientAreOneLine() {
    assertThat(
            cli.run("--create-account-profile", "[1]", "--create-account-email", "x@example.com"))
        .isEqualTo(1);
    assertThat(cli.err())
        .startsWith("error: --create-account-profile must be a JSON object")
        .endsWith("\n")
        .hasLineCount(1);
    assertThat(
            cli.run(
                "--create-account-login",
                "x",
                "--create-account-email",
                "x@example.com",
                "--create-account-recipient",
                "not-a-key"))
        .isEqualTo(1);
    assertThat(cli.err()).startsWith("error: recipient is not an age1").hasLineCount(1);
  }

  private Path ageKeygen() throws Exception {
    Path identity = dir.resolve("identity.txt");
    Process p =
        new ProcessBuilder(System.getProperty("age.keygen"), "-o", identity.toString())
            .redirectErrorStream(true)
            .start();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    return identity;
  }

  private static String ageDecrypt(Path identity, Path file) throws Exception {
    Process p =
        new ProcessBuilder(
                System.getProperty("age.cli"), "-d", "-i", identity.toString(), file.toString())
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(err).isZero();
    return out;
  }
}
