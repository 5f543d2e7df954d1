package org.batonjava.metabase.users;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.grpc.Status;
import org.batonjava.sdk.connector.ConnectorException;

/**
 * The {@code userId} argument of {@code enable_user}/{@code disable_user}: the user's Metabase id,
 * as the string the Go connectors' schema declares (a whole JSON number is accepted too). The
 * messages for a missing or empty value are the Go connectors' own.
 */
final class UserIdArgument {
  static final String NAME = "userId";

  private UserIdArgument() {}

  static long of(Struct args) {
    if (!args.containsFields(NAME)) {
      throw invalid("missing required argument " + NAME);
    }
    Value value = args.getFieldsOrThrow(NAME);
    String text =
        switch (value.getKindCase()) {
          case STRING_VALUE -> value.getStringValue().trim();
          case NUMBER_VALUE ->
              value.getNumberValue() == Math.rint(value.getNumberValue())
                  ? Long.toString((long) value.getNumberValue())
                  : Double.toString(value.getNumberValue());
          case NULL_VALUE -> throw invalid(NAME + " value cannot be nil");
          default -> "";
        };
    if (text.isEmpty()) {
      throw invalid(NAME + " cannot be empty");
    }
    try {
      long id = Long.parseLong(text);
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException notANumber) {
      // below
    }
    throw invalid(
        NAME + " must be a Metabase user id (a positive whole number), got \"" + text + "\"");
  }

  private static ConnectorException invalid(String message) {
    return new ConnectorException(Status.Code.INVALID_ARGUMENT, message);
  }
}
