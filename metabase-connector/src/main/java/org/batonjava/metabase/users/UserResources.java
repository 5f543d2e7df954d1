package org.batonjava.metabase.users;

import c1.connector.v2.Resource;
import c1.connector.v2.UserTrait;
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
 * login, enabled/disabled, human account), plus the Metabase id as ExternalId.
 */
final class UserResources {
  private static final Logger LOG = LoggerFactory.getLogger(UserResources.class);

  private UserResources() {}

  static Resource toResource(MetabaseUser user) {
    String id = Long.toString(user.id());
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
    lastLogin(user).ifPresent(trait::setLastLogin);
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

  private static Optional<Timestamp> lastLogin(MetabaseUser user) {
    String text = user.lastLogin();
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    Instant at;
    try {
      at = OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException withoutOffset) {
      try {
        at = LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException unreadable) {
        LOG.debug(
            "user {}: last_login \"{}\" is not a timestamp; leaving it unset", user.id(), text);
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
