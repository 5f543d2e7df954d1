package org.batonjava.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewAndChangesTest {
  /** A login a day ago: recent for any dormancy threshold. */
  private static Instant recent() {
    return Instant.now().minusSeconds(86_400);
  }

  /** A login 200 days ago: dormant at the default threshold. */
  private static Instant longAgo() {
    return Instant.now().minusSeconds(200L * 86_400);
  }

  @TempDir Path dir;

  private static TenantFile base() {
    return new TenantFile()
        .user("1", "Ada Admin", "ada@example.com", true, recent())
        .user("2", "Dormant Dan", "dan@example.com", true, longAgo())
        .user("3", "Never Nora", "nora@example.com", true, null)
        .user("4", "Gone Gil", "gil@example.com", false, recent())
        .apiKey("7", "Backup key")
        .group("1", "All Users")
        .group("2", "Administrators")
        .group("3", "Analysts")
        .resource("database", "2", "Finance", "query-builder", "query-builder-and-native")
        .grant("group:1:member", "user:1")
        .grant("group:1:member", "user:2")
        .grant("group:1:member", "user:3")
        .grant("group:1:member", "user:4")
        .grant("group:2:member", "user:1")
        .grant("group:2:member", "api_key:7")
        .grant("group:3:member", "user:2")
        .grant("group:3:member", "user:4")
        .groupGrant("database:2:query-builder", "3")
        .groupGrant("database:2:query-builder-and-native", "2");
  }

  private Review review(TenantFile tenant, String name) {
    return new Review(
        new EffectiveAccess(
            new ModelReader(EmailRedactor.none()).read(tenant.write(dir.resolve(name)))),
        90);
  }

  @Test
  void figuresOfTheReview() {
    Review review = review(base(), "a.c1z");

    assertThat(review.count(f -> f.admin() && !f.account().apiKey())).isEqualTo(1);
    assertThat(review.count(f -> f.admin() && f.account().apiKey())).isEqualTo(1);
    assertThat(review.accounts())
        .filteredOn(Review.AccountFacts::dormant)
        .extracting(f -> f.account().name())
        .containsExactly("Dormant Dan");
    // Nora never logged in; she has no resource, but is still listed as never logged in.
    assertThat(review.accounts())
        .filteredOn(Review.AccountFacts::neverLoggedIn)
        .extracting(f -> f.account().name())
        .containsExactly("Never Nora");
    assertThat(review.accounts())
        .filteredOn(Review.AccountFacts::deactivatedInGroups)
        .extracting(f -> f.account().name())
        .containsExactly("Gone Gil");
    assertThat(review.groupCount()).isEqualTo(3);
    int finance = review.model().target("database:2").orElseThrow();
    // Highest level: Ada (admin) at native, Dan and Gil at query-builder, the API key at native.
    assertThat(review.highestCount(finance, 0)).isEqualTo(2);
    assertThat(review.highestCount(finance, 1)).isEqualTo(2);
  }

  @Test
  void changesListGrantsAccountsAndNewAdmins() {
    Review before = review(base(), "before.c1z");
    Review after =
        review(
            base()
                .user("5", "New Ned", "ned@example.com", true, recent())
                .grant("group:1:member", "user:5")
                .grant("group:3:member", "user:3")
                .grant("group:2:member", "user:5"),
            "after.c1z");

    List<Changes.Change> changes = new Changes(before, after).list();

    assertThat(changes)
        .extracting(
            Changes.Change::kind,
            Changes.Change::who,
            Changes.Change::target,
            Changes.Change::level,
            Changes.Change::through)
        .contains(
            org.assertj.core.groups.Tuple.tuple("account added", "New Ned", "", "", ""),
            org.assertj.core.groups.Tuple.tuple("new admin", "New Ned", "", "", "direct"),
            org.assertj.core.groups.Tuple.tuple(
                "granted", "Never Nora", "Analysts", "member", "direct"),
            org.assertj.core.groups.Tuple.tuple(
                "granted", "Never Nora", "Finance", "query-builder", "Analysts"),
            org.assertj.core.groups.Tuple.tuple(
                "granted", "New Ned", "Finance", "query-builder-and-native", "Administrators"));
    assertThat(changes).noneMatch(c -> c.kind().equals("removed"));

    List<Changes.Change> back = new Changes(after, before).list();
    assertThat(back)
        .extracting(Changes.Change::kind, Changes.Change::who, Changes.Change::target)
        .contains(
            org.assertj.core.groups.Tuple.tuple("removed", "Never Nora", "Finance"),
            org.assertj.core.groups.Tuple.tuple("account removed", "New Ned", ""));
  }

  @Test
  void deactivationIsAChange() {
    Review before = review(base(), "before.c1z");
    Review after =
        review(
            new TenantFile()
                .user("1", "Ada Admin", "ada@example.com", false, recent())
                .group("2", "Administrators")
                .grant("group:2:member", "user:1"),
            "after.c1z");
    assertThat(new Changes(before, after).list())
        .extracting(Changes.Change::kind, Changes.Change::who)
        .contains(org.assertj.core.groups.Tuple.tuple("deactivated", "Ada Admin"));
  }
}
