package org.batonjava.metabase.users;

import c1.connector.v2.ConnectorAccountCreationSchema;
import c1.connector.v2.ConnectorAccountCreationSchema.Field;
import c1.connector.v2.ConnectorAccountCreationSchema.StringField;

/**
 * The account-creation schema all three Go connectors put in their metadata: e-mail, first and last
 * name.
 */
public final class AccountSchema {
  private AccountSchema() {}

  public static final ConnectorAccountCreationSchema METABASE =
      ConnectorAccountCreationSchema.newBuilder()
          .putFieldMap(
              "email",
              field("Email", "User email address (must be unique).", "user@example.com", 1))
          .putFieldMap("first_name", field("First Name", "User's first name.", "John", 2))
          .putFieldMap("last_name", field("Last Name", "User's last name.", "Doe", 3))
          .build();

  private static Field field(
      String displayName, String description, String placeholder, int order) {
    return Field.newBuilder()
        .setDisplayName(displayName)
        .setRequired(true)
        .setDescription(description)
        .setPlaceholder(placeholder)
        .setOrder(order)
        .setStringField(StringField.getDefaultInstance())
        .build();
  }
}
