package org.batonjava.sdk.cli;

import java.util.List;

/**
 * What a root-command run does, chosen as the Go SDK chooses: a client id selects service mode;
 * otherwise the first one-shot flag set (in Go's order) selects that operation; otherwise a full
 * sync into {@code --file}. As in Go, {@code --create-account-email} alone selects nothing.
 *
 * @param kind the mode
 * @param flag the flag that selected it ({@code ""} for a sync)
 * @param operation what it is called in messages
 */
record RunMode(Kind kind, String flag, String operation) {
  enum Kind {
    SYNC,
    SERVICE,
    ONE_SHOT
  }

  private static final List<RunMode> ONE_SHOTS =
      List.of(
          oneShot(DefaultFields.GRANT_ENTITLEMENT, "one-shot grant"),
          oneShot(DefaultFields.REVOKE_GRANT, "one-shot revoke"),
          oneShot(DefaultFields.CREATE_ACCOUNT_PROFILE, "one-shot account creation"),
          oneShot(DefaultFields.CREATE_ACCOUNT_LOGIN, "one-shot account creation"),
          oneShot(DefaultFields.INVOKE_ACTION, "one-shot action"),
          oneShot(DefaultFields.LIST_ACTION_SCHEMAS, "listing action schemas"));

  static RunMode select(ResolvedConfig config) {
    if (config.isSet(DefaultFields.CLIENT_ID)) {
      return new RunMode(Kind.SERVICE, DefaultFields.CLIENT_ID, "service mode");
    }
    for (RunMode oneShot : ONE_SHOTS) {
      if (config.isSet(oneShot.flag())) {
        return oneShot;
      }
    }
    return new RunMode(Kind.SYNC, "", "sync");
  }

  String notSupportedMessage() {
    return operation + " (--" + flag + ") is not supported yet";
  }

  private static RunMode oneShot(String flag, String operation) {
    return new RunMode(Kind.ONE_SHOT, flag, operation);
  }
}
