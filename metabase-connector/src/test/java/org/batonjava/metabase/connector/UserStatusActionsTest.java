package org.batonjava.metabase.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.protobuf.util.JsonFormat;
import io.grpc.Status;
import java.util.Locale;
import java.util.stream.Stream;
import org.batonjava.metabase.sim.MetabaseSimulator;
import org.batonjava.sdk.connector.ActionHandler;
import org.batonjava.sdk.connector.ConnectorException;
import org.batonjava.sdk.crypto.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code enable_user} / {@code disable_user} against the simulator over HTTP on 0.49, 0.56 and
 * newest: the Go schemas, idempotence without a failing call on every version, deactivated users
 * read the way each version needs, unknown users and bad arguments.
 */
class UserStatusActionsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * @param validated whether {@code validate()} ran first (the server's version is then known)
   * @param listsDeactivated whether the deactivated-user list is read to see a deactivated user
   *     (only 0.49–0.50 hide them from {@code GET /api/user/:id})
   */
  record Case(
      String name,
      MetabaseVariant variant,
      String version,
      boolean paid,
      boolean validated,
      boolean listsDeactivated) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("v049 on 0.49 free", MetabaseVariant.V049, "0.49", false, false, true),
        new Case("v049 on 0.49 free, validated", MetabaseVariant.V049, "0.49", false, true, true),
        new Case(
            "unversioned on 0.49 free", MetabaseVariant.UNVERSIONED, "0.49", false, false, true),
        new Case("v056 on 0.56 free, validated", MetabaseVariant.V056, "0.56", false, true, false),
        new Case("auto on 1.56 paid, validated", MetabaseVariant.AUTO, "0.56", true, true, false),
        new Case(
            "unversioned on newest free",
            MetabaseVariant.UNVERSIONED,
            "newest",
            false,
            false,
            false),
        new Case(
            "auto on newest free, validated", MetabaseVariant.AUTO, "newest", false, true, false));
  }

  private static ActionHandler action(MetabaseConnector connector, String name) {
    return connector.actions().stream()
        .filter(a -> a.schema().getName().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static Struct userId(String id) {
    return Struct.newBuilder()
        .putFields("userId", Value.newBuilder().setStringValue(id).build())
        .build();
  }

  private static final Struct SUCCESS =
      Struct.newBuilder()
          .putFields("success", Value.newBuilder().setBoolValue(true).build())
          .build();

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void disableAndEnableAreIdempotentWithoutAFailingCall(Case c) {
    try (MetabaseSimulator sim = Sims.demo(c.version(), c.paid())) {
      MetabaseConnector connector = Sims.connector(sim, c.variant(), false);
      if (c.validated()) {
        connector.validate();
      }
      ActionHandler enable = action(connector, "enable_user");
      ActionHandler disable = action(connector, "disable_user");
      SimMemberships state = new SimMemberships(sim);

      assertThat(disable.invoke(userId("7"))).isEqualTo(SUCCESS);
      assertThat(state.active(7)).isFalse();
      assertThat(disable.invoke(userId("7"))).as("already inactive").isEqualTo(SUCCESS);
      assertThat(state.active(7)).isFalse();
      assertThat(enable.invoke(userId("7"))).isEqualTo(SUCCESS);
      assertThat(state.active(7)).isTrue();
      assertThat(enable.invoke(userId("7"))).as("already active").isEqualTo(SUCCESS);
      // Linus (8) is deactivated in the demo data; a number is accepted for the id too
      assertThat(
              enable.invoke(
                  Struct.newBuilder()
                      .putFields("userId", Value.newBuilder().setNumberValue(8).build())
                      .build()))
          .isEqualTo(SUCCESS);
      assertThat(state.active(8)).isTrue();

      assertThat(sim.requestLog().count("DELETE /api/user/:id"))
          .as("one deactivation")
          .isEqualTo(1);
      assertThat(sim.requestLog().count("PUT /api/user/:id/reactivate"))
          .as("two reactivations")
          .isEqualTo(2);
      assertThat(sim.requestLog().count("DELETE /api/user/:id", 500)).isZero();
      assertThat(sim.requestLog().count("PUT /api/user/:id/reactivate", 400)).isZero();
      assertThat(sim.requestLog().count("GET /api/user") > 0)
          .as("deactivated list consulted")
          .isEqualTo(c.listsDeactivated());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void anUnknownUserIsNotFound(Case c) {
    try (MetabaseSimulator sim = Sims.demo(c.version(), c.paid())) {
      MetabaseConnector connector = Sims.connector(sim, c.variant(), false);
      if (c.validated()) {
        connector.validate();
      }
      long lists = sim.requestLog().count("GET /api/user");
      for (String name : new String[] {"enable_user", "disable_user"}) {
        assertThatThrownBy(() -> action(connector, name).invoke(userId("999")))
            .isInstanceOfSatisfying(
                ConnectorException.class,
                e -> assertThat(e.code()).isEqualTo(Status.Code.NOT_FOUND))
            .hasMessage(
                "Metabase has no user 999 (check the userId argument: it is the user's Metabase id, the"
                    + " resource id of a synced user)");
      }
      assertThat(
              sim.requestLog().count("DELETE /api/user/:id")
                  + sim.requestLog().count("PUT /api/user/:id/reactivate"))
          .as("no change attempted")
          .isZero();
      // a 404 settles it when the version is known to return deactivated users; otherwise the list
      // is checked
      long expected = !c.validated() || c.listsDeactivated() ? lists + 2 : lists;
      assertThat(sim.requestLog().count("GET /api/user")).isEqualTo(expected);
    }
  }

  @Test
  void badArgumentsAreRefusedBeforeAnyRequest() {
    try (MetabaseSimulator sim = Sims.demo("0.56", false)) {
      MetabaseConnector connector = Sims.connector(sim, MetabaseVariant.V056, false);
      ActionHandler disable = action(connector, "disable_user");
      assertThatThrownBy(() -> disable.invoke(Struct.getDefaultInstance()))
          .isInstanceOfSatisfying(
              ConnectorException.class,
              e -> assertThat(e.code()).isEqualTo(Status.Code.INVALID_ARGUMENT))
          .hasMessage("missing required argument userId");
      assertThatThrownBy(() -> disable.invoke(userId(" "))).hasMessage("userId cannot be empty");
      assertThatThrownBy(() -> disable.invoke(userId("abc")))
          .hasMessage("userId must be a Metabase user id (a positive whole number), got \"abc\"");
      assertThatThrownBy(
              () ->
                  disable.invoke(
                      Struct.newBuilder()
                          .putFields("userId", Value.newBuilder().setBoolValue(true).build())
                          .build()))
          .hasMessage("userId cannot be empty");
      assertThat(sim.requestLog().total()).isZero();
    }
  }

  @Test
  void schemasAreTheGoConnectorsOnes() throws Exception {
    MetabaseConnector connector =
        MetabaseConnectors.create(
            ConnectorConfig.of(
                MetabaseVariant.V049, "https://metabase.example.com", Secret.of("mb_x"), false));
    assertThat(connector.actions())
        .extracting(a -> a.schema().getName())
        .containsExactly("enable_user", "disable_user");
    for (String kind : new String[] {"enable", "disable"}) {
      String expected =
          "{\"name\":\""
              + kind
              + "_user\","
              + "\"arguments\":[{\"name\":\"userId\",\"displayName\":\"User ID\",\"isRequired\":true,\"stringField\":{}}],"
              + "\"returnTypes\":[{\"name\":\"success\",\"displayName\":\"Success\",\"boolField\":{}}],"
              + "\"actionType\":[\"ACTION_TYPE_ACCOUNT\",\"ACTION_TYPE_ACCOUNT_"
              + kind.toUpperCase(Locale.ROOT)
              + "\"]}";
      assertThat(
              JSON.readTree(JsonFormat.printer().print(action(connector, kind + "_user").schema())))
          .isEqualTo(JSON.readTree(expected));
    }
  }
}
