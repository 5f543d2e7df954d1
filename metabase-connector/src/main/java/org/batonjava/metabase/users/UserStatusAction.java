package org.batonjava.metabase.users;

import c1.config.v1.BoolField;
import c1.config.v1.Field;
import c1.config.v1.StringField;
import c1.connector.v2.ActionType;
import c1.connector.v2.BatonActionSchema;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import org.batonjava.metabase.http.OperationFailure;
import org.batonjava.sdk.connector.ActionHandler;
import org.batonjava.sdk.connector.ConnectorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The actions {@code enable_user} ({@code PUT /api/user/:id/reactivate}) and {@code disable_user}
 * ({@code DELETE /api/user/:id}), with the Go connectors' schemas (argument {@code userId}, result
 * {@code success}). Idempotent on every variant and version: the user's state is read first ({@link
 * UserStatusLookup}) and a user already in the wanted state is left alone, so Metabase's 400
 * (reactivating an active user) and 500 (deactivating a deactivated one, up to 0.58) are never
 * provoked; if the change fails anyway, the state is read again and a user that reached it
 * meanwhile counts as done. An unknown id is {@code NOT_FOUND}.
 */
public final class UserStatusAction implements ActionHandler {
  public static final String ENABLE = "enable_user";
  public static final String DISABLE = "disable_user";

  private static final Logger LOG = LoggerFactory.getLogger(UserStatusAction.class);

  private final boolean enable;
  private final UsersApi client;
  private final UserStatusLookup status;
  private final BatonActionSchema schema;

  private UserStatusAction(boolean enable, UsersApi client, UserStatusLookup status) {
    this.enable = enable;
    this.client = client;
    this.status = status;
    this.schema =
        schema(
            enable ? ENABLE : DISABLE,
            enable
                ? ActionType.ACTION_TYPE_ACCOUNT_ENABLE
                : ActionType.ACTION_TYPE_ACCOUNT_DISABLE);
  }

  public static UserStatusAction enable(UsersApi client, UserStatusLookup status) {
    return new UserStatusAction(true, client, status);
  }

  public static UserStatusAction disable(UsersApi client, UserStatusLookup status) {
    return new UserStatusAction(false, client, status);
  }

  @Override
  public BatonActionSchema schema() {
    return schema;
  }

  @Override
  public Struct invoke(Struct args) {
    long userId = UserIdArgument.of(args);
    if (status.active(userId) == enable) {
      LOG.debug("user {} already {}, nothing to do", userId, enable ? "active" : "inactive");
      return success();
    }
    try {
      if (enable) {
        client.reactivateUser(userId);
      } else {
        client.deactivateUser(userId);
      }
    } catch (ConnectorException e) {
      // After a lost answer (a transient failure) the change may be this run's: the SDK's retry
      // reports that.
      if (!e.transientFailure() && reachedMeanwhile(userId)) {
        return success();
      }
      throw OperationFailure.of(
          "cannot " + (enable ? "enable" : "disable") + " Metabase user " + userId, e);
    }
    LOG.info("Metabase: {} user {}", enable ? "reactivated" : "deactivated", userId);
    return success();
  }

  /**
   * After a failed change: whether the user is in the wanted state anyway (someone else changed
   * it).
   */
  private boolean reachedMeanwhile(long userId) {
    try {
      return status.active(userId) == enable;
    } catch (ConnectorException unreadable) {
      return false;
    }
  }

  private static Struct success() {
    return Struct.newBuilder()
        .putFields("success", Value.newBuilder().setBoolValue(true).build())
        .build();
  }

  /**
   * The Go connectors' schema: no display name or description, one required string argument, one
   * bool result.
   */
  private static BatonActionSchema schema(String name, ActionType type) {
    return BatonActionSchema.newBuilder()
        .setName(name)
        .addArguments(
            Field.newBuilder()
                .setName(UserIdArgument.NAME)
                .setDisplayName("User ID")
                .setStringField(StringField.getDefaultInstance())
                .setIsRequired(true))
        .addReturnTypes(
            Field.newBuilder()
                .setName("success")
                .setDisplayName("Success")
                .setBoolField(BoolField.getDefaultInstance()))
        .addActionType(ActionType.ACTION_TYPE_ACCOUNT)
        .addActionType(type)
        .build();
  }
}
