package org.batonjava.metabase.users;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a page of {@code GET /api/user} in one pass over its tokens, for the page a sync reads
 * hundreds of times. It takes only the plain shape: an object whose {@code data} is a list of
 * objects, each with a whole-number {@code id}; whole numbers for {@code total}, {@code id} and
 * {@code tenant_id}; strings or null for the texts; true, false or null for the flags. Anything
 * else (a numeric string, a float, a missing field a check needs) makes it decline, and the caller
 * reads the page the general way (a tree, its shape checks and data binding), whose answer and
 * errors are therefore the only ones a page ever gets. What it does read, it reads as that way
 * would: unknown fields skipped, the last of a repeated field kept, attribute values never kept.
 */
final class UserPageReader {
  private UserPageReader() {}

  /** The page, or empty when the general way must read it. */
  static Optional<UserPage> read(JsonParser parser) throws IOException {
    if (parser.nextToken() != JsonToken.START_OBJECT) {
      return Optional.empty();
    }
    List<MetabaseUser> users = null;
    Long total = null;
    Long limit = null;
    Long offset = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      switch (field) {
        case "data" -> {
          users = users(parser, value);
          if (users == null) {
            return Optional.empty();
          }
        }
        case "total" -> {
          if (value != JsonToken.VALUE_NUMBER_INT) {
            return Optional.empty();
          }
          total = parser.getLongValue();
        }
        case "limit", "offset" -> {
          if (value != JsonToken.VALUE_NUMBER_INT && value != JsonToken.VALUE_NULL) {
            return Optional.empty();
          }
          Long number = value == JsonToken.VALUE_NULL ? null : parser.getLongValue();
          if (field.equals("limit")) {
            limit = number;
          } else {
            offset = number;
          }
        }
        default -> parser.skipChildren();
      }
    }
    if (users == null || total == null) {
      return Optional.empty();
    }
    return Optional.of(new UserPage(users, total, limit, offset));
  }

  private static List<MetabaseUser> users(JsonParser parser, JsonToken value) throws IOException {
    if (value != JsonToken.START_ARRAY) {
      return null;
    }
    List<MetabaseUser> users = new ArrayList<>();
    for (JsonToken item = parser.nextToken();
        item != JsonToken.END_ARRAY;
        item = parser.nextToken()) {
      MetabaseUser user = item == JsonToken.START_OBJECT ? user(parser) : null;
      if (user == null) {
        return null;
      }
      users.add(user);
    }
    return users;
  }

  /** One user, from its opening brace on; null to decline. */
  private static MetabaseUser user(JsonParser parser) throws IOException {
    Long id = null;
    String[] texts = new String[TEXTS.size()];
    Boolean active = null;
    Boolean superuser = null;
    Long tenant = null;
    List<String> attributes = List.of();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      int text = TEXTS.indexOf(field);
      if (text >= 0) {
        if (value != JsonToken.VALUE_STRING && value != JsonToken.VALUE_NULL) {
          return null;
        }
        texts[text] = value == JsonToken.VALUE_NULL ? null : parser.getText();
        continue;
      }
      switch (field) {
        case "id" -> {
          if (value != JsonToken.VALUE_NUMBER_INT) {
            return null;
          }
          id = parser.getLongValue();
        }
        case "is_active", "is_superuser" -> {
          if (!value.isBoolean() && value != JsonToken.VALUE_NULL) {
            return null;
          }
          Boolean flag = value == JsonToken.VALUE_NULL ? null : value == JsonToken.VALUE_TRUE;
          if (field.equals("is_active")) {
            active = flag;
          } else {
            superuser = flag;
          }
        }
        case "tenant_id" -> {
          if (value != JsonToken.VALUE_NUMBER_INT && value != JsonToken.VALUE_NULL) {
            return null;
          }
          tenant = value == JsonToken.VALUE_NULL ? null : parser.getLongValue();
        }
        case "login_attributes" -> attributes = AttributeNames.read(parser);
        default -> parser.skipChildren();
      }
    }
    if (id == null) {
      return null;
    }
    return new MetabaseUser(
        id,
        texts[0],
        texts[1],
        texts[2],
        texts[3],
        active,
        superuser,
        texts[4],
        texts[5],
        texts[6],
        tenant,
        attributes);
  }

  /** The text fields, in the order {@link MetabaseUser} takes them. */
  private static final List<String> TEXTS =
      List.of(
          "email",
          "first_name",
          "last_name",
          "common_name",
          "last_login",
          "date_joined",
          "sso_source");
}
