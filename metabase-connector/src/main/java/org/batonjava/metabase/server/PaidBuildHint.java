package org.batonjava.metabase.server;

import org.slf4j.Logger;

/**
 * Tells the operator when the server is a paid build but the paid-plan flag is off (managers are
 * not synced).
 */
final class PaidBuildHint {
  private PaidBuildHint() {}

  static void log(Logger log, ServerVersion version, boolean paidPlan) {
    if (version.paidBuild() && !paidPlan) {
      log.info(
          "Metabase {} is a paid build; set --metabase-with-paid-plan=true to sync group managers",
          version);
    }
  }
}
