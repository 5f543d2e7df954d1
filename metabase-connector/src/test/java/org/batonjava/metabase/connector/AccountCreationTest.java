package org.batonjava.metabase.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import c1.connector.v2.AccountInfo;
import c1.connector.v2.CredentialDetailsAccountProvisioning;
import c1.connector.v2.LocalCredentialOptions;
import c1.connector.v2.PasswordConstraint;
import c1.connector.v2.UserTrait;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.grpc.Status;
import java.util.stream.Stream;
import org.batonjava.metabase.sim.MetabaseSimulator;
import org.batonjava.metabase.sim.state.SimUser;
import org.batonjava.sdk.connector.AccountCreation;
import org.batonjava.sdk.connector.AccountCreator;
import org.batonjava.sdk.connector.ConnectorException;
import org.batonjava.sdk.crypto.PasswordGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Account creation against the simulator over HTTP: a new user with a password that honours the
 * requested options (and really logs in), existing e-mails (active or deactivated, any case)
 * reported as already existing without a change, the fallbacks for the e-mail, and the refusals,
 * which happen before any request.
 */
class AccountCreationTest {
  record Case(String name, MetabaseVariant variant, String version, boolean paidBuild) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("v049 on 0.49 free", MetabaseVariant.V049, "0.49", false),
        new Case("unversioned on 0.56 free", MetabaseVariant.UNVERSIONED, "0.56", false),
        new Case("v056 on 1.56 paid", MetabaseVariant.V056, "0.56", true),
        new Case("auto on newest paid", MetabaseVariant.AUTO, "newest", true));
  }

  static AccountCreator accounts(MetabaseSimulator sim, MetabaseVariant variant) {
    return (AccountCreator) Sims.connector(sim, variant, false).resourceSyncers().get(0);
  }

  static AccountInfo profile(String email, String first, String last) {
    Struct.Builder profile = Struct.newBuilder();
    if (email != null) {
      profile.putFields("email", Value.newBuilder().setStringValue(email).build());
    }
    if (first != null) {
      profile.putFields("first_name", Value.newBuilder().setStringValue(first).build());
    }
    if (last != null) {
      profile.putFields("last_name", Value.newBuilder().setStringValue(last).build());
    }
    return AccountInfo.newBuilder().setProfile(profile).build();
  }

  static LocalCredentialOptions random(long length, PasswordConstraint... constraints) {
    LocalCredentialOptions.RandomPassword.Builder random =
        LocalCredentialOptions.RandomPassword.newBuilder().setLength(length);
    for (PasswordConstraint c : constraints) {
      random.addConstraints(c);
    }
    return LocalCredentialOptions.newBuilder().setRandomPassword(random).build();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void createsAUserWhosePasswordLogsIn(Case c) {
    try (MetabaseSimulator sim = Sims.demo(c.version(), c.paidBuild())) {
      AccountCreation created =
          accounts(sim, c.variant())
              .createAccount(profile("ann.lee@example.com", "Ann", "Lee"), random(0));

      assertThat(created.alreadyExisted()).isFalse();
      SimUser user = new SimMemberships(sim).userByEmail("ann.lee@example.com").orElseThrow();
      assertThat(created.resource().getId().getResource()).isEqualTo(Integer.toString(user.id()));
      assertThat(created.resource().getDisplayName()).isEqualTo("Ann Lee");
      assertThat(user.active()).isTrue();
      assertThat(new SimMemberships(sim).member(user.id(), 1)).as("in All Users").isTrue();
      assertThat(created.secrets()).hasSize(1);
      AccountCreation.NamedSecret secret = created.secrets().get(0);
      assertThat(secret.name()).isEqualTo("password");
      assertThat(secret.value().toString()).doesNotContain(secret.value().reveal());
      String password = secret.value().reveal();
      assertThat(password).hasSize(20);
      assertThat(password)
          .containsPattern("[A-Z]")
          .containsPattern("[a-z]")
          .containsPattern("[0-9]")
          .containsPattern("[^A-Za-z0-9]");
      assertThat(new SimAdmin(sim).canLogIn("ann.lee@example.com", password)).isTrue();
    }
  }

  @Test
  void theRequestedLengthAndCharacterClassesAreHonoured() {
    try (MetabaseSimulator sim = Sims.demo("0.56", false)) {
      AccountCreation created =
          accounts(sim, MetabaseVariant.V056)
              .createAccount(
                  profile("bo@example.com", "Bo", "Li"),
                  random(
                      32,
                      PasswordConstraint.newBuilder()
                          .setCharSet(PasswordGenerator.DIGITS)
                          .setMinCount(6)
                          .build(),
                      PasswordConstraint.newBuilder().setCharSet("XYZ").setMinCount(4).build()));
      String password = created.secrets().get(0).value().reveal();
      assertThat(password).hasSize(32);
      assertThat(password.chars().filter(Character::isDigit).count()).isGreaterThanOrEqualTo(6);
      assertThat(password.chars().filter(ch -> "XYZ".indexOf(ch) >= 0).count())
          .isGreaterThanOrEqualTo(4);
      assertThat(new SimAdmin(sim).canLogIn("bo@example.com", password)).isTrue();

      AccountCreation unset =
          accounts(sim, MetabaseVariant.V056)
              .createAccount(
                  profile("cy@example.com", "Cy", "Ng"),
                  LocalCredentialOptions.getDefaultInstance());
      assertThat(unset.secrets().get(0).value().length()).as("default length").isEqualTo(20);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void anExistingEmailActiveOrNotIsReportedNotCreated(Case c) {
    try (MetabaseSimulator sim = Sims.demo(c.version(), c.paidBuild())) {
      AccountCreator accounts = accounts(sim, c.variant());
      int users = sim.state().read(() -> sim.state().users().size());

      AccountCreation active =
          accounts.createAccount(profile("Jane.Doe@Example.com", "Jane", "Doe"), random(0));
      assertThat(active.alreadyExisted()).isTrue();
      assertThat(active.resource().getId().getResource()).isEqualTo("4");
      assertThat(active.secrets()).isEmpty();

      AccountCreation deactivated =
          accounts.createAccount(profile("linus.torvalds@example.com", "L", "T"), random(0));
      assertThat(deactivated.alreadyExisted()).isTrue();
      assertThat(deactivated.resource().getId().getResource()).isEqualTo("8");
      assertThat(deactivated.resource().getDisplayName()).isEqualTo("Linus Torvalds");
      assertThat(deactivated.secrets()).isEmpty();
      assertThat(userStatus(deactivated)).isEqualTo(UserTrait.Status.StatusValue.STATUS_DISABLED);

      assertThat(sim.state().read(() -> sim.state().users().size()))
          .as("nothing created")
          .isEqualTo(users);
      assertThat(sim.requestLog().count("POST /api/user")).isZero();
    }
  }

  private static UserTrait.Status.StatusValue userStatus(AccountCreation c) {
    return c.resource().getAnnotationsList().stream()
        .filter(a -> a.is(UserTrait.class))
        .findFirst()
        .map(
            a -> {
              try {
                return a.unpack(UserTrait.class).getStatus().getStatus();
              } catch (com.google.protobuf.InvalidProtocolBufferException e) {
                throw new AssertionError(e);
              }
            })
        .orElseThrow();
  }

  @Test
  void theEmailFallsBackToTheAccountsEmailOrLoginAndNamesAreOptional() {
    try (MetabaseSimulator sim = Sims.demo("0.49", false)) {
      AccountCreator accounts = accounts(sim, MetabaseVariant.V049);
      AccountCreation fromEmails =
          accounts.createAccount(
              AccountInfo.newBuilder()
                  .addEmails(AccountInfo.Email.newBuilder().setAddress("other@example.com"))
                  .addEmails(
                      AccountInfo.Email.newBuilder()
                          .setAddress("dee@example.com")
                          .setIsPrimary(true))
                  .setProfile(profile(null, "Dee", null).getProfile())
                  .build(),
              random(0));
      assertThat(new SimMemberships(sim).userByEmail("dee@example.com")).isPresent();
      assertThat(fromEmails.resource().getDisplayName()).as("only a first name").isEqualTo("Dee");

      AccountCreation fromLogin =
          accounts.createAccount(
              AccountInfo.newBuilder().setLogin("eve@example.com").build(), random(0));
      SimUser eve = new SimMemberships(sim).userByEmail("eve@example.com").orElseThrow();
      assertThat(eve.firstName()).isNull();
      assertThat(eve.lastName()).isNull();
      assertThat(fromLogin.resource().getDisplayName())
          .as("no names: the e-mail")
          .isEqualTo("eve@example.com");
    }
  }

  @Test
  void badRequestsAreRefusedBeforeAnyRequest() {
    try (MetabaseSimulator sim = Sims.demo("newest", false)) {
      AccountCreator accounts = accounts(sim, MetabaseVariant.AUTO);
      long before = sim.requestLog().total();
      assertThatThrownBy(() -> accounts.createAccount(profile(null, "Ann", "Lee"), random(0)))
          .isInstanceOfSatisfying(
              ConnectorException.class,
              e -> assertThat(e.code()).isEqualTo(Status.Code.INVALID_ARGUMENT))
          .hasMessageStartingWith("missing required field: email");
      assertThatThrownBy(
              () ->
                  accounts.createAccount(
                      AccountInfo.newBuilder().setLogin("ann").build(), random(0)))
          .hasMessageStartingWith("missing required field: email");
      assertThatThrownBy(
              () -> accounts.createAccount(profile("not-an-email", "Ann", "Lee"), random(0)))
          .isInstanceOfSatisfying(
              ConnectorException.class,
              e -> assertThat(e.code()).isEqualTo(Status.Code.INVALID_ARGUMENT))
          .hasMessage(
              "invalid email \"not-an-email\": Metabase needs a valid e-mail address for a user");
      assertThatThrownBy(
              () -> accounts.createAccount(profile("ann@example.com", "Ann", "Lee"), random(4)))
          .isInstanceOfSatisfying(
              ConnectorException.class,
              e -> assertThat(e.code()).isEqualTo(Status.Code.INVALID_ARGUMENT))
          .hasMessageStartingWith(
              "cannot generate the requested password: password length 4 is outside 8..1024");
      assertThatThrownBy(
              () ->
                  accounts.createAccount(
                      profile("ann@example.com", "Ann", "Lee"),
                      LocalCredentialOptions.newBuilder()
                          .setNoPassword(LocalCredentialOptions.NoPassword.getDefaultInstance())
                          .build()))
          .hasMessage(
              "Metabase accounts are created with a random or a chosen password; credential option"
                  + " no_password is not supported");
      assertThatThrownBy(
              () -> accounts.createAccount(profile("ann@example.com", "Ann", "Lee"), chosen("")))
          .isInstanceOfSatisfying(
              ConnectorException.class,
              e -> assertThat(e.code()).isEqualTo(Status.Code.INVALID_ARGUMENT))
          .hasMessage("the password chosen for the new Metabase account is empty");
      assertThat(sim.requestLog().total()).isEqualTo(before);
    }
  }

  @Test
  void aPasswordChosenByTheCallerIsUsedAndNotSentBack() {
    try (MetabaseSimulator sim = Sims.demo("0.49", false)) {
      String chosen = "Chosen-in-C1 \"pass\" 42!";
      AccountCreation created =
          accounts(sim, MetabaseVariant.V049)
              .createAccount(profile("cy@example.com", "Cy", "Ng"), chosen(chosen));
      assertThat(created.alreadyExisted()).isFalse();
      assertThat(created.secrets()).as("the caller knows the password").isEmpty();
      assertThat(new SimAdmin(sim).canLogIn("cy@example.com", chosen)).isTrue();
    }
  }

  static LocalCredentialOptions chosen(String password) {
    return LocalCredentialOptions.newBuilder()
        .setPlaintextPassword(
            LocalCredentialOptions.PlaintextPassword.newBuilder().setPlaintextPassword(password))
        .build();
  }

  @Test
  void credentialDetailsPreferARandomPasswordAndAlsoAcceptAChosenOne() {
    for (MetabaseVariant variant : MetabaseVariant.values()) {
      CredentialDetailsAccountProvisioning details =
          ((AccountCreator)
                  MetabaseConnectors.create(
                          ConnectorConfig.of(
                              variant,
                              "https://metabase.example.com",
                              org.batonjava.sdk.crypto.Secret.of("mb_x"),
                              false))
                      .resourceSyncers()
                      .get(0))
              .credentialDetails();
      assertThat(details.getSupportedCredentialOptionsList())
          .extracting(Enum::name)
          .containsExactly(
              "CAPABILITY_DETAIL_CREDENTIAL_OPTION_RANDOM_PASSWORD",
              "CAPABILITY_DETAIL_CREDENTIAL_OPTION_ENCRYPTED_PASSWORD");
      assertThat(details.getPreferredCredentialOption().name())
          .isEqualTo("CAPABILITY_DETAIL_CREDENTIAL_OPTION_RANDOM_PASSWORD");
    }
  }
}
