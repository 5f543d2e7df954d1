package org.batonjava.metabase.groups;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.OptionalLong;
import org.batonjava.metabase.http.MetabaseJson;

/**
 * Reads the answer of {@code GET /api/permissions/membership} in one pass over its tokens, for the
 * answer a sync reads once and that grows with the users (24 MB for 50,000 users). It takes only
 * the plain shape: an object whose keys are user ids, each a list of objects with whole numbers (or
 * null) for {@code membership_id} and {@code user_id}, a whole number for {@code group_id}, and
 * true, false or null for {@code is_group_manager}. Anything else (a key that is not an id, a
 * numeric string, a float, a missing group) makes it decline, and the caller reads the answer again
 * the general way (data binding per row), whose result and errors are therefore the only ones an
 * answer ever gets. A field of the four given twice in one row declines too: data binding keeps the
 * last, or fails the row once all four were read before it. What it does read, it reads as that way
 * would: unknown fields skipped.
 */
final class MembershipAnswerReader {
  private MembershipAnswerReader() {}

  /**
   * Hands every row to {@code visitor}, in the answer's order; false when the answer has another
   * shape, after handing over the rows before the first that was not plain.
   */
  static boolean read(JsonParser parser, MembershipVisitor visitor) throws IOException {
    if (parser.nextToken() != JsonToken.START_OBJECT) {
      return false;
    }
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      OptionalLong userId = MetabaseJson.parseId(parser.currentName());
      if (userId.isEmpty() || parser.nextToken() != JsonToken.START_ARRAY) {
        return false;
      }
      for (JsonToken item = parser.nextToken();
          item != JsonToken.END_ARRAY;
          item = parser.nextToken()) {
        GroupMembership row = item == JsonToken.START_OBJECT ? row(parser) : null;
        if (row == null) {
          return false;
        }
        visitor.membership(userId.getAsLong(), row);
      }
    }
    return parser.currentToken() == JsonToken.END_OBJECT;
  }

  /** One row, from its opening brace on; null to decline. */
  static GroupMembership row(JsonParser parser) throws IOException {
    Long membershipId = null;
    Long groupId = null;
    Long userId = null;
    Boolean manager = null;
    int seen = 0;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      int bit = bit(field);
      if ((seen & bit) != 0) {
        return null;
      }
      seen |= bit;
      switch (field) {
        case "membership_id" -> {
          if (value != JsonToken.VALUE_NULL && !wholeNumber(parser, value)) {
            return null;
          }
          membershipId = value == JsonToken.VALUE_NULL ? null : parser.getLongValue();
        }
        case "user_id" -> {
          if (value != JsonToken.VALUE_NULL && !wholeNumber(parser, value)) {
            return null;
          }
          userId = value == JsonToken.VALUE_NULL ? null : parser.getLongValue();
        }
        case "group_id" -> {
          if (!wholeNumber(parser, value)) {
            return null;
          }
          groupId = parser.getLongValue();
        }
        case "is_group_manager" -> {
          if (value == JsonToken.VALUE_NULL) {
            manager = null;
          } else if (value == JsonToken.VALUE_TRUE || value == JsonToken.VALUE_FALSE) {
            manager = value == JsonToken.VALUE_TRUE;
          } else {
            return null;
          }
        }
        default -> parser.skipChildren();
      }
    }
    if (groupId == null) {
      return null;
    }
    return new GroupMembership(membershipId, groupId, userId, manager);
  }

  /** A bit for each of the four fields a row is bound from; 0 for any other field. */
  private static int bit(String field) {
    return switch (field) {
      case "membership_id" -> 1;
      case "user_id" -> 2;
      case "group_id" -> 4;
      case "is_group_manager" -> 8;
      default -> 0;
    };
  }

  private static boolean wholeNumber(JsonParser parser, JsonToken value) throws IOException {
    if (value != JsonToken.VALUE_NUMBER_INT) {
      return false;
    }
    JsonParser.NumberType type = parser.getNumberType();
    return type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG;
  }
}
