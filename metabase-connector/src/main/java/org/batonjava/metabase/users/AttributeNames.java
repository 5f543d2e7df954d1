package org.batonjava.metabase.users;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import java.io.IOException;
import java.util.List;
import java.util.TreeSet;

/**
 * Reads a user's {@code login_attributes} object as the sorted list of its attribute NAMES. The
 * values (a region, a database role, sometimes personal data) are skipped token by token and never
 * kept; {@code null} or anything but an object is no attributes.
 */
final class AttributeNames extends JsonDeserializer<List<String>> {
  @Override
  public List<String> deserialize(JsonParser parser, DeserializationContext context)
      throws IOException {
    return read(parser);
  }

  /** The names of the object the parser is at (its values skipped); nothing for anything else. */
  static List<String> read(JsonParser parser) throws IOException {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      parser.skipChildren();
      return List.of();
    }
    TreeSet<String> names = new TreeSet<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      names.add(parser.currentName());
      parser.nextToken();
      parser.skipChildren();
    }
    return List.copyOf(names);
  }

  @Override
  public List<String> getNullValue(DeserializationContext context) {
    return List.of();
  }
}
