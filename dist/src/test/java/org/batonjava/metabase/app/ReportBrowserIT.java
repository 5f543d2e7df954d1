package org.batonjava.metabase.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.batonjava.metabase.sim.MetabaseSimulator;
import org.batonjava.metabase.sim.data.Dataset;
import org.batonjava.metabase.sim.state.SimState;
import org.batonjava.metabase.sim.state.SimUser;
import org.batonjava.metabase.sim.state.UserFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;

/**
 * The report as a reviewer gets it: two real syncs of the simulator through the packaged launcher
 * with a database grant made between them (by the connector's own provisioning), {@code
 * bin/baton-metabase report --previous}, and the page opened in a real headless Chromium: the
 * figures match the simulator, filtering a table works, and the change section lists the grant. A
 * screenshot is kept as target/report-e2e.png.
 */
class ReportBrowserIT {
  private static final Path ROOT =
      Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();

  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  Run run(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(ROOT.resolve("bin/baton-metabase").toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("BATON_"));
    Path out = dir.resolve("stdout.txt");
    Path err = dir.resolve("stderr.txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("baton-metabase finished").isTrue();
    return new Run(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void aReviewerSeesTheSimulatorsFiguresFiltersAndTheGrantMadeBetweenSyncs() throws Exception {
    try (MetabaseSimulator sim =
        MetabaseSimulator.builder().version("0.56").dataset(Dataset.demo()).port(0).start()) {
      List<String> connect =
          List.of(
              "--metabase-base-url",
              sim.baseUrl(),
              "--metabase-api-key",
              sim.adminApiKey(),
              "--metabase-version",
              "auto",
              "--log-format",
              "console",
              "--file",
              "sync.c1z");
      Run first = run(connect.toArray(String[]::new));
      assertThat(first.code()).as(first.err()).isZero();
      Files.copy(dir.resolve("sync.c1z"), dir.resolve("before.c1z"));
      // Marketing (group 5) gets query-builder on Product Events (database 4), which nobody had.
      List<String> grant = new ArrayList<>(connect);
      grant.addAll(
          List.of(
              "--grant-entitlement",
              "database:4:query-builder",
              "--grant-principal",
              "5",
              "--grant-principal-type",
              "group"));
      Run granted = run(grant.toArray(String[]::new));
      assertThat(granted.code()).as(granted.err()).isZero();
      Run second = run(connect.toArray(String[]::new));
      assertThat(second.code()).as(second.err()).isZero();

      Run report =
          run(
              "report",
              "--file",
              "sync.c1z",
              "--previous",
              "before.c1z",
              "--output",
              "report.html",
              "--csv",
              "csv");
      assertThat(report.code()).as(report.err()).isZero();
      assertThat(report.out()).contains("report.html");

      Expected expected = Expected.of(sim.state());
      try (Browser browser = Browser.open()) {
        browser.driver().manage().window().setSize(new Dimension(1400, 1000));
        browser.driver().get(dir.resolve("report.html").toUri().toString());
        browser.waitUntil(
            () ->
                "true"
                    .equals(
                        browser
                            .driver()
                            .findElement(By.tagName("body"))
                            .getAttribute("data-ready")));

        assertThat(figure(browser, "active-users")).isEqualTo(expected.active());
        assertThat(figure(browser, "deactivated-users")).isEqualTo(expected.deactivated());
        assertThat(figure(browser, "groups")).isEqualTo(expected.groups());
        assertThat(figure(browser, "admin-people")).isEqualTo(expected.admins());
        assertThat(figure(browser, "api-keys")).isEqualTo(expected.apiKeys());
        assertThat(figure(browser, "admin-api-keys")).isEqualTo(expected.adminKeys());
        assertThat(figure(browser, "never-logged-in")).isEqualTo(expected.never());
        assertThat(figure(browser, "dormant")).isEqualTo(expected.dormant());

        // Filtering the people table by a name leaves that person only.
        WebElement people = browser.driver().findElement(By.id("accounts-table"));
        // People and API keys: every person, active or not, and every key (keys are non-human
        // accounts).
        assertThat(people.getAttribute("data-rows"))
            .isEqualTo(
                Integer.toString(expected.active() + expected.deactivated() + expected.apiKeys()));
        WebElement filter = people.findElement(By.cssSelector("input.filter"));
        filter.sendKeys("grace");
        browser.waitUntil(() -> "1".equals(people.getAttribute("data-rows")));
        assertThat(people.findElement(By.cssSelector("tbody tr")).getText())
            .contains("Grace Hopper");
        // Clicking her row shows what she can reach and why.
        people.findElement(By.cssSelector("tbody tr")).click();
        WebElement detail = browser.driver().findElement(By.id("account-detail"));
        assertThat(detail.getText())
            .contains("Finance Warehouse")
            .contains("query-builder-and-native")
            .contains("Administrators");

        // The change section lists the grant made between the syncs, to the group and through it to
        // its members.
        WebElement changes = browser.driver().findElement(By.id("changes-table"));
        String changeText = changes.getText();
        assertThat(changeText)
            .contains("granted Marketing group")
            .contains("Product Events query-builder direct");
        assertThat(figure(browser, "granted")).isEqualTo(1 + expected.marketingMembers());
        assertThat(figure(browser, "removed")).isZero();
        WebElement changeFilter = changes.findElement(By.cssSelector("input.filter"));
        changeFilter.sendKeys("Maria");
        browser.waitUntil(() -> "1".equals(changes.getAttribute("data-rows")));
        assertThat(changes.findElement(By.cssSelector("tbody tr")).getText())
            .contains("Maria Garcia")
            .contains("Product Events")
            .contains("Marketing");
        // The screenshot shows the page as it opens.
        browser.driver().navigate().refresh();
        browser.waitUntil(
            () ->
                "true"
                    .equals(
                        browser
                            .driver()
                            .findElement(By.tagName("body"))
                            .getAttribute("data-ready")));
        long height =
            (Long) browser.driver().executeScript("return document.documentElement.scrollHeight");
        browser
            .driver()
            .manage()
            .window()
            .setSize(new Dimension(1400, (int) Math.min(height + 100, 6000)));
        Path shot = Path.of("target/report-e2e.png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, browser.driver().getScreenshotAs(OutputType.BYTES));
      }
      assertThat(Files.readString(dir.resolve("csv/changes.csv")))
          .contains("granted,Marketing,group,,Database,Product Events,query-builder,direct");
      assertThat(Files.readString(dir.resolve("report.html"))).doesNotContain(sim.adminApiKey());
    }
  }

  private static int figure(Browser browser, String id) {
    return Integer.parseInt(
        browser
            .driver()
            .findElement(By.cssSelector("[data-figure='" + id + "'] .value"))
            .getText()
            .trim());
  }

  /** The figures as the simulator's own state has them. */
  record Expected(
      int active,
      int deactivated,
      int apiKeys,
      int adminKeys,
      int groups,
      int admins,
      int never,
      int dormant,
      int marketingMembers) {
    static Expected of(SimState state) {
      return state.read(
          () -> {
            List<SimUser> active =
                state
                    .listUsers(new UserFilter(UserFilter.Status.ACTIVE, null, null), 0, null)
                    .users();
            List<SimUser> all =
                state.listUsers(new UserFilter(UserFilter.Status.ALL, null, null), 0, null).users();
            Instant dormantBefore = Instant.now().minus(Duration.ofDays(90));
            int admins = (int) active.stream().filter(u -> state.isSuperuser(u.id())).count();
            int never = (int) active.stream().filter(u -> u.lastLogin() == null).count();
            // Everyone is in All Users, which can query the Sample Database: every active person
            // has access.
            int dormant =
                (int)
                    active.stream()
                        .filter(u -> u.lastLogin() != null && u.lastLogin().isBefore(dormantBefore))
                        .count();
            int marketing = state.membershipsIn(state.groupByName("Marketing").id()).size();
            int apiKeys = state.credentials().keys().size();
            int adminKeys =
                (int) state.credentials().keys().stream().filter(k -> k.groupId() == 2).count();
            return new Expected(
                active.size(),
                all.size() - active.size(),
                apiKeys,
                adminKeys,
                state.groupsByName().size(),
                admins,
                never,
                dormant,
                marketing);
          });
    }
  }
}
