package org.batonjava.metabase.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.batonjava.metabase.connector.Provisioning.alreadyExists;
import static org.batonjava.metabase.connector.Provisioning.alreadyRevoked;
import static org.batonjava.metabase.connector.Provisioning.grant;
import static org.batonjava.metabase.connector.Provisioning.group;
import static org.batonjava.metabase.connector.Provisioning.groupEntitlement;
import static org.batonjava.metabase.connector.Provisioning.user;

import c1.connector.v2.Entitlement;
import io.grpc.Status;
import java.util.stream.Stream;
import org.batonjava.metabase.sim.MetabaseSimulator;
import org.batonjava.sdk.connector.ConnectorException;
import org.batonjava.sdk.connector.GrantProvisioner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Group-membership grant and revoke against the simulator over HTTP, on 0.49, 0.56 and newest, free
 * and paid, for the variants that serve them: every path twice (the second time idempotent),
 * manager promotion and demotion, the refusals, and that every decision is made on a fresh read.
 */
class MembershipProvisioningTest {
  record Case(
      String name, MetabaseVariant variant, String version, boolean paidBuild, boolean flag) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("v049 on 0.49 free", MetabaseVariant.V049, "0.49", false, false),
        new Case("v049 on 1.49 paid", MetabaseVariant.V049, "0.49", true, true),
        new Case("v056 on 0.56 free", MetabaseVariant.V056, "0.56", false, false),
        new Case("v056 on 1.56 paid", MetabaseVariant.V056, "0.56", true, true),
        new Case("unversioned on 0.56 free", MetabaseVariant.UNVERSIONED, "0.56", false, false),
        new Case("auto on newest free", MetabaseVariant.AUTO, "newest", false, false),
        new Case("auto on newest paid", MetabaseVariant.AUTO, "newest", true, false));
  }

  static Stream<Case> paidCases() {
    return cases().filter(Case::paidBuild);
  }

  static Stream<Case> freeCases() {
    return cases().filter(c -> !c.paidBuild());
  }

  private static GrantProvisioner groups(MetabaseSimulator sim, Case c) {
    return Provisioning.provisioner(Sims.connector(sim, c.variant(), c.flag()), "group");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void grantAndRevokeMemberTwice(Case c) {
    try (MetabaseSimulator sim = Sims.demo(c.version(), c.paidBuild())) {
      GrantProvisioner groups = groups(sim, c);
      SimMemberships state = new SimMemberships(sim);
      Entitlement analysts = groupEntitlement(3, "member");
      assertThat(state.member(5, 3)).isFalse();

      assertThat(groups.grant(user(5), analysts)).isEmpty();
      assertThat(state.member(5, 3)).isTrue();
      assertThat(state.manager(5, 3)).isFalse();
      long posts = sim.requestLog().count("POST /api/permissions/membership");
      assertThat(alreadyExists(groups.grant(user(5), analysts))).isTrue();
      assertThat(sim.requestLog().count("POST /api/permissions/membership"))
          .as("no second add")
          .isEqualTo(posts);

      assertThat(groups.revoke(grant(analysts, user(5)))).isEmpty();
      assertThat(state.member(5, 3)).isFalse();
      assertThat(state.member(5, 4)).as("other memberships stay").isTrue();
      assertThat(alreadyRevoked(groups.revoke(grant(analysts, user(5))))).isTrue();
      assertThat(sim.requestLog().count("DELETE /api/permissions/membership/:id")).isEqualTo(1);
      assertThat(sim.requestLog().count("POST /api/permissions/membership", 500))
          .as("no failed call")
          .isZero();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void aDeactivatedUserCanJoinAndUnknownIdsAreNamed(Case c) {
    try (MetabaseSimulator sim = Sims.demo(c.version(), c.paidBuild())) {
      GrantProvisioner groups = groups(sim, c);
      assertThat(groups.grant(user(8), groupEntitlement(5, "member"))).isEmpty();
      assertThat(new SimMemberships(sim).member(8, 5)).isTrue();

      assertThatThrownBy(() -> groups.grant(user(999), groupEntitlement(3, "member")))
          .isInstanceOfSatisfying(
              ConnectorException.class, e -> assertThat(e.code()).isEqualTo(Status.Code.NOT_FOUND))
          .hasMessageStartingWith("cannot add user 999 to group 3: Metabase has no user 999");
      assertThatThrownBy(() -> groups.grant(user(5), groupEntitlement(99, "member")))
          .isInstanceOfSatisfying(
              ConnectorException.class, e -> assertThat(e.code()).isEqualTo(Status.Code.NOT_FOUND))
          .hasMessageStartingWith("cannot add user 5 to group 99: Metabase has no group 99");
      assertThat(alreadyRevoked(groups.revoke(grant(groupEntitlement(99, "member"), user(5)))))
          .isTrue();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void allUsersAndNonUserPrincipalsAreRefusedBeforeAnyCall(Case c) {
    try (MetabaseSimulator sim = Sims.demo(c.version(), c.paidBuild())) {
      GrantProvisioner groups = groups(sim, c);
      long before = sim.requestLog().total();
      for (String slug : new String[] {"member", "manager"}) {
        Entitlement allUsers = groupEntitlement(1, slug);
        assertThatThrownBy(() -> groups.grant(user(5), allUsers))
            .isInstanceOfSatisfying(
                ConnectorException.class,
                e -> assertThat(e.code()).isEqualTo(Status.Code.FAILED_PRECONDITION))
            .hasMessage(
                "every Metabase user is always a member of the All Users group (group 1): nobody can join it,"
                    + " so its membership cannot be granted or revoked");
        assertThatThrownBy(() -> groups.revoke(grant(allUsers, user(5))))
            .hasMessageContaining("nobody can leave it");
      }
      assertThatThrownBy(() -> groups.grant(group(4), groupEntitlement(3, "member")))
          .isInstanceOfSatisfying(
              ConnectorException.class,
              e -> assertThat(e.code()).isEqualTo(Status.Code.INVALID_ARGUMENT))
          .hasMessage(
              "only users can be members of Metabase groups; got group:4 for group:3:member");
      assertThatThrownBy(() -> groups.grant(user(5), groupEntitlement(3, "owner")))
          .hasMessageStartingWith("unsupported entitlement id \"group:3:owner\"");
      assertThat(sim.requestLog().total()).as("no request was made").isEqualTo(before);
      assertThat(new SimMemberships(sim).member(5, 1)).isTrue();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("paidCases")
  void aMemberGrantedManagerIsPromotedAndRevokingManagerDemotes(Case c) {
    try (MetabaseSimulator sim = Sims.demo(c.version(), true)) {
      GrantProvisioner groups = groups(sim, c);
      SimMemberships state = new SimMemberships(sim);
      Entitlement financeManager = groupEntitlement(4, "manager");
      int membershipId = state.of(5, 4).orElseThrow().id();

      assertThat(groups.grant(user(5), financeManager)).isEmpty();
      assertThat(state.of(5, 4).orElseThrow().manager()).isTrue();
      assertThat(state.of(5, 4).orElseThrow().id())
          .as("the same membership, promoted")
          .isEqualTo(membershipId);
      assertThat(alreadyExists(groups.grant(user(5), financeManager))).isTrue();
      assertThat(alreadyExists(groups.grant(user(5), groupEntitlement(4, "member"))))
          .as("a manager is a member")
          .isTrue();

      assertThat(groups.revoke(grant(financeManager, user(5)))).isEmpty();
      assertThat(state.member(5, 4)).as("demoted, not removed").isTrue();
      assertThat(state.manager(5, 4)).isFalse();
      assertThat(alreadyRevoked(groups.revoke(grant(financeManager, user(5))))).isTrue();
      assertThat(state.member(5, 4)).isTrue();

      // a non-member granted manager joins as a manager; revoking member removes a manager's
      // membership
      assertThat(groups.grant(user(6), groupEntitlement(3, "manager"))).isEmpty();
      assertThat(state.manager(6, 3)).isTrue();
      assertThat(groups.revoke(grant(groupEntitlement(3, "member"), user(6)))).isEmpty();
      assertThat(state.member(6, 3)).isFalse();
      assertThat(sim.requestLog().count("PUT /api/permissions/membership/:id")).isEqualTo(2);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("paidCases")
  void anAdministratorCannotBeAManagerAndMetabaseSaysSo(Case c) {
    try (MetabaseSimulator sim = Sims.demo(c.version(), true)) {
      assertThatThrownBy(() -> groups(sim, c).grant(user(2), groupEntitlement(6, "manager")))
          .isInstanceOfSatisfying(
              ConnectorException.class,
              e -> assertThat(e.code()).isEqualTo(Status.Code.INVALID_ARGUMENT))
          .hasMessageStartingWith(
              "cannot make user 2 a manager of group 6: Metabase rejected the request")
          .hasMessageContaining("be a group manager.");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("freeCases")
  void managersOnAFreeBuildAreAClearErrorAndChangeNothing(Case c) {
    try (MetabaseSimulator sim = Sims.demo(c.version(), false)) {
      GrantProvisioner groups = groups(sim, c);
      SimMemberships state = new SimMemberships(sim);
      assertThatThrownBy(() -> groups.grant(user(5), groupEntitlement(4, "manager")))
          .isInstanceOfSatisfying(
              ConnectorException.class,
              e -> assertThat(e.code()).isEqualTo(Status.Code.FAILED_PRECONDITION))
          .hasMessageStartingWith(
              "cannot make user 5 a manager of group 4: this needs a paid Metabase plan")
          .hasMessageContaining("HTTP 402");
      assertThatThrownBy(() -> groups.grant(user(6), groupEntitlement(3, "manager")))
          .hasMessageStartingWith(
              "cannot add user 6 to group 3 as a manager: this needs a paid Metabase plan");
      assertThat(state.manager(5, 4)).isFalse();
      assertThat(state.member(6, 3)).isFalse();
      assertThat(alreadyRevoked(groups.revoke(grant(groupEntitlement(4, "manager"), user(5)))))
          .as("not a manager")
          .isTrue();
      assertThat(state.member(5, 4)).isTrue();
    }
  }
}
