package org.batonjava.metabase.apikeys;

import c1.connector.v2.Resource;
import c1.connector.v2.ResourceType;
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
import org.batonjava.sdk.connector.ResourceBuilder;

/**
 * An API key as a Baton {@code api_key} resource: a non-human account, i.e. a user trait with
 * account type SERVICE (so that access reviews list it among the identities that hold access, next
 * to people), status enabled (Metabase lists only live keys), login = the key's name. Profile:
 * {@code masked_key}, {@code group_id}, {@code group_name}, {@code is_admin}, {@code created_at},
 * {@code updated_at}, {@code updated_by_id}, {@code updated_by_name}. A key in Administrators is a
 * full administrator credential: {@code is_admin} is true and its description says so. Resource id
 * and ExternalId are the key's id (never the pseudo-user's, which Metabase does not expose).
 */
public final class ApiKeyResources {
  /**
   * The {@code api_key} resource type: user trait, because a key holds access the way a person
   * does.
   */
  public static final ResourceType API_KEY =
      ResourceType.newBuilder()
          .setId("api_key")
          .setDisplayName("API Key")
          .addTraits(ResourceType.Trait.TRAIT_USER)
          .build();

  /** The Administrators group: a key there can do everything an administrator can. */
  static final long ADMINISTRATORS = 2;

  private ApiKeyResources() {}

  public static Resource toResource(ApiKey key) {
    String id = Long.toString(key.id());
    boolean admin = key.groupId() == ADMINISTRATORS;
    Struct.Builder profile =
        Struct.newBuilder()
            .putFields("masked_key", text(key.maskedKey()))
            .putFields(
                "group_id", Value.newBuilder().setNumberValue((double) key.groupId()).build())
            .putFields("group_name", text(key.groupName()))
            .putFields("is_admin", Value.newBuilder().setBoolValue(admin).build())
            .putFields("created_at", text(key.createdAt()))
            .putFields("updated_at", text(key.updatedAt()));
    if (key.updatedBy() != null && key.updatedBy().id() != null) {
      profile.putFields(
          "updated_by_id", Value.newBuilder().setNumberValue(key.updatedBy().id()).build());
      profile.putFields("updated_by_name", text(key.updatedBy().commonName()));
    }
    UserTrait.Builder trait =
        UserTrait.newBuilder()
            .setAccountType(UserTrait.AccountType.ACCOUNT_TYPE_SERVICE)
            .setStatus(
                UserTrait.Status.newBuilder()
                    .setStatus(UserTrait.Status.StatusValue.STATUS_ENABLED))
            .setLogin(key.nameOrEmpty())
            .setProfile(profile);
    timestamp(key.createdAt()).ifPresent(trait::setCreatedAt);
    String name = key.nameOrEmpty().isBlank() ? "API key " + id : key.nameOrEmpty();
    String description =
        admin
            ? "Metabase API key in Administrators: a full administrator credential"
            : "Metabase API key in group " + key.groupName();
    return ResourceBuilder.of(API_KEY.getId(), id, name)
        .description(description)
        .userTrait(trait.build())
        .externalId(id)
        .build();
  }

  private static Value text(String s) {
    return Value.newBuilder().setStringValue(s == null ? "" : s).build();
  }

  static Optional<Timestamp> timestamp(String text) {
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
        return Optional.empty();
      }
    }
    return Optional.of(
        Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()).build());
  }
}
