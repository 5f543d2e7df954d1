package org.batonjava.metabase.users;

import c1.connector.v2.Resource;
import c1.connector.v2.UserTrait;
import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Timestamp;
import com.google.protobuf.Value;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.batonjava.metabase.resources.ResourceTypes;
import org.batonjava.sdk.connector.ResourceBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Metabase user as a Baton {@code user} resource: id = the Metabase id, the Go connectors' user
 * trait (e-mail as primary e-mail and login, profile {@code first_name}/{@code last_name}, last
 * login, enabled/disabled, human account), plus the Metabase id as ExternalId. With extended access
 * ({@link #withTraits}) the profile also carries {@code is_superuser}, {@code sso_source} (absent =
 * password login), {@code attribute_names} (the names of the login attributes that feed sandboxes
 * and impersonation; never their values), {@code date_joined} (also the trait's creation time) and
 * {@code tenant_id} where Metabase has tenants.
 */
final class UserResources {
  private static final Logger LOG = LoggerFactory.getLogger(UserResources.class);

  private UserResources() {}

  static Resource toResource(MetabaseUser user) {
    return build(user, trait(user));
  }

  /** The Go shape plus the review traits of extended access. */
  static Resource withTraits(MetabaseUser user) {
    UserTrait.Builder trait = trait(user);
    Struct.Builder profile =
        trait.getProfile().toBuilder()
            .putFields("is_superuser", Value.newBuilder().setBoolValue(user.superuser()).build());
    if (user.ssoSource() != null && !user.ssoSource().isBlank()) {
      profile.putFields("sso_source", Value.newBuilder().setStringValue(user.ssoSource()).build());
    }
    if (!user.attributeNames().isEmpty()) {
      ListValue.Builder names = ListValue.newBuilder();
      user.attributeNames().forEach(n -> names.addValues(Value.newBuilder().setStringValue(n)));
      profile.putFields("attribute_names", Value.newBuilder().setListValue(names).build());
    }
    Optional<Timestamp> joined = timestamp(user.id(), "date_joined", user.dateJoined());
    if (joined.isPresent()) {
      profile.putFields(
          "date_joined", Value.newBuilder().setStringValue(user.dateJoined()).build());
      trait.setCreatedAt(joined.get());
    }
    if (user.tenantId() != null) {
      profile.putFields("tenant_id", Value.newBuilder().setNumberValue(user.tenantId()).build());
    }
    return build(user, trait.setProfile(profile));
  }

  private static UserTrait.Builder trait(MetabaseUser user) {
    UserTrait.Builder trait =
        UserTrait.newBuilder()
            .setStatus(
                UserTrait.Status.newBuilder()
                    .setStatus(
                        user.active()
                            ? UserTrait.Status.StatusValue.STATUS_ENABLED
                            : UserTrait.Status.StatusValue.STATUS_DISABLED))
            .setProfile(
                Struct.newBuilder()
                    .putFields(
                        "first_name",
                        Value.newBuilder().setStringValue(orEmpty(user.firstName())).build())
                    .putFields(
                        "last_name",
                        Value.newBuilder().setStringValue(orEmpty(user.lastName())).build()))
            .setAccountType(UserTrait.AccountType.ACCOUNT_TYPE_HUMAN);
    String email = orEmpty(user.email());
    if (!email.isEmpty()) {
      trait.addEmails(UserTrait.Email.newBuilder().setAddress(email).setIsPrimary(true));
      trait.setLogin(email);
    }
    timestamp(user.id(), "last_login", user.lastLogin()).ifPresent(trait::setLastLogin);
    return trait;
  }

  private static Resource build(MetabaseUser user, UserTrait.Builder trait) {
    String id = Long.toString(user.id());
    return ResourceBuilder.of(ResourceTypes.USER.getId(), id, displayName(user))
        .userTrait(trait.build())
        .externalId(id)
        .build();
  }

  /**
   * {@code "<first> <last>"} exactly as the Go connectors print it when both names are set;
   * otherwise the name that is set, else the e-mail, else {@code User <id>} (where Go would show
   * {@code " "}, {@code "Ana "}).
   */
  static String displayName(MetabaseUser user) {
    String first = orEmpty(user.firstName());
    String last = orEmpty(user.lastName());
    if (!first.isBlank() && !last.isBlank()) {
      return first + " " + last;
    }
    if (!first.isBlank() || !last.isBlank()) {
      return (first + " " + last).trim();
    }
    if (!orEmpty(user.email()).isBlank()) {
      return user.email();
    }
    if (!orEmpty(user.commonName()).isBlank()) {
      return user.commonName();
    }
    return "User " + user.id();
  }

  private static Optional<Timestamp> timestamp(long userId, String field, String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    Optional<Instant> common = IsoInstant.parse(text);
    Instant at;
    try {
      at = common.isPresent() ? common.get() : OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException withoutOffset) {
      try {
        at = LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException unreadable) {
        LOG.debug("user {}: {} \"{}\" is not a timestamp; leaving it unset", userId, field, text);
        return Optional.empty();
      }
    }
    return Optional.of(
        Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()).build());
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
